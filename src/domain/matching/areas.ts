import { measurePhrase, nationalPhrase } from '../classification/measures.ts';
import { phrase, writePhrase, type Phrase } from '../words.ts';
import { SCHOOL_AREAS, type Classification, type SchoolArea } from '../classification/types.ts';
import { formatNumber, signedNumber } from '../format.ts';
import { PUBLISHED_NATIONAL_FIGURES, type NationalMeasure } from '../national-figures.ts';
import type { Inspection, KeyJudgement, Performance, ReportCardArea, SchoolRecord } from '../school.ts';

/** One area in which a school is clearly strong or clearly weak, in words a leader can check. */
export interface AreaStanding {
  area: SchoolArea;
  /** e.g. "KS2 reading progress +1.8 (national 0 for state-funded mainstream schools)". */
  text: string;
  /** The same words as a phrase, for a page to write in the reader's language. */
  words: Phrase;
}

export interface AreaStandings {
  strengths: AreaStanding[];
  weaknesses: AreaStanding[];
  /**
   * Each area's level over SCHOOL_AREAS, in margins from the national figure (+1 is one margin
   * above it; a key judgement of outstanding is +1.5, good 0); NaN where there is no data.
   */
  levels: Float64Array;
  /** How many areas the school has data for, strong, weak or neither. */
  measured: number;
}

/**
 * How far from the national figure a school's results must be to count as a strength or a
 * weakness in an area (one margin): about the top and bottom third of mainstream schools in 2019
 * (KS2 progress has a spread of about 2.5 between schools, Progress 8 about 0.5). Wider than the
 * profiles' own area rules, which mark only the extremes. A school is also strong (or weak) in a
 * results area half a margin above (or below) its own average across its results areas: most
 * schools are stronger in some subjects than others, and that is what reciprocal partners trade
 * (a partner must still be a whole margin ahead in the area it gives).
 */
export const AREA_MARGINS = {
  ks2Progress: 1,
  progress8: 0.25,
  attainment8: 5,
  englishMaths5Percent: 10,
} as const;

/**
 * An area's place in SCHOOL_AREAS: a school's measures are kept by place, where the national
 * analysis, measuring every school, looked each area up by name.
 */
const placeOf = (area: SchoolArea) => SCHOOL_AREAS.indexOf(area);

const KEY_JUDGEMENT_AREAS: Record<KeyJudgement, number> = {
  qualityOfEducation: placeOf('quality-of-education'),
  behaviourAndAttitudes: placeOf('behaviour'),
  personalDevelopment: placeOf('personal-development'),
  leadershipAndManagement: placeOf('leadership'),
  earlyYears: placeOf('early-years'),
  sixthForm: placeOf('sixth-form'),
};
const REPORT_CARD_AREAS: Record<ReportCardArea, number> = {
  curriculumAndTeaching: placeOf('quality-of-education'),
  achievement: placeOf('achievement'),
  inclusion: placeOf('inclusion'),
  attendanceAndBehaviour: placeOf('behaviour'),
  personalDevelopmentAndWellbeing: placeOf('personal-development'),
  leadershipAndGovernance: placeOf('leadership'),
  earlyYears: placeOf('early-years'),
  post16: placeOf('sixth-form'),
};

/** Progress 8's elements, as the DfE's KS4 tables name them, when the file carries them. */
const PROGRESS8_ELEMENTS: [number, string, string][] = [
  [placeOf('ks4-english'), 'P8MEAENG', 'English'],
  [placeOf('ks4-maths'), 'P8MEAMAT', 'maths'],
  [placeOf('ks4-ebacc'), 'P8MEAEBAC', 'EBacc subjects'],
  [placeOf('ks4-open'), 'P8MEAOPEN', 'open subjects'],
];

const publishedFigures = new Map<string, (typeof PUBLISHED_NATIONAL_FIGURES)[number]>();

/** The published figure for a measure, the nearest year on or before `year` (else the earliest). */
function published(measure: NationalMeasure, year: number) {
  const key = `${measure}|${year}`;
  let found = publishedFigures.get(key);
  if (!found) {
    const figures = PUBLISHED_NATIONAL_FIGURES.filter((f) => f.measure === measure).sort(
      (a, b) => b.year - a.year,
    );
    found = figures.find((f) => f.year <= year) ?? figures.at(-1)!;
    publishedFigures.set(key, found);
  }
  return found;
}

