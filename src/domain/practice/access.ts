import {
  canEditSchool,
  organisationsSharedWith,
  type OrganisationSchoolLink,
  type SessionUser,
} from '../access.ts';
import { isPublic, type PracticeStanding } from './model.ts';

/**
 * Who may read, change and moderate a practice record. The published version is the library's
 * and anyone reads it; the school's own members write and see every version; moderators see a
 * version only once the school has sent it to them, so a draft stays the school's own.
 */

type MaybeUser = SessionUser | null | undefined;

/**
 * Moderators are platform administrators and officers of an organisation the school shares its
 * records with; nobody moderates their own school's record.
 */
export function canModeratePractice(
  user: MaybeUser,
  urn: number,
  links: readonly OrganisationSchoolLink[],
): boolean {
  if (!user || canEditSchool(user, urn)) return false;
  if (user.platformAdmin) return true;
  const shared = new Set(organisationsSharedWith(urn, links));
  return user.organisations.some((o) => shared.has(o.id));
}

/** Anyone who moderates any record: they see the queue. */
export const isPracticeModerator = (user: MaybeUser): boolean =>
  !!user && (user.platformAdmin || user.organisations.length > 0);

export interface PracticeRights {
  /** The version the public sees (or saw, before it was withdrawn). */
  readPublished: boolean;
  /** The version the school is working on, when it differs from the published one. */
  readWorking: boolean;
  edit: boolean;
  submit: boolean;
  moderate: boolean;
  withdraw: boolean;
  report: boolean;
  /** Read the reports on a public record and dismiss them (or withdraw the record). */
  reviewReports: boolean;
}

/** Everything one person may do with one record. */
export function practiceRights(
  user: MaybeUser,
  record: PracticeStanding,
  links: readonly OrganisationSchoolLink[],
): PracticeRights {
  const own = canEditSchool(user, record.urn);
  const moderator = canModeratePractice(user, record.urn, links);
  const sentToModerators = record.workingState === 'submitted' && !record.withdrawn;
  const open = !record.withdrawn;
  return {
    readPublished: record.publishedVersion !== null && (isPublic(record) || own || moderator),
    readWorking: own || (moderator && sentToModerators),
    edit: own && open,
    submit: own && open && (record.workingState === 'draft' || record.workingState === 'returned'),
    moderate: moderator && sentToModerators,
    withdraw: open && (own || (moderator && (isPublic(record) || sentToModerators))),
    report: !!user && !own && isPublic(record),
    reviewReports: moderator && isPublic(record),
  };
}

/** May the person see that the record exists at all? */
export const canSeePractice = (rights: PracticeRights): boolean => rights.readPublished || rights.readWorking;
