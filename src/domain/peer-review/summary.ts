import { FOCUS_AREAS, type FocusArea } from '../focus-areas.ts';
import type { FindingKind } from './review.ts';

/**
 * The performance framework's figures for the system: how many schools are in review cycles,
 * the areas most often found strong and to develop, and how many areas to develop found support
 * within a term. Anonymised: a count resting on fewer schools than the threshold is withheld,
 * so no school can be picked out.
 */

export interface SummaryFinding {
  urn: number;
  focusArea: FocusArea;
  kind: FindingKind;
  /** The area to develop was turned into an action or partnership within a term of the report. */
  supportedWithinTerm: boolean;
}

export interface SummaryInput {
  /** Schools in a current review cycle. */
  schoolsInCycles: readonly number[];
  /** Findings of final reports (withdrawn ones left out). */
  findings: readonly SummaryFinding[];
}

/** A count, or null when withheld because it rests on too few schools. */
export type Suppressed = number | null;

export interface AreaFigures {
  focusArea: FocusArea;
  strengths: Suppressed;
  areasToDevelop: Suppressed;
}

export interface SummaryFigures {
  schoolsInCycles: Suppressed;
  schoolsReviewed: Suppressed;
  areas: AreaFigures[];
  areasToDevelop: Suppressed;
  supportedWithinTerm: Suppressed;
}

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

/** The count when it rests on at least `threshold` distinct schools, otherwise null. */
export function suppress(count: number, schools: number, threshold: number): Suppressed {
  return schools >= threshold ? count : null;
}

const distinct = (findings: readonly SummaryFinding[]) => new Set(findings.map((f) => f.urn)).size;

/** Figures for one geography (or the country); areas in order of how often they were found to develop. */
export function summarise(input: SummaryInput, threshold: number): SummaryFigures {
  const inCycles = new Set(input.schoolsInCycles).size;
  const reviewed = distinct(input.findings);
  const toDevelop = input.findings.filter((f) => f.kind === 'area-to-develop');
  const supported = toDevelop.filter((f) => f.supportedWithinTerm);
  const areas = FOCUS_AREAS.map((focusArea) => {
    const of = (kind: FindingKind) =>
      input.findings.filter((f) => f.focusArea === focusArea && f.kind === kind);
    const strengths = of('strength');
    const develop = of('area-to-develop');
    return {
      focusArea,
      strengths: suppress(strengths.length, distinct(strengths), threshold),
      areasToDevelop: suppress(develop.length, distinct(develop), threshold),
    };
  }).filter((a) => a.strengths !== null || a.areasToDevelop !== null);
  areas.sort(
    (a, b) => (b.areasToDevelop ?? 0) - (a.areasToDevelop ?? 0) || (b.strengths ?? 0) - (a.strengths ?? 0),
  );
  return {
    schoolsInCycles: suppress(inCycles, inCycles, threshold),
    schoolsReviewed: suppress(reviewed, reviewed, threshold),
    areas,
    areasToDevelop: suppress(toDevelop.length, distinct(toDevelop), threshold),
    supportedWithinTerm: suppress(supported.length, distinct(toDevelop), threshold),
  };
}

/** A term, for "found support within a term": thirteen weeks. */
export const TERM_DAYS = 91;

/** Whether support (an action or a partnership) came within a term of the report being final. */
export function supportedWithinTerm(finalOn: string, supportedOn: string | null): boolean {
  if (supportedOn === null) return false;
  const days = (Date.parse(`${supportedOn}T00:00:00Z`) - Date.parse(`${finalOn}T00:00:00Z`)) / 86_400_000;
  return days <= TERM_DAYS;
}