/**
 * Takes one measure of an area (by its place in SCHOOL_AREAS): its level, and its words when they
 * are asked for (the area's bit set in `words`); null otherwise, so that the national analysis,
 * which reads only the levels of every school, writes no words, and a school's standings write
 * those of its areas of strength and weakness alone.
 */
type Add = (area: number, level: number, text: Phrase | null, results: boolean) => void;

function resultsLevels(ks: Performance, add: Add, words: number) {
  if (ks.keyStage === 2) {
    for (const [area, name] of KS2_AREAS) {
      const value = ks[name];
      if (value === null) continue;
      add(
        area,
        value / AREA_MARGINS.ks2Progress,
        wanted(words, area) ? measurePhrase(`ks2.${name}`, value) : null,
        true,
      );
    }
    return;
  }
  const { progress8, attainment8, englishMaths5Percent } = ks;
  if (progress8 !== null) {
    add(
      KS4_PROGRESS,
      progress8 / AREA_MARGINS.progress8,
      wanted(words, KS4_PROGRESS) ? measurePhrase('ks4.progress8', progress8) : null,
      true,
    );
  }
  if (attainment8 !== null) {
    const { value, comparedWith } = published('attainment8', ks.year);
    add(
      KS4_ATTAINMENT,
      (attainment8 - value) / AREA_MARGINS.attainment8,
      wanted(words, KS4_ATTAINMENT)
        ? phrase('Attainment 8 {{score}} ({{national}})', {
            score: formatNumber(attainment8, 1),
            national: nationalPhrase(formatNumber(value, 1), comparedWith),
          })
        : null,
      true,
    );
  }
  if (englishMaths5Percent !== null) {
    const { value, comparedWith } = published('englishMaths5Percent', ks.year);
    add(
      KS4_ENGLISH_MATHS,
      (englishMaths5Percent - value) / AREA_MARGINS.englishMaths5Percent,
      wanted(words, KS4_ENGLISH_MATHS)
        ? phrase('{{percent}}% grade 5 or above in English and maths ({{national}})', {
            percent: formatNumber(englishMaths5Percent),
            national: nationalPhrase(`${formatNumber(value, 1)}%`, comparedWith),
          })
        : null,
      true,
    );
  }
  for (const [area, column, elementWords] of PROGRESS8_ELEMENTS) {
    const raw = ks.raw[column];
    if (raw === undefined) continue;
    const value = Number.parseFloat(raw);
    if (!Number.isFinite(value)) continue;
    add(
      area,
      value / AREA_MARGINS.progress8,
      wanted(words, area)
        ? phrase(`Progress 8 in ${elementWords} {{score}} ({{national}})`, {
            score: signedNumber(value, 2),
            national: nationalPhrase('0', 'state-funded mainstream schools'),
          })
        : null,
      true,
    );
  }
}

const KS2_AREAS = [
  [placeOf('ks2-reading'), 'readingProgress'],
  [placeOf('ks2-writing'), 'writingProgress'],
  [placeOf('ks2-maths'), 'mathsProgress'],
] as const;
const KS4_PROGRESS = placeOf('ks4-progress');
const KS4_ATTAINMENT = placeOf('ks4-attainment');
const KS4_ENGLISH_MATHS = placeOf('ks4-english-maths');

/** How far, in margins, an area must be above or below the school's own average to count. */
const RELATIVE_MARGIN = 0.5;

// Inspection grades as levels: outstanding (or exceptional) a strength, below good a weakness.
const keyJudgementLevel = (grade: number) => (2 - grade) * 1.5;
const reportCardLevel = (grade: number) => 3 - grade;

// Plain loops rather than `find` with a closure: the national analysis looks up every school's.

/** The school's results of a key stage and year, if it has them. */
function resultsOf(record: SchoolRecord, keyStage: number, year: number): Performance | undefined {
  for (const p of record.performance) if (p.keyStage === keyStage && p.year === year) return p;
  return undefined;
}

/** The school's inspection that started on `date`, if there is one. */
function inspectionOn(record: SchoolRecord, date: string): Inspection | undefined {
  for (const i of record.inspections) if (i.startDate === date) return i;
  return undefined;
}

