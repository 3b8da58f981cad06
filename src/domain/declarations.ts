/**
 * What a school says about itself: how many schools it has capacity to support, and the areas
 * where it wants support. Matching weighs these beside the evidence.
 */

export const NEED_AREAS = [
  'teaching-and-learning',
  'leadership',
  'data-and-assessment',
  'curriculum',
  'send',
  'behaviour-and-attendance',
  'governance',
  'early-years',
  'wellbeing',
] as const;

export type NeedArea = (typeof NEED_AREAS)[number];

export const NEED_AREA_LABELS: Record<NeedArea, string> = {
  'teaching-and-learning': 'Teaching and learning',
  leadership: 'Leadership',
  'data-and-assessment': 'Data and assessment',
  curriculum: 'Curriculum',
  send: 'Special educational needs and disabilities (SEND)',
  'behaviour-and-attendance': 'Behaviour and attendance',
  governance: 'Governance',
  'early-years': 'Early years',
  wellbeing: 'Staff and pupil wellbeing',
};

/** The most partner schools one school can sensibly say it supports at once. */
export const MAX_CAPACITY_TO_SUPPORT = 20;

export interface SchoolDeclaration {
  urn: number;
  /** How many schools it can support at once (0: none at present). */
  capacityToSupport: number;
  needs: NeedArea[];
  updatedAt: Date | null;
}
