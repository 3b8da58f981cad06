import { DESIGNATION_LABELS, DESIGNATIONS, type Designation } from '../../domain/access.ts';
import { FOCUS_AREA_LABELS, FOCUS_AREAS, type FocusArea } from '../../domain/focus-areas.ts';
import { FREE_WITHIN_LABELS, type SystemLeaderProfile } from '../../domain/leaders/profile.ts';
import { PHASE_LABELS, type Phase } from '../../domain/school.ts';
import { LEADER_PHASES } from '../../app/leaders/profile-input.ts';
import type { DeploymentDone, DirectoryLeader } from '../../app/leaders/directory.ts';
import type { LeaderMatch } from '../../domain/leaders/matching.ts';
import type { Language } from '../../domain/language.ts';
import { translateMessage, translator } from '../../i18n/index.ts';
import { inPlacesIn } from '../../i18n/places.ts';
import { lowerFirst, type Words } from '../../domain/words.ts';

const label = (language: Language, message: string) => translateMessage(language, { message });

/** Words and choices the system-leader pages share. */

export const expertiseItems = (selected: readonly string[], language: Language = 'en') =>
  FOCUS_AREAS.map((value) => ({
    value,
    text: label(language, FOCUS_AREA_LABELS[value]),
    checked: selected.includes(value),
  }));

export const phaseCheckboxes = (selected: readonly string[], language: Language = 'en') =>
  LEADER_PHASES.map((value) => ({
    value,
    text: label(language, PHASE_LABELS[value]),
    checked: selected.includes(value),
  }));

/** "National leader of education (NLE)", its name in the reader's language. */
export const designationText = (designation: Designation, language: Language = 'en') =>
  `${label(language, DESIGNATION_LABELS[designation])} (${designation})`;

export const designationCheckboxes = (selected: readonly string[], language: Language = 'en') =>
  DESIGNATIONS.map((value) => ({
    value,
    text: designationText(value, language),
    checked: selected.includes(value),
  }));

export const expertiseText = (areas: readonly FocusArea[], language: Language = 'en') =>
  areas.map((a) => label(language, FOCUS_AREA_LABELS[a]));
export const phasesText = (phases: readonly Phase[], language: Language = 'en') =>
  phases.map((p) => label(language, PHASE_LABELS[p])).join(', ');

/**
 * The client school of a deployment, not named: "a primary school in Leeds", "ysgol gynradd yng
 * Nghaerdydd" (the phase's words whole in the catalogue, as Welsh mutates it after "ysgol").
 */
export function clientSchoolText({ phase, localAuthority }: DeploymentDone['school'], language: Language) {
  const t = translator(language);
  const school = t(phase ? `leaders.profile.clientSchool.${phase}` : 'leaders.profile.clientSchool.any');
  const place = inPlacesIn(language, [localAuthority ?? undefined], (name) =>
    t('leaders.profile.clientIn', { place: name }),
  );
  return place ? `${school} ${place}` : school;
}

const pounds = (n: number) =>
  new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency: 'GBP',
    maximumFractionDigits: n % 1 ? 2 : 0,
  }).format(n);

/** "£450 a day; no charge within our trust", "No charge". */
export function chargingText(
  p: Pick<SystemLeaderProfile, 'dayRatePounds' | 'freeWithin'>,
  language: Language = 'en',
): string {
  const rate = rateText(p.dayRatePounds, language);
  return p.freeWithin && p.dayRatePounds
    ? `${rate}; ${label(language, FREE_WITHIN_LABELS[p.freeWithin]).toLowerCase()}`
    : rate;
}

/** "£450 a day", "No charge". */
export const rateText = (dayRatePounds: number | null, language: Language = 'en') => {
  const t = translator(language);
  return dayRatePounds ? t('leaders.perDay', { amount: pounds(dayRatePounds) }) : t('leaders.noCharge');
};

export function travelText(
  p: Pick<SystemLeaderProfile, 'travelKm' | 'worksRemotely'>,
  language: Language = 'en',
): string {
  const t = translator(language);
  const parts = [
    p.travelKm !== null ? t('leaders.travelsUpTo', { km: p.travelKm }) : null,
    p.worksRemotely ? t(p.travelKm !== null ? 'leaders.alsoRemote' : 'leaders.worksRemotely') : null,
  ].filter((s) => s !== null);
  return parts.join('; ');
}

/** The values of a match's reason that are catalogue labels (see LeaderMatch). */
const LABELLED = new Set(['areas', 'phase', 'designation']);

/** Why a leader matches, in the reader's language: its labels too ("Arbenigedd mewn llythrennedd …"). */
export function reasonIn(language: Language, words: Words): string {
  const own = (value: string) => {
    const said = label(
      language,
      value.replace(/^./, (c) => c.toUpperCase()),
    );
    return /^\p{Ll}/u.test(value) ? lowerFirst(said) : said;
  };
  const values = Object.fromEntries(
    Object.entries(words.values).map(([name, value]) => [
      name,
      !LABELLED.has(name) || typeof value === 'number'
        ? value
        : Array.isArray(value)
          ? value.map(own)
          : own(value),
    ]),
  );
  return translateMessage(language, { message: words.message, template: words.template, values });
}

/** Days as people say them: "6", "6.5", "1 day". */
/** A system leader as a result row: who, where, what, how much time and how far, and why they match. */
export const leaderRow =
  (language: Language = 'en') =>
  ({ leader, distanceKm, reasons }: LeaderMatch<DirectoryLeader>) => ({
    id: leader.id,
    name: leader.name,
    jobTitle: leader.profile.jobTitle,
    schoolName: leader.profile.schoolName,
    designations: leader.designations,
    expertise: expertiseText(leader.expertise, language),
    phases: phasesText(leader.phases, language),
    days: daysText(leader.daysLeft, language),
    travel: travelText(leader.profile, language),
    example: leader.profile.example,
    distanceKm,
    reasons: reasons.map((r) => reasonIn(language, r)),
  });

export const daysText = (days: number, language: Language = 'en') => {
  const rounded = Number(days.toFixed(1));
  return translator(language)('leaders.days', { count: rounded, days: rounded });
};

export { pounds };
