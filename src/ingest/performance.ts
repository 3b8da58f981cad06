import path from 'node:path';
import type { Performance, ResultsStatus } from '../domain/school.ts';
import { openCsv } from './csv.ts';
import { yearFromPath } from './dates.ts';
import { ImportError } from './import-error.ts';
import { checkLayout, detectKind } from './kinds.ts';
import type { Row } from './row.ts';
import { skipRecordTypeTotal, skipTotals } from './totals.ts';
import { UniqueUrns, recordSource, type ReadOptions, type RecordSource } from './source.ts';

/** RECTYPE 1 is a mainstream school and 2 a special school; 4, 5 and 7 are LA and national totals. */
const SCHOOL_RECORD_TYPES = new Set(['1', '2']);

const PERCENT = { min: 0, max: 100, percent: true };

/**
 * Whether a table holds provisional or final results, as the DfE names its files
 * (`england_ks4provisional.csv`; `england_ks2revised.csv` and `england_ks4final.csv` are final).
 */
export function statusFromName(file: string): ResultsStatus | null {
  const name = path.basename(file).toLowerCase();
  if (name.includes('provisional')) return 'provisional';
  if (name.includes('final') || name.includes('revised')) return 'final';
  return null;
}

interface Published {
  urn: number;
  year: number;
  status: ResultsStatus;
}

function ks2(r: Row, { urn, year, status }: Published): Performance {
  return {
    urn,
    year,
    keyStage: 2,
    status,
    cohort: r.integer('TELIG', { min: 0 }),
    rwmExpectedPercent: r.number('PTRWM_EXP', PERCENT),
    readingExpectedPercent: r.number('PTREAD_EXP', PERCENT),
    writingExpectedPercent: r.number('PTWRITTA_EXP', PERCENT),
    mathsExpectedPercent: r.number('PTMAT_EXP', PERCENT),
    readingProgress: r.number('READPROG', { min: -40, max: 40 }),
    writingProgress: r.number('WRITPROG', { min: -40, max: 40 }),
    mathsProgress: r.number('MATPROG', { min: -40, max: 40 }),
    progress8: null,
    attainment8: null,
    englishMaths5Percent: null,
    raw: r.raw(),
  };
}

function ks4(r: Row, { urn, year, status }: Published): Performance {
  return {
    urn,
    year,
    keyStage: 4,
    status,
    cohort: r.integer('TPUP', { min: 0 }),
    rwmExpectedPercent: null,
    readingExpectedPercent: null,
    writingExpectedPercent: null,
    mathsExpectedPercent: null,
    readingProgress: null,
    writingProgress: null,
    mathsProgress: null,
    progress8: r.number('P8MEA', { min: -10, max: 10 }),
    attainment8: r.number('ATT8SCR', { min: 0, max: 90 }),
    englishMaths5Percent: r.number('PTL2BASICS_95', PERCENT),
    raw: r.raw(),
  };
}

/**
 * Reads a DfE performance table (`england_ks2final.csv` or `england_ks4final.csv`); which key
 * stage it is comes from its columns.
 */
export async function readPerformance(
  file: string,
  options: ReadOptions & { year?: number; status?: ResultsStatus },
): Promise<RecordSource<Performance>> {
  const year = options.year ?? yearFromPath(file);
  const status = options.status ?? statusFromName(file);
  const csv = await openCsv(file, {
    encoding: 'utf-8',
    ...options,
    checkHeader: (name, columns) => {
      checkLayout(
        name,
        columns,
        ['ks2', 'ks4'],
        ['RECTYPE', 'URN', ['READPROG', 'PTRWM_EXP', 'P8MEA', 'ATT8SCR']],
      );
      if (year === null)
        throw ImportError.at(
          { file: name },
          'cannot tell which year these results are for: give --year (e.g. --year 2019 for 2018/19)',
        );
      if (status === null)
        throw ImportError.at(
          { file: name },
          'cannot tell whether these results are provisional or final (the DfE names its files england_ks4provisional.csv, england_ks4final.csv): give --status provisional or --status final',
        );
    },
  });
  // Checked with the header: a file of the wrong kind is named as such first.
  const published = { year: year!, status: status! };
  const kind = detectKind(csv.columns) === 'ks4' ? 'ks4' : 'ks2';
  const keyStage = kind === 'ks4' ? ks4 : ks2;
  const { problems } = options;
  const urns = new UniqueUrns();

  async function* records(): AsyncGenerator<Performance> {
    for await (const r of csv.rows) {
      const recordType = r.text('RECTYPE') ?? '';
      if (skipRecordTypeTotal(recordType, problems) || skipTotals(r, problems, 'LEA')) continue;
      if (!SCHOOL_RECORD_TYPES.has(recordType)) {
        problems.skip(`RECTYPE ${recordType || 'blank'}: not a school`);
        continue;
      }
      const urn = urns.take(r);
      if (urn === null) continue;
      yield keyStage(r, { urn, ...published });
    }
    problems.throwIfAny();
  }

  // Results describe the academic year, which ends in August.
  return recordSource(kind, csv, records(), () => `${published.year}-08-31`, published.status);
}
