import { SUPPORT_CATEGORIES, type Categorisation, type SupportCategory } from '../domain/school.ts';
import { isWelshSchoolNumber } from '../domain/wales.ts';
import { openCsv } from './csv.ts';
import { WELSH_NUMBER_PROBLEM } from './estyn.ts';
import { checkLayout } from './kinds.ts';
import { DuplicateCheck, recordSource, type ReadOptions, type RecordSource } from './source.ts';
import { URN_BOUNDS } from './urn-table.ts';

export type CategorisationRecord = Categorisation & { raw: Record<string, string> };

/**
 * The Welsh Government's national school categorisation, one row per school and year, as its
 * per-school tables publish it (saved as CSV, UTF-8): the school's LA + school number, the year
 * ("2018/19") and the support category (green, yellow, amber or red). The standards group and
 * improvement capacity columns, where present, are kept as published.
 */
export const CATEGORISATION_COLUMNS = {
  number: 'School Number',
  name: 'School Name',
  year: 'Year',
  supportCategory: 'Support Category',
} as const;

export const CATEGORISATION_REQUIRED_COLUMNS = [
  CATEGORISATION_COLUMNS.number,
  CATEGORISATION_COLUMNS.year,
  CATEGORISATION_COLUMNS.supportCategory,
];

/** "2018/19" or "2018-19": the year is held as the one it ends, the year it was published (2019). */
const ACADEMIC_YEAR = /^(\d{4})\s*[/-]\s*(\d{2})$/;

/** Reads the national categorisation's support categories of Welsh schools. */
export async function readWalesCategorisation(
  file: string,
  options: ReadOptions,
): Promise<RecordSource<CategorisationRecord>> {
  const csv = await openCsv(file, {
    encoding: 'utf-8',
    ...options,
    checkHeader: (name, columns) =>
      checkLayout(name, columns, 'wales-categorisation', CATEGORISATION_REQUIRED_COLUMNS),
  });
  const C = CATEGORISATION_COLUMNS;
  const seen = new DuplicateCheck<string>((key) => `the categorisation of ${key.replace(':', ' for ')}`);
  let latest: number | null = null;

  async function* records(): AsyncGenerator<CategorisationRecord> {
    for await (const r of csv.rows) {
      const urn = r.integer(C.number, URN_BOUNDS);
      if (urn === null) {
        if (r.text(C.number) === null) r.problem(C.number, 'the school number is missing');
      } else if (!isWelshSchoolNumber(urn)) {
        r.problem(C.number, WELSH_NUMBER_PROBLEM(urn));
      }
      const yearText = r.text(C.year);
      const m = ACADEMIC_YEAR.exec(yearText ?? '');
      const year = m && (Number(m[1]) + 1) % 100 === Number(m[2]) ? Number(m[1]) + 1 : null;
      if (year === null) r.problem(C.year, `"${yearText ?? ''}" is not an academic year such as 2018/19`);
      const categoryText = r.text(C.supportCategory);
      const supportCategory = categoryText?.toLowerCase() as SupportCategory | undefined;
      if (supportCategory === undefined || !SUPPORT_CATEGORIES.includes(supportCategory))
        r.problem(
          C.supportCategory,
          `"${categoryText ?? ''}" is not a support category (green, yellow, amber or red)`,
        );
      if (urn === null || year === null || !isWelshSchoolNumber(urn)) continue;
      if (supportCategory === undefined || !SUPPORT_CATEGORIES.includes(supportCategory)) continue;
      const key = `${urn}:${yearText}`;
      const first = seen.firstRow(key, r.row);
      if (first !== undefined) {
        r.problem(C.number, seen.message(key, first));
        continue;
      }
      if (latest === null || year > latest) latest = year;
      yield { urn, year, supportCategory, raw: r.raw() };
    }
    options.problems.throwIfAny();
  }

  // Published each January for the school year: 2018/19 in January 2019.
  return recordSource('wales-categorisation', csv, records(), () =>
    latest === null ? null : `${latest}-01`,
  );
}
