import path from 'node:path';
import type { Performance } from '../domain/school.ts';
import { openCsv } from './csv.ts';
import { ImportError } from './import-error.ts';
import { detectKind, requireColumns } from './kinds.ts';
import type { Row } from './row.ts';
import { UniqueUrns, type ReadOptions, type RecordSource } from './source.ts';

/** RECTYPE 1 is a mainstream school and 2 a special school; the rest are LA and national totals. */
const SCHOOL_RECORD_TYPES = new Set(['1', '2']);

const PERCENT = { min: 0, max: 100, percent: true };

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

function ks2(r: Row, urn: number, year: number): Performance {
  return {
    urn,
    year,
    keyStage: 2,
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

function ks4(r: Row, urn: number, year: number): Performance {
  return {
    urn,
    year,
    keyStage: 4,
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
  options: ReadOptions & { year?: number },
): Promise<RecordSource<Performance>> {
  const found = options.year ?? yearFromPath(file);
  if (found === null)
    throw ImportError.at(
      { file: path.basename(file) },
      'cannot tell which year these results are for: give --year (e.g. --year 2019 for 2018/19)',
    );
  const year: number = found;
  const csv = await openCsv(file, {
    encoding: 'utf-8',
    ...options,
    checkHeader: (name, columns) => {
      const kind = detectKind(columns);
      if (kind === 'ks2' || kind === 'ks4') return requireColumns(name, columns, kind, ['RECTYPE', 'URN']);
      requireColumns(name, columns, 'ks2', ['RECTYPE', 'URN']);
      throw ImportError.at(
        { file: name, row: 1 },
        'this is not a KS2 or KS4 performance table: none of READPROG, PTRWM_EXP, P8MEA or ATT8SCR is in its header',
      );
    },
  });
  const kind = detectKind(csv.columns) === 'ks4' ? 'ks4' : 'ks2';
  const keyStage = kind === 'ks4' ? ks4 : ks2;
  const { problems } = options;
  const urns = new UniqueUrns();

  async function* records(): AsyncGenerator<Performance> {
    for await (const r of csv.rows) {
      const recordType = r.text('RECTYPE') ?? '';
      if (!SCHOOL_RECORD_TYPES.has(recordType) || r.text('URN') === null) {
        problems.skip(`RECTYPE ${recordType || 'blank'}: local-authority or national figures, not a school`);
        continue;
      }
      const urn = urns.take(r);
      if (urn === null) continue;
      yield keyStage(r, urn, year);
    }
    problems.throwIfAny();
  }

  return { kind, name: csv.name, records: records(), sha256: csv.sha256, rowsRead: csv.rowsRead };
}