/**
 * Every measure of a school's areas that its classification rests on, in order: its results
 * (mainstream schools only) and its current inspection's key judgements or report-card grades.
 */
function measureAreas(
  record: SchoolRecord,
  evidence: Classification['evidence'],
  add: Add,
  words: number,
): void {
  if (record.phase !== 'special') {
    for (const used of evidence.results) {
      const ks = resultsOf(record, used.keyStage, used.year);
      if (ks) resultsLevels(ks, add, words);
    }
  }
  const inspection = evidence.inspectionDate ? inspectionOn(record, evidence.inspectionDate) : undefined;
  if (!inspection) return;
  for (const judgement in inspection.keyJudgements) {
    const grade = inspection.keyJudgements[judgement as KeyJudgement]!;
    const area = KEY_JUDGEMENT_AREAS[judgement as KeyJudgement];
    const text = wanted(words, area) ? measurePhrase(`ofsted.kj.${judgement as KeyJudgement}`, grade) : null;
    add(area, keyJudgementLevel(grade), text, false);
  }
  for (const area in inspection.reportCard) {
    const grade = inspection.reportCard[area as ReportCardArea]!;
    const place = REPORT_CARD_AREAS[area as ReportCardArea];
    const text = wanted(words, place) ? measurePhrase(`ofsted.rc.${area as ReportCardArea}`, grade) : null;
    add(place, reportCardLevel(grade), text, false);
  }
}

/** Whether the words of the area at `area` are among those asked for. */
const wanted = (words: number, area: number) => (words & (1 << area)) !== 0;

/**
 * The evidence in words (two measures of one area joined) of each area in `areas` (a bit set
 * over SCHOOL_AREAS), written when first read.
 */
function areaWords(
  record: SchoolRecord,
  evidence: Classification['evidence'],
  areas: number,
): (Phrase | undefined)[] {
  const words = new Array<Phrase | undefined>(SCHOOL_AREAS.length);
  measureAreas(
    record,
    evidence,
    (area, _level, text) => {
      if (text === null) return;
      const before = words[area];
      words[area] =
        before === undefined ? text : phrase('{{first}}; {{second}}', { first: before, second: text });
    },
    areas,
  );
  return words;
}

// One school is measured at a time: its levels (from `measuringAt` of `measuring`), the order its
// areas were first measured in, how many there are, which are results, and its areas of strength
// and weakness as bit sets, kept here rather than made anew (with a closure or an object) for
// each of tens of thousands of schools.
const measuredOrder = new Int32Array(SCHOOL_AREAS.length);
const isResults = new Uint8Array(SCHOOL_AREAS.length);
let measuring: Float64Array = new Float64Array(SCHOOL_AREAS.length);
let measuringAt = 0;
let seen = 0;
let measured = 0;
let strengthMask = 0;
let weaknessMask = 0;

const addLevel: Add = (i, level, _text, results) => {
  const at = measuringAt + i;
  // Two measures of one area (a key judgement and a report card) are averaged.
  if ((seen & (1 << i)) === 0) {
    seen |= 1 << i;
    measuring[at] = level;
    measuredOrder[measured++] = i;
  } else measuring[at] = (measuring[at]! + level) / 2;
  isResults[i] = results ? 1 : 0;
};

/**
 * Measures a school's areas into `levels` from `at` (NaN where there is no data), their order in
 * `measuredOrder` and how many there are in `measured`; returns the school's own average across
 * its results areas (null with fewer than two).
 */
function measureLevels(
  record: SchoolRecord,
  evidence: Classification['evidence'],
  levels: Float64Array,
  at: number,
): number | null {
  levels.fill(Number.NaN, at, at + SCHOOL_AREAS.length);
  measuring = levels;
  measuringAt = at;
  seen = 0;
  measured = 0;
  measureAreas(record, evidence, addLevel, 0);
  let resultsCount = 0;
  let resultsSum = 0;
  for (let k = 0; k < measured; k++) {
    const i = measuredOrder[k]!;
    if (isResults[i]) {
      resultsCount++;
      resultsSum += levels[at + i]!;
    }
  }
  return resultsCount >= 2 ? resultsSum / resultsCount : null;
}

