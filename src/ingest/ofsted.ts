import type { Grade4, Grade5, Inspection, KeyJudgement, ReportCardArea } from '../domain/school.ts';
import { openCsv } from './csv.ts';
import { checkLayout } from './kinds.ts';
import type { Columns, Row } from './row.ts';
import { UniqueInspections, recordSource, type ReadOptions, type RecordSource } from './source.ts';
import { URN_BOUNDS } from './urn-table.ts';

/** Ofsted stopped giving an overall effectiveness grade to state-funded schools from this date. */
export const UNGRADED_FROM = '2024-09-01';

/** Each field's spellings across releases of Ofsted's management information, newest first. */
const FIELDS = {
  number: [
    'Inspection number of latest graded inspection',
    'Inspection number of latest full inspection',
    'Inspection number',
  ],
  startDate: ['Inspection start date of latest graded inspection', 'Inspection start date'],
  publicationDate: ['Publication date of latest graded inspection', 'Publication date'],
  type: ['Inspection type'],
  overall: ['Overall effectiveness'],
  category: ['Category of concern'],
  safeguarding: ['Safeguarding is effective?', 'Safeguarding'],
} as const;

const KEY_JUDGEMENTS: Record<KeyJudgement, string[]> = {
  qualityOfEducation: ['Quality of education'],
  behaviourAndAttitudes: ['Behaviour and attitudes'],
  personalDevelopment: ['Personal development'],
  leadershipAndManagement: ['Effectiveness of leadership and management'],
  earlyYears: ['Early years provision (where applicable)'],
  sixthForm: ['Sixth form provision (where applicable)'],
};

/** Report-card evaluation areas (from November 2025); safeguarding is met or not met. */
const REPORT_CARD: Record<ReportCardArea, string[]> = {
  inclusion: ['Inclusion'],
  curriculumAndTeaching: ['Curriculum and teaching'],
  achievement: ['Achievement'],
  attendanceAndBehaviour: ['Attendance and behaviour'],
  personalDevelopmentAndWellbeing: [
    'Personal development and well-being',
    'Personal development and wellbeing',
  ],
  leadershipAndGovernance: ['Leadership and governance'],
  earlyYears: ['Early years', 'Early years (where applicable)'],
  post16: ['Post-16 provision', 'Post-16 provision (where applicable)', 'Sixth form (where applicable)'],
};

export const GRADE4_WORDS: Record<string, Grade4> = {
  '1': 1,
  outstanding: 1,
  '2': 2,
  good: 2,
  '3': 3,
  'requires improvement': 3,
  // "Satisfactory" was grade 3 before September 2012.
  satisfactory: 3,
  '4': 4,
  inadequate: 4,
};

const GRADE5_WORDS: Record<string, Grade5> = {
  '1': 1,
  exceptional: 1,
  '2': 2,
  'strong standard': 2,
  strong: 2,
  '3': 3,
  'expected standard': 3,
  secure: 3,
  '4': 4,
  'needs attention': 4,
  'attention needed': 4,
  '5': 5,
  'urgent improvement': 5,
};

const NOT_GRADED = /^(not judged|not applicable|n\/a|na|null|none|9|-)$/i;

function grade<G>(r: Row, column: string | undefined, words: Record<string, G>, scale: string): G | null {
  const value = r.text(column);
  if (value === null || NOT_GRADED.test(value)) return null;
  const g = words[value.toLowerCase()];
  if (g === undefined) r.problem(column, `"${value}" is not a grade on the ${scale} scale`);
  return g ?? null;
}

function safeguarding(r: Row, column: string | undefined): boolean | null {
  const value = r.text(column)?.toLowerCase() ?? null;
  if (value === null || NOT_GRADED.test(value)) return null;
  if (value === 'yes' || value === 'met') return true;
  if (value === 'no' || value === 'not met') return false;
  r.problem(column, `"${r.text(column)}" is not Yes/No or Met/Not met`);
  return null;
}

function category(r: Row, column: string | undefined): Inspection['category'] {
  const value = r.text(column)?.toLowerCase() ?? null;
  if (value === 'special measures' || value === 'serious weaknesses') return value;
  return null;
}

/**
 * The column for a field of the latest inspection, or (prefixed "Previous …") the one before it:
 * of the spellings present, the first this row fills in (files from the changeover carry both).
 */
