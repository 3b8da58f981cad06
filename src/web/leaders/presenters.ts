import { DESIGNATIONS, designationName } from '../../domain/access.ts';
import { FOCUS_AREA_LABELS, FOCUS_AREAS, type FocusArea } from '../../domain/focus-areas.ts';
import { FREE_WITHIN_LABELS, type SystemLeaderProfile } from '../../domain/leaders/profile.ts';
import { PHASE_LABELS, type Phase } from '../../domain/school.ts';
import { LEADER_PHASES } from '../../app/leaders/profile-input.ts';
import type { DirectoryLeader } from '../../app/leaders/directory.ts';
import type { LeaderMatch } from '../../domain/leaders/matching.ts';

/** Words and choices the system-leader pages share. */

export const expertiseItems = (selected: readonly string[]) =>
  FOCUS_AREAS.map((value) => ({ value, text: FOCUS_AREA_LABELS[value], checked: selected.includes(value) }));

export const phaseCheckboxes = (selected: readonly string[]) =>
  LEADER_PHASES.map((value) => ({ value, text: PHASE_LABELS[value], checked: selected.includes(value) }));

export const designationCheckboxes = (selected: readonly string[]) =>
  DESIGNATIONS.map((value) => ({ value, text: designationName(value), checked: selected.includes(value) }));

export const expertiseText = (areas: readonly FocusArea[]) => areas.map((a) => FOCUS_AREA_LABELS[a]);
export const phasesText = (phases: readonly Phase[]) => phases.map((p) => PHASE_LABELS[p]).join(', ');

const pounds = (n: number) =>
  new Intl.NumberFormat('en-GB', {
    style: 'currency',
    currency: 'GBP',
    maximumFractionDigits: n % 1 ? 2 : 0,
  }).format(n);

/** "£450 a day; no charge within our trust", "No charge". */
export function chargingText(p: Pick<SystemLeaderProfile, 'dayRatePounds' | 'freeWithin'>): string {
  const rate = p.dayRatePounds ? `${pounds(p.dayRatePounds)} a day` : 'No charge';
  return p.freeWithin && p.dayRatePounds
    ? `${rate}; ${FREE_WITHIN_LABELS[p.freeWithin].toLowerCase()}`
    : rate;
}

export function travelText(p: Pick<SystemLeaderProfile, 'travelKm' | 'worksRemotely'>): string {
  const parts = [
    p.travelKm !== null ? `Travels up to ${p.travelKm} km` : null,
    p.worksRemotely ? (p.travelKm !== null ? 'also works remotely' : 'Works remotely') : null,
  ].filter((s) => s !== null);
  return parts.join('; ');
}

/** Days as people say them: "6", "6.5", "1 day". */
/** A system leader as a result row: who, where, what, how much time and how far, and why they match. */
export const leaderRow = ({ leader, distanceKm, reasons }: LeaderMatch<DirectoryLeader>) => ({
  id: leader.id,
  name: leader.name,
  jobTitle: leader.profile.jobTitle,
  schoolName: leader.profile.schoolName,
  designations: leader.designations,
  expertise: expertiseText(leader.expertise),
  phases: phasesText(leader.phases),
  days: daysText(leader.daysLeft),
  travel: travelText(leader.profile),
  example: leader.profile.example,
  distanceKm,
  reasons,
});

export const daysText = (days: number) => `${Number(days.toFixed(1))} ${days === 1 ? 'day' : 'days'}`;

export { pounds };