/**
 * 1 strong on its own level, 2 strong against its other results, -1 and -2 likewise weak, 0
 * neither: the area `i` of the school last measured, at `level`, with its own average `own`.
 */
function standing(level: number, i: number, own: number | null): number {
  const relative = isResults[i] && own !== null ? level - own : 0;
  if (level >= 1) return 1;
  if (relative >= RELATIVE_MARGIN && level > -1) return 2;
  if (level <= -1) return -1;
  if (relative <= -RELATIVE_MARGIN && level < 1) return -2;
  return 0;
}

/**
 * The areas of strength and weakness of the school last measured, its levels in `levels` from
 * `at`, into `strengthMask` and `weaknessMask`.
 */
function sortOutStandings(levels: Float64Array, at: number, own: number | null): void {
  strengthMask = 0;
  weaknessMask = 0;
  for (let k = 0; k < measured; k++) {
    const i = measuredOrder[k]!;
    const s = standing(levels[at + i]!, i, own);
    if (s > 0) strengthMask |= 1 << i;
    else if (s < 0) weaknessMask |= 1 << i;
  }
}

/** The pool's columns a school's standings are measured into, by the school's place. */
export interface StandingColumns {
  /** SCHOOL_AREAS.length levels a school (see AreaStandings.levels). */
  levels: Float64Array;
  /** The areas of strength and weakness as bit sets over SCHOOL_AREAS. */
  strengths: Int32Array;
  weaknesses: Int32Array;
}

/**
 * areaStandings' levels and bit sets of the school at place `k`, written straight into the
 * columns: the national analysis measures every school, and an object and a view of the levels
 * each were made only to be let go.
 */
export function measureStandingsInto(
  columns: StandingColumns,
  k: number,
  record: SchoolRecord,
  classification: Pick<Classification, 'evidence'>,
): void {
  const at = k * SCHOOL_AREAS.length;
  const own = measureLevels(record, classification.evidence, columns.levels, at);
  sortOutStandings(columns.levels, at, own);
  columns.strengths[k] = strengthMask;
  columns.weaknesses[k] = weaknessMask;
}

/**
 * A school's strengths and weaknesses by area, for matching: its results against the national
 * figures and against its own average (mainstream schools only: special schools' results are not
 * measured against mainstream figures), and its inspection's key judgements or report-card
 * grades. Only the evidence its classification rests on is read (the profile's current
 * inspection and results). The lists, and the words of each standing, are written when first
 * read: the national analysis reads only the levels and the areas as bit sets.
 */
export function areaStandings(
  record: SchoolRecord,
  classification: Pick<Classification, 'evidence'>,
  levels = new Float64Array(SCHOOL_AREAS.length),
): AreaStandings & { strengthMask: number; weaknessMask: number } {
  return new Standings(record, classification.evidence, levels);
}

/**
 * Each of `count` schools' levels, SCHOOL_AREAS.length a school, as views of one column (`of`):
 * a pool of tens of thousands of schools holds one buffer rather than one each.
 */
export function levelColumns(count: number): {
  column: Float64Array;
  of: (k: number) => Float64Array<ArrayBuffer>;
} {
  const column = new Float64Array(count * SCHOOL_AREAS.length);
  const bytes = SCHOOL_AREAS.length * Float64Array.BYTES_PER_ELEMENT;
  return { column, of: (k) => new Float64Array(column.buffer, k * bytes, SCHOOL_AREAS.length) };
}

class Standings implements AreaStandings {
  readonly levels: Float64Array;
  readonly measured: number;
  /** The areas of strength and weakness as bit sets over SCHOOL_AREAS. */
  readonly strengthMask: number;
  readonly weaknessMask: number;
  readonly #record: SchoolRecord;
  readonly #evidence: Classification['evidence'];
  #lists: { strengths: AreaStanding[]; weaknesses: AreaStanding[] } | undefined;
  #words: (Phrase | undefined)[] | undefined;

  constructor(record: SchoolRecord, evidence: Classification['evidence'], levels: Float64Array) {
    this.levels = levels;
    this.#record = record;
    this.#evidence = evidence;
    const own = measureLevels(record, evidence, levels, 0);
    this.measured = measured;
    sortOutStandings(levels, 0, own);
    this.strengthMask = strengthMask;
    this.weaknessMask = weaknessMask;
  }

