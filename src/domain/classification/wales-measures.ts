import {
  ESTYN_AREAS,
  type Categorisation,
  type EstynArea,
  type EstynJudgement,
  type Inspection,
  type SchoolRecord,
} from '../school.ts';
import { estynEraOf } from '../wales.ts';
import type { MeasureName, MeasureValue } from './types.ts';
import { SLOT, type MeasureSet } from './measure-set.ts';
import { phrase, type Phrase } from '../words.ts';

/**
 * The measures Welsh evidence gives: an Estyn inspection in its era (summary judgements before
 * September 2022, narrative reports since, which give none) and the national categorisation's
 * support category. Nothing here is read as an Ofsted grade.
 */

export const ESTYN_AREA_LABELS: Record<EstynArea, string> = {
  standards: 'standards',
  wellbeing: 'wellbeing and attitudes to learning',
  teaching: 'teaching and learning experiences',
  care: 'care, support and guidance',
  leadership: 'leadership and management',
  currentPerformance: 'current performance',
  prospects: 'prospects for improvement',
};

export const ESTYN_JUDGEMENT_LABELS: Record<EstynJudgement, string> = {
  1: 'Excellent',
  2: 'Good',
  3: 'Adequate',
  4: 'Unsatisfactory',
};

/** The categorisation's year as the Welsh Government writes it: 2019 (published January 2019) is 2018/19. */
export const categorisationYear = (year: number): string => `${year - 1}/${String(year).slice(2)}`;

export function estynMeasures(measures: MeasureSet, inspection: Inspection): void {
  const era = estynEraOf(inspection.startDate);
  measures.set(SLOT['estyn.era'], era);
  measures.set(SLOT['estyn.followUp'], inspection.estynFollowUp ?? 'none');
  if (era !== 'summary-judgements') return;
  const judged: EstynJudgement[] = [];
  for (const area of ESTYN_AREAS) {
    const judgement = inspection.estynJudgements?.[area];
    if (judgement === undefined) continue;
    measures.set(SLOT[`estyn.area.${area}`], judgement);
    judged.push(judgement);
  }
  if (judged.length === 0) return;
  measures.set(SLOT['estyn.worstJudgement'], Math.max(...judged));
  measures.set(SLOT['estyn.bestJudgement'], Math.min(...judged));
}

/** The latest support category read, and the one before it; null when none is on record. */
export function categorisationMeasures(
  measures: MeasureSet,
  record: Pick<SchoolRecord, 'categorisations'>,
): Omit<Categorisation, 'urn'> | null {
  const [latest, previous] = record.categorisations ?? [];
  if (!latest) return null;
  measures.set(SLOT['wales.supportCategory'], latest.supportCategory);
  if (previous) measures.set(SLOT['wales.previousSupportCategory'], previous.supportCategory);
  return latest;
}

const judgement = (value: MeasureValue) =>
  phrase(ESTYN_JUDGEMENT_LABELS[value as EstynJudgement] ?? String(value));

/** A Welsh measure as a phrase; undefined for any other measure. */
export function welshMeasurePhrase(name: MeasureName, value: MeasureValue): Phrase | undefined {
  if (name.startsWith('estyn.area.')) {
    const area = phrase(ESTYN_AREA_LABELS[name.slice(11) as EstynArea]);
    return phrase('{{area}} judged {{grade}}', { area, grade: judgement(value) });
  }
  switch (name) {
    case 'estyn.era':
      return value === 'narrative'
        ? phrase('Estyn report without summary judgements (since September 2022)')
        : phrase('Estyn report with summary judgements (before September 2022)');
    case 'estyn.worstJudgement':
      return phrase('lowest Estyn judgement {{grade}}', { grade: judgement(value) });
    case 'estyn.bestJudgement':
      return phrase('highest Estyn judgement {{grade}}', { grade: judgement(value) });
    case 'wales.supportCategory':
      return phrase('{{category}} support category', { category: phrase(String(value)) });
    case 'wales.previousSupportCategory':
      return phrase('{{category}} support category the year before', { category: phrase(String(value)) });
  }
  return undefined;
}

/** What is missing, for Welsh measures. */
export function welshGap(name: MeasureName): string | undefined {
  if (name.startsWith('estyn.area.') || name === 'estyn.worstJudgement' || name === 'estyn.bestJudgement')
    return 'Estyn summary judgements';
  if (name === 'wales.supportCategory' || name === 'wales.previousSupportCategory')
    return 'national categorisation (support category)';
  return undefined;
}
