import {
  ESTYN_AREAS,
  type EstynArea,
  type EstynFollowUp,
  type EstynJudgement,
  type Inspection,
} from '../domain/school.ts';
import { ESTYN_NARRATIVE_FROM, isWelshSchoolNumber } from '../domain/wales.ts';
import { openCsv } from './csv.ts';
import { checkLayout } from './kinds.ts';
import type { Row } from './row.ts';
import { UniqueInspections, recordSource, type ReadOptions, type RecordSource } from './source.ts';
import { URN_BOUNDS } from './urn-table.ts';

/**
 * Estyn's inspection outcomes for maintained schools, one row per inspection, as its published
 * list of inspection reports gives them (saved as CSV, UTF-8): the provider's number (the Welsh
 * Government's LA + school number), the inspection's dates, the summary judgement of each
 * inspection area while Estyn gave them (until the summer of 2022) and the follow-up activity.
 */
export const ESTYN_COLUMNS = {
  number: ['Provider Number', 'School Number'],
  name: ['Provider Name', 'School Name'],
  startDate: 'Inspection Start Date',
  publicationDate: 'Publication Date',
  followUp: 'Follow-up Activity',
  /** The inspection areas of the 2017 framework, then the overall judgements of the 2010 one. */
  areas: {
    standards: 'Standards',
    wellbeing: 'Wellbeing and attitudes to learning',
    teaching: 'Teaching and learning experiences',
    care: 'Care, support and guidance',
    leadership: 'Leadership and management',
    currentPerformance: 'Current performance',
    prospects: 'Prospects for improvement',
  } satisfies Record<EstynArea, string>,
} as const;

export const ESTYN_REQUIRED_COLUMNS = [ESTYN_COLUMNS.number, ESTYN_COLUMNS.startDate, ESTYN_COLUMNS.followUp];

/** The judgement words of both frameworks (2017's adds "and needs (urgent) improvement"). */
const JUDGEMENTS: Record<string, EstynJudgement> = {
  excellent: 1,
  good: 2,
  adequate: 3,
  'adequate and needs improvement': 3,
  unsatisfactory: 4,
  'unsatisfactory and needs urgent improvement': 4,
};

const NO_JUDGEMENT = /^(|not applicable|n\/a|na|-|none)$/i;

/**
 * Estyn's follow-up activity. "Estyn monitoring" was the 2010 framework's name for what became
 * Estyn review; local authority monitoring is not an Estyn follow-up category (kept in `raw`).
 */
const FOLLOW_UP: Record<string, EstynFollowUp | null> = {
  none: null,
  'no follow-up': null,
  'no follow-up activity': null,
  'local authority monitoring': null,
  'estyn monitoring': 'estyn review',
  'estyn review': 'estyn review',
  'significant improvement': 'significant improvement',
  'in need of significant improvement': 'significant improvement',
  'special measures': 'special measures',
  'in need of special measures': 'special measures',
};

/** Shared with the categorisation's reader: both name schools by the Welsh Government's number. */
export const WELSH_NUMBER_PROBLEM = (n: number) =>
  `${n} is not a Welsh LA and school number (7 digits starting with an LA code from 660 to 681)`;

const lower = (value: string) => value.trim().toLowerCase().replace(/\s+/g, ' ');

function judgements(r: Row, startDate: string): Inspection['estynJudgements'] {
  const found: Partial<Record<EstynArea, EstynJudgement>> = {};
  for (const area of ESTYN_AREAS) {
    const column = ESTYN_COLUMNS.areas[area];
    const value = r.text(column);
    if (value === null || NO_JUDGEMENT.test(value)) continue;
    const judgement = JUDGEMENTS[lower(value)];
    if (judgement === undefined) {
      r.problem(column, `"${value}" is not an Estyn judgement (Excellent, Good, Adequate or Unsatisfactory)`);
    } else if (startDate >= ESTYN_NARRATIVE_FROM) {
      r.problem(
        column,
        `"${value}" for an inspection of ${startDate}: Estyn has given no summary judgements since September 2022`,
      );
    } else {
      found[area] = judgement;
    }
  }
  return found;
}

function followUp(r: Row): EstynFollowUp | null {
  const value = r.text(ESTYN_COLUMNS.followUp);
  if (value === null) return null;
  const known = FOLLOW_UP[lower(value)];
  if (known === undefined) {
    r.problem(
      ESTYN_COLUMNS.followUp,
      `"${value}" is not an Estyn follow-up activity (None, Local authority monitoring, Estyn review, Significant improvement or Special measures)`,
    );
    return null;
  }
  return known;
}

/** Reads Estyn's inspection outcomes of Welsh maintained schools, saved as CSV. */
export async function readEstyn(file: string, options: ReadOptions): Promise<RecordSource<Inspection>> {
  const csv = await openCsv(file, {
    encoding: 'utf-8',
    ...options,
    checkHeader: (name, columns) => checkLayout(name, columns, 'estyn', ESTYN_REQUIRED_COLUMNS),
  });
  const numberColumn = csv.columns.pick(...ESTYN_COLUMNS.number)!;
  const seen = new UniqueInspections();
  let latest: string | null = null;

  async function* records(): AsyncGenerator<Inspection> {
    for await (const r of csv.rows) {
      const urn = r.integer(numberColumn, URN_BOUNDS);
      if (urn === null) {
        if (r.text(numberColumn) === null) r.problem(numberColumn, 'the provider number is missing');
        continue;
      }
      if (!isWelshSchoolNumber(urn)) {
        r.problem(numberColumn, WELSH_NUMBER_PROBLEM(urn));
        continue;
      }
      const startDate = r.date(ESTYN_COLUMNS.startDate);
      if (startDate === null) {
        if (r.text(ESTYN_COLUMNS.startDate) === null)
          r.problem(ESTYN_COLUMNS.startDate, 'the inspection start date is missing');
        continue;
      }
      const first = seen.firstRow(urn, startDate, r.row);
      if (first !== undefined) {
        r.problem(
          numberColumn,
          `the inspection of ${urn} starting ${startDate} appears twice (first on row ${first})`,
        );
        continue;
      }
      const inspection: Inspection = {
        urn,
        inspectionNumber: null,
        startDate,
        publicationDate: r.date(ESTYN_COLUMNS.publicationDate),
        inspectionType: 'Estyn inspection',
        era: 'estyn',
        overallEffectiveness: null,
        keyJudgements: {},
        reportCard: {},
        safeguardingMet: null,
        category: null,
        estynFollowUp: followUp(r),
        estynJudgements: judgements(r, startDate),
        raw: r.raw(),
      };
      if (latest === null || startDate > latest) latest = startDate;
      yield inspection;
    }
    options.problems.throwIfAny();
  }

  // Like Ofsted's, the list runs to its latest inspection: "Estyn to July 2019".
  return recordSource('estyn', csv, records(), () => latest);
}