  get strengths(): AreaStanding[] {
    return (this.#lists ??= this.#write()).strengths;
  }

  get weaknesses(): AreaStanding[] {
    return (this.#lists ??= this.#write()).weaknesses;
  }

  /**
   * The words of the area at `i` over SCHOOL_AREAS, one of its areas of strength or weakness:
   * those of them all are written at the first read.
   */
  wordsOfArea(i: number): Phrase {
    const areas = this.strengthMask | this.weaknessMask;
    return (this.#words ??= areaWords(this.#record, this.#evidence, areas))[i]!;
  }

  /**
   * The standings in the order their areas were measured, each with its words when read. Each
   * list is made at its length: one pushed to a standing at a time keeps room for 17.
   */
  #write() {
    const levels = new Float64Array(SCHOOL_AREAS.length);
    const own = measureLevels(this.#record, this.#evidence, levels, 0);
    const count = measured;
    const strengths = new Array<AreaStanding>(ones(this.strengthMask));
    const weaknesses = new Array<AreaStanding>(ones(this.weaknessMask));
    let strong = 0;
    let weak = 0;
    for (let k = 0; k < count; k++) {
      const i = measuredOrder[k]!;
      const s = standing(levels[i]!, i, own);
      if (s > 0)
        strengths[strong++] = new WrittenStanding(
          this,
          i,
          s === 1 ? undefined : AGAINST_OTHER_RESULTS.above.its,
        );
      else if (s < 0)
        weaknesses[weak++] = new WrittenStanding(
          this,
          i,
          s === -1 ? undefined : AGAINST_OTHER_RESULTS.below.its,
        );
    }
    return { strengths, weaknesses };
  }

  /** Written as a plain object always was. */
  toJSON(): AreaStandings {
    return plainStandings(this);
  }
}

/** The standings as a plain object: what crosses to another thread (a clone copies no getters). */
export function plainStandings(areas: AreaStandings): AreaStandings {
  const { levels, measured } = areas;
  const plain = ({ area, words, text }: AreaStanding) => ({ area, words, text });
  // A copy of the school's own levels: a clone of a view would copy the whole pool's column.
  return {
    strengths: areas.strengths.map(plain),
    weaknesses: areas.weaknesses.map(plain),
    levels: levels.slice(),
    measured,
  };
}

/**
 * One standing, its words written when read by the getters of this class: as an object's own
 * getters, each standing carried two functions and a table of its properties (about 500 bytes,
 * some 3 KB a school whose words are kept).
 */
/**
 * A standing against the school's other results, in words, by whose results they are: "its" as
 * the school's own standings read, "your" and "their" where a reason comparing two schools speaks
 * of the school searching or of a candidate called "they".
 */
export const AGAINST_OTHER_RESULTS = {
  above: {
    its: '{{measures}}, well above its other results',
    your: '{{measures}}, well above your other results',
    their: '{{measures}}, well above their other results',
  },
  below: {
    its: '{{measures}}, well below its other results',
    your: '{{measures}}, well below your other results',
    their: '{{measures}}, well below their other results',
  },
} as const;

class WrittenStanding implements AreaStanding {
  readonly area: SchoolArea;
  readonly #of: Standings;
  readonly #i: number;
  /** The words against the school's other results, when it stands out against them. */
  readonly #against: string | undefined;

  constructor(of: Standings, i: number, against: string | undefined) {
    this.area = SCHOOL_AREAS[i]!;
    this.#of = of;
    this.#i = i;
    this.#against = against;
  }

  get words(): Phrase {
    const measures = this.#of.wordsOfArea(this.#i);
    return this.#against ? phrase(this.#against, { measures }) : measures;
  }

  get text(): string {
    return writePhrase(this.words);
  }

  /** Written, and crossing to another thread, as a plain standing always was. */
  toJSON(): AreaStanding {
    return { area: this.area, words: this.words, text: this.text };
  }
}

/** How many bits of `mask` are set. */
function ones(mask: number): number {
  let count = 0;
  for (let m = mask; m !== 0; m &= m - 1) count++;
  return count;
}
