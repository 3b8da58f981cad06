import {
  canAdministerPlatform,
  canAdministerSchool,
  isOrganisationOfficer,
  type MaybeUser,
} from './access.ts';
import { phrase, writePhrase, type Phrase } from './words.ts';

/**
 * Sponsorship, the structural kind of school-to-school support (seed 003): a sponsor, a trust or
 * a sponsor school, takes on a school from a date and may hand it on later. S2S records it; it
 * does not manage it. These rules say what partner search and the impact report make of it.
 */

/** Who took the school on. */
export type Sponsor =
  { kind: 'organisation'; id: number; name: string } | { kind: 'school'; urn: number; name: string };

export interface Sponsorship {
  id: number;
  /** The school taken on. */
  urn: number;
  schoolName: string;
  sponsor: Sponsor;
  /** ISO dates; `endsOn` null while it lasts. */
  startsOn: string;
  endsOn: string | null;
}

/** A school taken on within this many years is still settling into its trust. */
export const RECENT_SPONSORSHIP_YEARS = 2;

/** In force on the day: started, and not yet ended. */
export const isCurrent = (s: Pick<Sponsorship, 'startsOn' | 'endsOn'>, today: string): boolean =>
  s.startsOn <= today && (s.endsOn === null || s.endsOn >= today);

/** The day `years` years before an ISO date. */
const yearsBefore = (iso: string, years: number) => `${Number(iso.slice(0, 4)) - years}${iso.slice(4)}`;

/** Taken on within the last two years, and still sponsored. */
export const isRecent = (s: Sponsorship, today: string): boolean =>
  isCurrent(s, today) && s.startsOn > yearsBefore(today, RECENT_SPONSORSHIP_YEARS);

/** One key per sponsor, so a trust and a school with the same number never meet. */
export const sponsorKey = (sponsor: Sponsor): string =>
  sponsor.kind === 'organisation' ? `organisation:${sponsor.id}` : `school:${sponsor.urn}`;

/** Each school's sponsorships: those that took it on, and those it made as a sponsor school. */
export type SponsorshipsBySchool = ReadonlyMap<number, readonly Sponsorship[]>;

/**
 * The sponsorships by the schools they concern, each list in the order recorded. Partner search
 * reads both schools' for every candidate it shows: a scan of every sponsorship recorded for each
 * made an answer's cost grow with how many trusts had recorded theirs (with 10,000, about twenty
 * scans of 10,000 an answer).
 */
export function sponsorshipsBySchool(sponsorships: readonly Sponsorship[]): SponsorshipsBySchool {
  const bySchool = new Map<number, Sponsorship[]>();
  const add = (urn: number, s: Sponsorship) => {
    const list = bySchool.get(urn);
    if (list) list.push(s);
    else bySchool.set(urn, [s]);
  };
  for (const s of sponsorships) {
    add(s.urn, s);
    if (s.sponsor.kind === 'school' && s.sponsor.urn !== s.urn) add(s.sponsor.urn, s);
  }
  return bySchool;
}

/**
 * The sponsors a school belongs to on the day: those that sponsor it now, and itself when it is
 * a sponsor school (a sponsor school is in its own trust).
 */
export function familiesOf(
  urn: number,
  sponsorships: readonly Sponsorship[],
  today: string,
): Map<string, string> {
  const families = new Map<string, string>();
  for (const s of sponsorships) {
    if (!isCurrent(s, today)) continue;
    if (s.urn === urn) families.set(sponsorKey(s.sponsor), s.sponsor.name);
    if (s.sponsor.kind === 'school' && s.sponsor.urn === urn)
      families.set(sponsorKey(s.sponsor), s.sponsor.name);
  }
  return families;
}

/** What partner search says of one candidate, given both schools' sponsorships. */
export interface SponsorshipReading {
  /** The sponsor both schools belong to, if any. */
  sameTrust: string | null;
  /** The candidate's current sponsorship when it began within two years. */
  recentlyTakenOn: Sponsorship | null;
  reasons: string[];
  /** The same reasons as phrases, for a page to write in the reader's language. */
  reasonWords: Phrase[];
}

/**
 * Why a candidate's sponsorship matters to the school searching. Schools in the same trust often
 * partner (shared leadership, no contract to agree), so that is a reason to choose them. A school
 * recently taken on by another sponsor is getting its support from its trust first: a head
 * would want to know before proposing, whichever way the support would flow.
 */
export function readSponsorship(
  own: number,
  candidate: number,
  bySchool: SponsorshipsBySchool,
  today: string,
): SponsorshipReading {
  const theirSponsorships = bySchool.get(candidate) ?? [];
  const mine = familiesOf(own, bySchool.get(own) ?? [], today);
  const theirs = familiesOf(candidate, theirSponsorships, today);
  const shared = [...theirs.entries()].find(([key]) => mine.has(key));
  const recent = theirSponsorships.find(
    (s) => s.urn === candidate && isRecent(s, today) && !mine.has(sponsorKey(s.sponsor)),
  );
  const reasonWords: Phrase[] = [];
  if (shared) reasonWords.push(phrase('In the same trust as you ({{sponsor}})', { sponsor: shared[1] }));
  if (recent) {
    reasonWords.push(
      phrase('Recently taken on by {{sponsor}} (since {{date}}): its trust is supporting it', {
        sponsor: recent.sponsor.name,
        date: recent.startsOn,
      }),
    );
  }
  return {
    sameTrust: shared?.[1] ?? null,
    recentlyTakenOn: recent ?? null,
    reasons: reasonWords.map((p) => writePhrase(p)),
    reasonWords,
  };
}

/** When a partnership school was taken on, against the partnership's start. */
export type SponsorshipTiming = 'before' | 'during';

/**
 * The sponsorships that an impact report must mention: a school taken on before the partnership
 * (still sponsored when it began) or during it (up to `until`). A change of sponsor is a change
 * at the school beside the partnership, so an improvement is not the partnership's alone.
 */
export function sponsorshipsBeside(
  sponsorships: readonly Sponsorship[],
  partnership: { start: string; until: string },
): (Sponsorship & { timing: SponsorshipTiming })[] {
  return sponsorships.flatMap((s): (Sponsorship & { timing: SponsorshipTiming })[] => {
    if (s.startsOn > partnership.until) return [];
    if (s.startsOn >= partnership.start) return [{ ...s, timing: 'during' }];
    if (s.endsOn !== null && s.endsOn < partnership.start) return [];
    return [{ ...s, timing: 'before' }];
  });
}

/** Two spells of sponsorship of one school overlap: a school has one sponsor at a time. */
export const overlaps = (
  a: Pick<Sponsorship, 'startsOn' | 'endsOn'>,
  b: Pick<Sponsorship, 'startsOn' | 'endsOn'>,
): boolean => (a.endsOn === null || a.endsOn >= b.startsOn) && (b.endsOn === null || b.endsOn >= a.startsOn);

/**
 * Who may record that a sponsor took a school on: a platform administrator, an officer of the
 * sponsoring trust, or an administrator of the sponsor school.
 */
export function canRecordSponsorship(
  user: MaybeUser,
  sponsor: { organisationId: number } | { urn: number },
): boolean {
  if (!user) return false;
  if (canAdministerPlatform(user)) return true;
  return 'organisationId' in sponsor
    ? isOrganisationOfficer(user, sponsor.organisationId)
    : canAdministerSchool(user, sponsor.urn);
}
