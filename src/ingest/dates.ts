import path from 'node:path';
import { isoDate } from './row.ts';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The date a publisher put in a file's name: `edubasealldata20250422.csv`, `…_2020-03-31.csv`,
 * or Ofsted's "…as_at_31_Aug_2024.csv" / "as at 31 August 2024". Null when the name has none.
 */
export function dateFromName(file: string): string | null {
  const name = path.basename(file);
  const compact = /(?<!\d)(\d{4})-?(\d{2})-?(\d{2})(?!\d)/.exec(name);
  if (compact) {
    const iso = isoDate(`${compact[1]}-${compact[2]}-${compact[3]}`);
    if (iso) return iso;
  }
  const written = /(?<!\d)(\d{1,2})[\s_-]+([a-z]{3})[a-z]*[\s_-]+(\d{4})(?!\d)/i.exec(name);
  if (written) {
    const month = MONTHS.indexOf(written[2]!.toLowerCase());
    if (month >= 0) return isoDate(`${written[1]}/${month + 1}/${written[3]}`);
  }
  return null;
}

/** A date typed on the command line: yyyy-mm-dd, or dd/mm/yyyy as the publishers write them. */
export function parseDateOption(value: string): string | null {
  return isoDate(value.trim());
}

/**
 * The academic year a performance file reports, as the calendar year it ends: the last four-digit
 * year in its path ("2018-2019/england_ks2final.csv" and "performance-2019/…" are both 2019).
 */
export function yearFromPath(file: string): number | null {
  // Only the file's name and its two parent folders: where the checkout lives says nothing.
  const near = path.normalize(file).split(path.sep).slice(-3).join('/');
  const years = [...near.matchAll(/(?<!\d)(19|20)\d{2}(?!\d)/g)].map((m) => Number(m[0]));
  return years.at(-1) ?? null;
}
