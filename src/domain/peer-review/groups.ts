import { phrase, type Phrase } from '../words.ts';

/**
 * Review groups. A cluster of three to six schools reviews each of its schools in turn (the
 * Schools Partnership Programme's model); a hub's trained lead reviewer leads teams of serving
 * leaders from other schools (Challenge Partners' model). Peer review is invitational: a school
 * is in a group only once its own administrator agrees.
 */

export const GROUP_MODELS = ['cluster', 'hub'] as const;
export type GroupModel = (typeof GROUP_MODELS)[number];
export const GROUP_MODEL_LABELS: Record<GroupModel, string> = {
  cluster: 'Cluster: three to six schools review each other in turn',
  hub: 'Hub: a lead reviewer leads teams from other schools',
};

export const GROUP_SIZES: Record<GroupModel, { min: number; max: number }> = {
  cluster: { min: 3, max: 6 },
  hub: { min: 2, max: 30 },
};

/** A school's answer to joining a group. */
export const CONSENTS = ['invited', 'joined', 'declined', 'left'] as const;
export type Consent = (typeof CONSENTS)[number];
export const CONSENT_LABELS: Record<Consent, string> = {
  invited: 'Invited',
  joined: 'Agreed to take part',
  declined: 'Declined',
  left: 'Left the group',
};

export interface GroupSchool {
  urn: number;
  consent: Consent;
}

export const joinedSchools = (schools: readonly GroupSchool[]): number[] =>
  schools.filter((s) => s.consent === 'joined').map((s) => s.urn);

/** Schools still in the group, or asked to join it. */
export const currentSchools = (schools: readonly GroupSchool[]): number[] =>
  schools.filter((s) => s.consent === 'joined' || s.consent === 'invited').map((s) => s.urn);

/** Why a group of this size cannot be formed with these schools; null when it can. */
export function groupSizeProblem(model: GroupModel, urnCount: number): Phrase | null {
  const { min, max } = GROUP_SIZES[model];
  if (urnCount < min) return phrase(`A ${model} needs at least {{min}} schools, counting yours.`, { min });
  if (urnCount > max) return phrase(`A ${model} has at most {{max}} schools, counting yours.`, { max });
  return null;
}

/**
 * Why a cycle cannot be scheduled yet; null when it can (enough schools have agreed). A phrase with
 * the count, for the reader's language to choose its own form ("2 ysgol", "1 school").
 */
export function schedulingProblem(model: GroupModel, schools: readonly GroupSchool[]): Phrase | null {
  const joined = joinedSchools(schools).length;
  const { min } = GROUP_SIZES[model];
  if (joined >= min) return null;
  const agreed = joined === 1 ? 'school has' : 'schools have';
  return phrase(
    `{{joined}} ${agreed} agreed to take part; a ${model} needs {{min}} before a cycle can be scheduled.`,
    { joined, min, count: joined },
  );
}
