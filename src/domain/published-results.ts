import type { Performance } from './school.ts';

/**
 * Measures the performance tables publish that the registry keeps only in the row as published
 * (`raw`): present in the DfE's full tables, absent from trimmed extracts, so each is optional.
 */

/** A published figure: "SUPP", "NE", "NA", "LOWCOV" and blanks are not figures. */
function figure(raw: Record<string, string>, column: string): number | null {
  const text = raw[column]?.trim().replace(/%$/, '');
  if (!text || !/^-?\d+(\.\d+)?$/.test(text)) return null;
  return Number(text);
}

/** KS2: the share of pupils reaching the higher standard in reading, writing and maths. */
export function higherStandardPercent(performance: Performance): number | null {
  return performance.keyStage === 2 ? figure(performance.raw, 'PTRWM_HIGH') : null;
}

/** KS4: Progress 8's 95% confidence interval, where published beside the score. */
export function progress8Interval(performance: Performance): { lower: number; upper: number } | null {
  if (performance.keyStage !== 4) return null;
  const lower = figure(performance.raw, 'P8CILOW');
  const upper = figure(performance.raw, 'P8CIUPP');
  return lower !== null && upper !== null ? { lower, upper } : null;
}
