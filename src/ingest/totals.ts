import type { RowProblems } from './import-error.ts';
import type { Row } from './row.ts';

/**
 * DfE tables end (or are interleaved) with rows of totals: national ("NAT", "England"),
 * regional and local-authority figures. They hold no URN, or a marker where the URN would be.
 */
const NATIONAL = /^(nat|national|england|total|all schools)\b/i;
const REGIONAL = /^(reg|region|regional)\b/i;
const LOCAL_AUTHORITY = /^(la|lea|local authority)\b/i;

const REASONS = {
  national: 'national totals, not a school',
  regional: 'regional totals, not a school',
  'local-authority': 'local-authority totals, not a school',
} as const;

export type TotalLevel = keyof typeof REASONS;

/** Which totals a row holds, judged by its URN cell and its LA code; null for a school's row. */
export function totalLevel(urn: string | null, localAuthority: string | null): TotalLevel | null {
  if (urn === null) return localAuthority === null ? 'national' : 'local-authority';
  if (NATIONAL.test(urn)) return 'national';
  if (REGIONAL.test(urn)) return 'regional';
  if (LOCAL_AUTHORITY.test(urn)) return 'local-authority';
  return null;
}

/** Skips a row of totals, counted in the summary; which totals it held, or null for a school's row. */
export function skipTotals(r: Row, problems: RowProblems, laColumn: string | undefined): TotalLevel | null {
  const level = totalLevel(r.text('URN'), r.text(laColumn));
  if (level !== null) problems.skipTotal(REASONS[level]);
  return level;
}

/** The performance tables' record types that are totals rather than schools (1 and 2 are schools). */
export function recordTypeTotal(recordType: string): TotalLevel | null {
  if (recordType === '4') return 'local-authority';
  if (recordType === '5' || recordType === '7') return 'national';
  return null;
}

export function skipRecordTypeTotal(recordType: string, problems: RowProblems): boolean {
  const level = recordTypeTotal(recordType);
  if (level === null) return false;
  problems.skipTotal(REASONS[level]);
  return true;
}