function resolver(r: Row, columns: Columns, previous: boolean) {
  return (names: readonly string[]): string | undefined => {
    const present = (
      previous ? names.map((n) => `Previous ${n[0]!.toLowerCase()}${n.slice(1)}`) : names
    ).filter((n) => columns.has(n));
    return present.find((n) => r.text(n) !== null) ?? present[0];
  };
}

function inspection(r: Row, urn: number, columns: Columns, previous: boolean): Inspection | null {
  const col = resolver(r, columns, previous);
  const startColumn = previous
    ? columns.pick('Previous inspection start date', 'Previous graded inspection start date')
    : col(FIELDS.startDate);
  const startDate = r.date(startColumn);
  if (startDate === null) return null;
  const keyJudgements: Inspection['keyJudgements'] = {};
  for (const [area, names] of Object.entries(KEY_JUDGEMENTS) as [KeyJudgement, string[]][]) {
    const g = grade(r, col(names), GRADE4_WORDS, 'four-point');
    if (g !== null) keyJudgements[area] = g;
  }
  const reportCard: Inspection['reportCard'] = {};
  for (const [area, names] of Object.entries(REPORT_CARD) as [ReportCardArea, string[]][]) {
    const g = grade(r, col(names), GRADE5_WORDS, 'report-card five-point');
    if (g !== null) reportCard[area] = g;
  }
  const overall = grade(r, col(FIELDS.overall), GRADE4_WORDS, 'four-point');
  const era: Inspection['era'] =
    Object.keys(reportCard).length > 0 ? 'report-card' : startDate >= UNGRADED_FROM ? 'ungraded' : 'legacy';
  const raw = r.raw();
  for (const key of Object.keys(raw))
    if (key.startsWith('Previous ') !== previous && key !== 'URN') delete raw[key];
  return {
    urn,
    inspectionNumber: r.text(previous ? columns.pick('Previous inspection number') : col(FIELDS.number)),
    startDate,
    publicationDate: r.date(
      previous ? columns.pick('Previous publication date') : col(FIELDS.publicationDate),
    ),
    inspectionType: r.text(previous ? columns.pick('Previous inspection type') : col(FIELDS.type)),
    era,
    // Ofsted publishes "Not judged" for inspections after the overall grade was withdrawn.
    overallEffectiveness: era === 'legacy' ? overall : null,
    keyJudgements,
    reportCard,
    safeguardingMet: safeguarding(r, col(FIELDS.safeguarding)),
    category: category(r, col(FIELDS.category)),
    estynFollowUp: null,
    raw,
  };
}

/**
 * Reads Ofsted's "State-funded schools inspections and outcomes" management information: one row
 * per school with its latest graded inspection and, when present, the previous one.
 */
export async function readOfsted(file: string, options: ReadOptions): Promise<RecordSource<Inspection>> {
  const csv = await openCsv(file, {
    encoding: 'utf-8',
    ...options,
    checkHeader: (name, columns) => checkLayout(name, columns, 'ofsted', ['URN', FIELDS.startDate]),
  });
  const { columns } = csv;
  const { problems } = options;
  const inspections = new UniqueInspections();

  let latestStart: string | null = null;
  async function* records(): AsyncGenerator<Inspection> {
    for await (const r of csv.rows) {
      const urn = r.integer('URN', URN_BOUNDS);
      if (urn === null) {
        if (r.text('URN') === null) r.problem('URN', 'the URN is missing');
        continue;
      }
      const latest = inspection(r, urn, columns, false);
      if (latest === null) {
        problems.skip('not yet inspected (no inspection start date)');
        continue;
      }
      const first = inspections.firstRow(urn, latest.startDate, r.row);
      if (first !== undefined) {
        r.problem(
          'URN',
          `the inspection of URN ${urn} starting ${latest.startDate} appears twice (first on row ${first})`,
        );
        continue;
      }
      if (latestStart === null || latest.startDate > latestStart) latestStart = latest.startDate;
      yield latest;
      const previous = inspection(r, urn, columns, true);
      if (previous !== null && inspections.firstRow(urn, previous.startDate, r.row) === undefined)
        yield previous;
    }
    problems.throwIfAny();
  }

  // Management information runs to its latest inspection: "Ofsted to March 2020".
  return recordSource('ofsted', csv, records(), () => latestStart);
}
