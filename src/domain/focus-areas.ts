/**
 * The one list of areas of school improvement that S2S speaks of everywhere: what a school
 * declares it needs or can offer, a partnership's focus, a practice record's subject, a system
 * leader's expertise and a peer review's findings. The evaluation of the Welsh Pathfinder grouped
 * collaborative work as teaching and learning, leadership, and using data and assessment; the
 * rest are the areas schools and inspectors most often name.
 */
import type { Country } from './school.ts';

export const FOCUS_AREAS = [
  'teaching-and-learning',
  'leadership',
  'data-and-assessment',
  'curriculum',
  'literacy',
  'numeracy',
  'send',
  'behaviour-and-attendance',
  'governance',
  'early-years',
  'wellbeing',
  'welsh-language',
] as const;
export type FocusArea = (typeof FOCUS_AREAS)[number];

export const FOCUS_AREA_LABELS: Record<FocusArea, string> = {
  'teaching-and-learning': 'Teaching and learning',
  leadership: 'Leadership',
  'data-and-assessment': 'Using data and assessment',
  curriculum: 'Curriculum',
  literacy: 'Literacy (reading, writing, English)',
  numeracy: 'Numeracy (mathematics)',
  send: 'Special educational needs and disabilities (SEND) and additional learning needs (ALN)',
  'behaviour-and-attendance': 'Behaviour and attendance',
  governance: 'Governance',
  'early-years': 'Early years',
  wellbeing: 'Staff and pupil wellbeing',
  'welsh-language': 'Welsh language development',
};

/**
 * Each area inside a sentence ("Asks for support in literacy (reading, writing, English)"), as
 * English writes it: names and acronyms keep their capitals, and Welsh language development is
 * "developing the Welsh language", so that it never reads as the label at the head of a list.
 */
export const FOCUS_AREA_IN_SENTENCE: Record<FocusArea, string> = {
  'teaching-and-learning': 'teaching and learning',
  leadership: 'leadership',
  'data-and-assessment': 'using data and assessment',
  curriculum: 'curriculum',
  literacy: 'literacy (reading, writing, English)',
  numeracy: 'numeracy (mathematics)',
  send: 'special educational needs and disabilities (SEND) and additional learning needs (ALN)',
  'behaviour-and-attendance': 'behaviour and attendance',
  governance: 'governance',
  'early-years': 'early years',
  wellbeing: 'staff and pupil wellbeing',
  'welsh-language': 'developing the Welsh language',
};

/** Welsh language development is a question for schools in Wales (Cymraeg 2050), not for English ones. */
const WALES_ONLY: readonly FocusArea[] = ['welsh-language'];

/** The focus areas a school in this country is offered. */
export function focusAreasFor(country: Country): readonly FocusArea[] {
  return country === 'Wales' ? FOCUS_AREAS : FOCUS_AREAS.filter((area) => !WALES_ONLY.includes(area));
}
