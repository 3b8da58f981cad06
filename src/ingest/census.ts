import type { CensusFigures } from '../domain/school.ts';
import { openCsv } from './csv.ts';
import { yearFromPath } from './dates.ts';
import { checkLayout } from './kinds.ts';
import type { RowProblems } from './import-error.ts';
import type { Row } from './row.ts';
import { skipTotals } from './totals.ts';
import { UniqueUrns, recordSource, type ReadOptions, type RecordSource } from './source.ts';

const PERCENT = { min: 0, max: 100, percent: true };

/**
 * The census ends with national rows giving the pupils on roll in each type of school; the
 * schools' own rows must add up to them, or rows are missing or changed.
 */
class NationalTotals {
  private readonly counted = new Map<string, number>();
  private readonly published: { row: number; type: string; pupils: number }[] = [];

  private static read(r: Row): { type: string; pupils: number } | null {
    const type = r.text('SCHOOLTYPE');
    const pupils = r.integer('NOR', { min: 0 });
    return type === null || pupils === null ? null : { type, pupils };
  }

  count(r: Row): void {
    const school = NationalTotals.read(r);
    if (school) this.counted.set(school.type, (this.counted.get(school.type) ?? 0) + school.pupils);
  }

  publish(r: Row): void {
    const total = NationalTotals.read(r);
    if (total) this.published.push({ row: r.row, ...total });
  }

  check(problems: RowProblems): void {
    for (const { row, type, pupils } of this.published) {
      const sum = this.counted.get(type) ?? 0;
      if (sum !== pupils)
        problems.add(
          row,
          'NOR',
          `the rows of ${type} schools add up to ${sum} pupils where this national total says ${pupils}: rows are missing or changed`,
        );
    }
  }
}

/**
 * Reads the performance tables' school census file for what GIAS lacks: the share of pupils with
 * English as an additional language. (SEN comes from GIAS's own census-derived counts, so that
 * the two files never overwrite each other.)
 */
export async function readCensus(file: string, options: ReadOptions): Promise<RecordSource<CensusFigures>> {
  const csv = await openCsv(file, {
    encoding: 'utf-8',
    ...options,
    checkHeader: (name, columns) => checkLayout(name, columns, 'census', ['URN', 'PNUMEAL']),
  });
  const { problems } = options;
  const urns = new UniqueUrns();
  const totals = new NationalTotals();

  async function* records(): AsyncGenerator<CensusFigures> {
    for await (const r of csv.rows) {
      const level = skipTotals(r, problems, 'LA');
      if (level === 'national') totals.publish(r);
      if (level !== null) continue;
      totals.count(r);
      const urn = urns.take(r);
      if (urn === null) continue;
      yield { urn, ealPercent: r.number('PNUMEAL', PERCENT) };
    }
    totals.check(problems);
    problems.throwIfAny();
  }

  // The school census is taken in January of the year that ends the academic year.
  const year = yearFromPath(file);
  const asOf = year === null ? null : `${year}-01`;
  return recordSource('census', csv, records(), () => asOf);
}
