import type { FocusArea } from '../focus-areas.ts';
import { REGISTRY_MEASURE_INFO } from '../partnerships/impact/measures.ts';
import type { RegistryMeasure } from '../partnerships/model.ts';
import type { Performance } from '../school.ts';

/**
 * How strong the evidence behind a practice is, on a published scale modelled on the way the
 * Education Endowment Foundation rates evidence, in S2S's own words. Nobody can claim more than
 * S2S can check: the data-backed and comparison-group levels are set by S2S from the figures it
 * holds, and an external evaluation counts once a moderator has checked the reference.
 */
export const EVIDENCE_LEVELS = ['own-account', 'data-backed', 'comparison-group', 'external'] as const;
export type EvidenceLevel = (typeof EVIDENCE_LEVELS)[number];

export interface EvidenceLevelInfo {
  level: EvidenceLevel;
  /** 1 (weakest) to 4: the order results rank in, and a filter's "at least". */
  rank: number;
  label: string;
  description: string;
  /** Who decides a record is at this level. */
  setBy: string;
}

export const EVIDENCE_SCALE: readonly EvidenceLevelInfo[] = [
  {
    level: 'own-account',
    rank: 1,
    label: 'The school’s own account',
    description:
      'The school describes what it did and what it saw change. Worth reading for the how; nothing beyond the school’s word shows that it worked.',
    setBy: 'Every record starts here.',
  },
  {
    level: 'data-backed',
    rank: 2,
    label: 'Backed by published data',
    description:
      'The school’s published results in the area of the practice rose between the summer before it began and the latest summer since. S2S shows the figures beside the record. Results move for many reasons, so this shows the practice is consistent with better results, not that it caused them.',
    setBy:
      'S2S, from the results tables it holds, for records in literacy, numeracy, teaching and learning, curriculum, leadership or data and assessment that say when the practice began.',
  },
  {
    level: 'comparison-group',
    rank: 3,
    label: 'Evaluated against a comparison group',
    description:
      'A completed S2S partnership that carried out the practice measured its effect against similar schools that were not in a partnership (a difference in differences), and the estimate points the right way. S2S shows the estimate with its uncertainty.',
    setBy: 'S2S, from the impact report of a completed partnership the school took part in.',
  },
  {
    level: 'external',
    rank: 4,
    label: 'Evaluated externally',
    description:
      'An evaluation by someone outside the school (a university, an evaluation body, an inspectorate’s thematic report) looked at the practice; the record says where to read it.',
    setBy:
      'The author gives the reference; it counts once a moderator has checked it is real and about this practice.',
  },
];

const INFO = new Map(EVIDENCE_SCALE.map((i) => [i.level, i]));
export const evidenceInfo = (level: EvidenceLevel): EvidenceLevelInfo => INFO.get(level)!;
export const evidenceRank = (level: EvidenceLevel): number => evidenceInfo(level).rank;
export const evidenceLabel = (level: EvidenceLevel): string => evidenceInfo(level).label;

/**
 * The published measures that can show a change in each focus area. Areas such as governance or
 * wellbeing have none in the results tables, so a record about them stays at its own account
 * unless it is evaluated.
 */
export const FOCUS_AREA_MEASURES: Partial<Record<FocusArea, readonly RegistryMeasure[]>> = {
  literacy: ['ks2.readingProgress', 'ks2.writingProgress', 'ks4.englishMaths5Percent'],
  numeracy: ['ks2.mathsProgress', 'ks4.englishMaths5Percent'],
  'teaching-and-learning': ['ks2.rwmExpectedPercent', 'ks4.progress8', 'ks4.attainment8'],
  curriculum: ['ks2.rwmExpectedPercent', 'ks4.progress8', 'ks4.attainment8'],
  leadership: ['ks2.rwmExpectedPercent', 'ks4.progress8', 'ks4.attainment8'],
  'data-and-assessment': ['ks2.rwmExpectedPercent', 'ks4.progress8', 'ks4.attainment8'],
};

/** One published measure of the school, in the summer before the practice began and the latest since. */
export interface FigureChange {
  measure: RegistryMeasure;
  label: string;
  unit: string;
  before: { year: number; value: number };
  after: { year: number; value: number };
  change: number;
  /** Every one of these measures is better higher. */
  improved: boolean;
}

/**
 * The school's published figures either side of the start, for every measure of the record's
 * focus areas that it has results for on both sides. A practice that began in the school year
 * starting in September `startedIn` is compared from that summer's results (before it began) to
 * the latest summer after; years before a measure's first comparable year are not used.
 */
export function figuresFor(
  performance: readonly Performance[],
  focusAreas: readonly FocusArea[],
  startedIn: number | null,
): FigureChange[] {
  if (startedIn === null) return [];
  const measures = [...new Set(focusAreas.flatMap((a) => FOCUS_AREA_MEASURES[a] ?? []))];
  return measures.flatMap((measure) => {
    const info = REGISTRY_MEASURE_INFO[measure];
    const values = performance
      .filter((p) => p.keyStage === info.keyStage && p.year >= info.firstComparableYear)
      .flatMap((p) => {
        const value = p[info.field];
        return value === null ? [] : [{ year: p.year, value }];
      })
      .sort((a, b) => a.year - b.year);
    const before = values.filter((v) => v.year <= startedIn).at(-1);
    const after = values.filter((v) => v.year > startedIn).at(-1);
    if (!before || !after) return [];
    const change = after.value - before.value;
    return [{ measure, label: info.label, unit: info.unit, before, after, change, improved: change > 0 }];
  });
}

/** A completed partnership's estimate of its effect on one published measure. */
export interface ComparisonEstimate {
  measure: RegistryMeasure;
  label: string;
  unit: string;
  estimate: number;
  interval: [number, number];
  comparisonSchools: number;
}

export interface EvidenceInput {
  figures: readonly FigureChange[];
  estimates: readonly ComparisonEstimate[];
  externalEvaluation: string;
  externalChecked: boolean;
}

/** The highest level the evidence S2S can check reaches. */
export function evidenceLevel(input: EvidenceInput): EvidenceLevel {
  if (input.externalChecked && input.externalEvaluation.trim() !== '') return 'external';
  if (input.estimates.some((e) => e.estimate > 0)) return 'comparison-group';
  if (input.figures.some((f) => f.improved)) return 'data-backed';
  return 'own-account';
}

/** Levels at or above `level`: the filter "evidence at least …". */
export const levelsAtLeast = (level: EvidenceLevel): EvidenceLevel[] =>
  EVIDENCE_LEVELS.filter((l) => evidenceRank(l) >= evidenceRank(level));

/** A version's evidence as S2S found it: the level and what it rests on. */
export interface PracticeEvidence {
  level: EvidenceLevel;
  figures: FigureChange[];
  estimates: ComparisonEstimate[];
  externalChecked: boolean;
}

/** The evidence of a version from what S2S found, at the level it reaches. */
export function assessEvidence(
  input: Omit<EvidenceInput, 'figures' | 'estimates'> & {
    figures: FigureChange[];
    estimates: ComparisonEstimate[];
  },
): PracticeEvidence {
  return {
    level: evidenceLevel(input),
    figures: input.figures,
    estimates: input.estimates,
    externalChecked: input.externalChecked,
  };
}
