/**
 * School terms, as system leaders declare their availability: "so many days a term". A school
 * year runs from September; its terms are counted by calendar month, the same everywhere, so
 * anyone can check the sums: autumn September to December, spring January to March, summer
 * April to July. August is holiday and belongs to no term.
 */

export const TERM_NAMES = ['autumn', 'spring', 'summer'] as const;
export type TermName = (typeof TERM_NAMES)[number];

export interface Term {
  /** The calendar year the school year starts in: 2025 for 2025 to 2026. */
  schoolYear: number;
  name: TermName;
  /** First and last day, ISO calendar dates (inclusive). */
  start: string;
  end: string;
}

const TERM_MONTHS: Record<TermName, { first: number; last: number; yearOffset: 0 | 1 }> = {
  autumn: { first: 9, last: 12, yearOffset: 0 },
  spring: { first: 1, last: 3, yearOffset: 1 },
  summer: { first: 4, last: 7, yearOffset: 1 },
};

const DAY_MS = 86_400_000;
const pad = (n: number) => String(n).padStart(2, '0');

/** Days since 1970-01-01 of an ISO calendar date: arithmetic on dates without a clock or time zone. */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function termOf(schoolYear: number, name: TermName): Term {
  const { first, last, yearOffset } = TERM_MONTHS[name];
  const year = schoolYear + yearOffset;
  return {
    schoolYear,
    name,
    start: `${year}-${pad(first)}-01`,
    end: `${year}-${pad(last)}-${pad(lastDayOfMonth(year, last))}`,
  };
}

/** "spring-2026": a term's key, stable and readable, in the calendar year the term falls in. */
export const termKey = (t: Pick<Term, 'name' | 'start'>): string => `${t.name}-${t.start.slice(0, 4)}`;

/** "Autumn 2025", "Spring 2026": the calendar year the term falls in, as schools say it. */
export function termLabel(t: Term): string {
  return `${t.name[0]!.toUpperCase()}${t.name.slice(1)} ${t.start.slice(0, 4)}`;
}

/** The term a date falls in; August belongs to none. */
export function termContaining(date: string): Term | undefined {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  if (month >= 9) return termOf(year, 'autumn');
  if (month <= 3) return termOf(year - 1, 'spring');
  if (month <= 7) return termOf(year - 1, 'summer');
  return undefined;
}

/** Every term that overlaps the dates from `from` to `to` (inclusive), in order. */
export function termsBetween(from: string, to: string): Term[] {
  if (to < from) return [];
  const terms: Term[] = [];
  const firstYear = Number(from.slice(0, 4)) - 1;
  const lastYear = Number(to.slice(0, 4));
  for (let year = firstYear; year <= lastYear; year++) {
    for (const name of TERM_NAMES) {
      const term = termOf(year, name);
      if (term.end >= from && term.start <= to) terms.push(term);
    }
  }
  return terms;
}

/** How many calendar days of the span fall in the term. */
export function overlapDays(term: Pick<Term, 'start' | 'end'>, from: string, to: string): number {
  const start = Math.max(dayNumber(term.start), dayNumber(from));
  const end = Math.min(dayNumber(term.end), dayNumber(to));
  return Math.max(0, end - start + 1);
}
