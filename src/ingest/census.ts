import type { CensusFigures } from '../domain/school.ts';
import { openCsv } from './csv.ts';
import { requireColumns } from './kinds.ts';
import { UniqueUrns, type ReadOptions, type RecordSource } from './source.ts';

const PERCENT = { min: 0, max: 100, percent: true };

/**
 * Reads the performance tables' school census file for what GIAS lacks: the share of pupils with
 * English as an additional language. (SEN comes from GIAS's own census-derived counts, so that
 * the two files never overwrite each other.)
 */
export async function readCensus(file: string, options: ReadOptions): Promise<RecordSource<CensusFigures>> {
  const csv = await openCsv(file, {
    encoding: 'utf-8',
    ...options,
    checkHeader: (name, columns) => requireColumns(name, columns, 'census', ['URN', 'PNUMEAL']),
  });
  const { problems } = options;
  const urns = new UniqueUrns();

  async function* records(): AsyncGenerator<CensusFigures> {
    for await (const r of csv.rows) {
      if (r.text('URN') === null) {
        problems.skip('no URN: local-authority or national figures, not a school');
        continue;
      }
      const urn = urns.take(r);
      if (urn === null) continue;
      yield { urn, ealPercent: r.number('PNUMEAL', PERCENT) };
    }
    problems.throwIfAny();
  }

  return { kind: 'census', name: csv.name, records: records(), sha256: csv.sha256, rowsRead: csv.rowsRead };
}
