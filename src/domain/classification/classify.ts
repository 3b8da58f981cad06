import type { Country, Performance, SchoolRecord } from '../school.ts';
import { ByUrn, type UrnPlaces } from '../by-urn.ts';
import { datePhrase, phrase, phraseList, writePhrase, type Phrase } from '../words.ts';
import {
  describeGap,
  describeMeasure,
  measurePhrase,
  measureSchool,
  sharingNationalFigures,
  type SchoolEvidence,
} from './measures.ts';
import { compare, evaluateRule, ruleStatus } from './rules.ts';
import { MeasureSet, slottedRules, type SlottedRule, type SlottedRules } from './measure-set.ts';
import { categorisationYear } from './wales-measures.ts';
import { WrittenOnDemand } from '../written-on-demand.ts';
import {
  SCHOOL_GROUPS,
  type AreaFinding,
  type Classification,
  type EvidenceUsed,
  type MeasureName,
  type MeasureValue,
  type Measures,
  type PerformanceProfile,
  type ProfileRef,
  type Reason,
  type Rule,
  type SchoolGroup,
} from './types.ts';

/** The measures a reason quotes, one after the other, each national figure given once. */
const measuresPhrase = (values: Measures) =>
  phraseList(
    sharingNationalFigures(
      (Object.entries(values) as [MeasureName, MeasureValue][]).map(([name, value]) =>
        measurePhrase(name, value),
      ),
    ),
    '; ',
  );

function inspectionNote(evidence: SchoolEvidence): Record<string, string | null> {
  if (evidence.inspection) return { inspectionDate: evidence.inspection.startDate };
  return evidence.publishedRating ? { ratingPublishedOn: evidence.publishedRating.asOf } : {};
}

/** Where an inspection rule's grade came from: the inspection, or a rating without its date. */
function inspectionSource(evidence: SchoolEvidence): Phrase | undefined {
  if (evidence.inspection)
    return phrase('inspection of {{date}}', { date: datePhrase(evidence.inspection.startDate) });
  if (evidence.publishedRating)
    return phrase("rating as published on {{date}}; the inspection's date is not known", {
      date: datePhrase(evidence.publishedRating.asOf),
    });
  return undefined;
}

/** Results rules say when they rest on provisional figures, which the final ones may change. */
function resultsSource(values: Measures, evidence: SchoolEvidence): Phrase | undefined {
  const used = [evidence.ks2, evidence.ks4].filter(
    (p): p is Performance => p !== null && Object.keys(values).some((m) => m.startsWith(`ks${p.keyStage}.`)),
  );
  const provisional = used.filter((p) => p.status === 'provisional');
  if (provisional.length === 0) return undefined;
  const results = provisional.map((p) => phrase(`KS${p.keyStage} {{year}}`, { year: p.year }));
  return phrase('provisional {{results}} results', { results: phraseList(results, 'and') });
}

/** The values a rule's text does not already state: "Outstanding at the latest inspection" needs no "overall effectiveness Outstanding". */
function unstated(rule: Rule, values: Measures): Measures {
  const stated = new Set(rule.all.filter((c) => c.op === 'eq').map((c) => c.measure));
  return Object.fromEntries(Object.entries(values).filter(([name]) => !stated.has(name as MeasureName)));
}

/** A rule on the national categorisation (Wales) says which year's it read. */
function categorisationSource(values: Measures, evidence: SchoolEvidence): Phrase | undefined {
  if (!evidence.categorisation || values['wales.supportCategory'] === undefined) return undefined;
  return phrase('national categorisation {{year}}', {
    year: categorisationYear(evidence.categorisation.year),
  });
}

/**
 * A reason in words: what holds (a rule's own text, or a sentence of this module), the measures
 * it quotes, and in brackets where they come from: "{{reason}}: {{measures}} ({{source}})".
 */
function reasonWords(what: Phrase, measures: Measures, source?: Phrase): { text: string; words: Phrase } {
  const quoted = Object.keys(measures).length > 0;
  const template = `{{reason}}${quoted ? ': {{measures}}' : ''}${source ? ' ({{source}})' : ''}`;
  const words = phrase(template, {
    reason: what,
    ...(quoted && { measures: measuresPhrase(measures) }),
    ...(source && { source }),
  });
  return { text: writePhrase(words), words };
}

function reasonFor(rule: Rule, values: Measures, evidence: SchoolEvidence): Reason {
  const source = rule.eras
    ? inspectionSource(evidence)
    : (categorisationSource(values, evidence) ?? resultsSource(values, evidence));
  return {
    ruleId: rule.id,
    ...reasonWords(phrase(rule.text), unstated(rule, values), source),
    values: { ...values, ...(rule.eras ? inspectionNote(evidence) : {}) },
  };
}

// The results a school's evidence reads are one of a few lists (key stages, years, statuses) for
// tens of thousands of schools: each list is made once and shared.
const resultsLists = new Map<string, EvidenceUsed['results']>();
const MOST_LISTS_KEPT = 10_000;

function resultsUsed(ks2: Performance | null, ks4: Performance | null): EvidenceUsed['results'] {
  const key = `${ks2 ? `${ks2.year} ${ks2.status}` : ''}|${ks4 ? `${ks4.year} ${ks4.status}` : ''}`;
  let results = resultsLists.get(key);
  if (!results) {
    if (resultsLists.size >= MOST_LISTS_KEPT) resultsLists.clear();
    results = [ks2, ks4]
      .filter((p): p is Performance => p !== null)
      .map(({ keyStage, year, status }) => ({ keyStage, year, status }));
    resultsLists.set(key, results);
  }
  return results;
}

function evidenceUsed(evidence: SchoolEvidence): EvidenceUsed {
  const used: EvidenceUsed = {
    inspectionDate: evidence.inspection?.startDate ?? null,
    ratingPublishedOn: evidence.publishedRating?.asOf ?? null,
    results: resultsUsed(evidence.ks2, evidence.ks4),
  };
  if (evidence.categorisation) used.categorisationYear = evidence.categorisation.year;
  return used;
}

function holding(rules: Rule[], record: SchoolRecord, evidence: SchoolEvidence) {
  const reasons: Reason[] = [];
  const missing = new Set<MeasureName>();
  for (const rule of rules) {
    const outcome = evaluateRule(rule, record.phase, evidence);
    if (outcome.status === 'holds') reasons.push(reasonFor(rule, outcome.values, evidence));
    if (outcome.status === 'unknown') outcome.missing.forEach((m) => missing.add(m));
  }
  return { reasons, missing };
}

/** What is missing, in words: "current inspection (the latest, of 3 May 2014, is more than 6 years old)". */
function gapPhrase(measure: MeasureName, evidence: SchoolEvidence, profile: PerformanceProfile): Phrase {
  if (measure !== 'inspection.era') return phrase(describeGap(measure));
  const stale = evidence.staleInspection;
  return stale
    ? phrase('current inspection (the latest, of {{date}}, is more than {{years}} years old)', {
        date: datePhrase(stale.startDate),
        years: String(profile.maxInspectionAgeYears),
      })
    : phrase('inspection on record');
}

function gapReason(missing: Set<MeasureName>, evidence: SchoolEvidence, profile: PerformanceProfile): Reason {
  // Several measures can be missing for one want ("KS2 progress scores"): it is said once.
  const gaps = new Map<string, Phrase>();
  for (const measure of missing) {
    const gap = gapPhrase(measure, evidence, profile);
    gaps.set(writePhrase(gap), phrase('no {{gap}}', { gap }));
  }
  const words = phrase('Not enough evidence to decide: {{gaps}}', {
    gaps: phraseList([...gaps.values()], ', '),
  });
  return {
    ruleId: 'evidence.insufficient',
    text: writePhrase(words),
    words,
    values: { missing: [...missing].join(', '), ...inspectionNote(evidence) },
  };
}

// The headline facts, where the full list of measures would drown the reader.
const SUMMARY_MEASURES: MeasureName[] = [
  'ofsted.overall',
  'ofsted.worstKeyJudgement',
  'ofsted.worstReportCard',
  'estyn.followUp',
  'estyn.worstJudgement',
  'wales.supportCategory',
  'ks2.averageProgress',
  'ks4.progress8',
  'ks4.attainment8',
];

function summaryReason(evidence: SchoolEvidence): Reason {
  const headline: Measures = {};
  for (const name of SUMMARY_MEASURES) {
    const value = evidence.measures.get(name);
    if (value !== undefined) headline[name] = value;
  }
  return {
    ruleId: 'evidence.neither',
    ...reasonWords(phrase('No rule of this profile for either group holds'), headline),
    values: { ...headline, ...inspectionNote(evidence) },
  };
}

/**
 * The areas the school is strong and weak in, each list made at its length: a list pushed to a
 * finding at a time keeps room for 17, and a partner search keeps thousands of schools' written.
 */
function areaFindings(profile: PerformanceProfile, evidence: SchoolEvidence) {
  const sides = new Int8Array(profile.areas.length);
  let strong = 0;
  let weak = 0;
  profile.areas.forEach((rule, r) => {
    const value = evidence.measures.get(rule.measure);
    if (value === undefined) return;
    if (compare(value, rule.strength.op, rule.strength.value)) {
      sides[r] = 1;
      strong++;
    } else if (compare(value, rule.weakness.op, rule.weakness.value)) {
      sides[r] = -1;
      weak++;
    }
  });
  const strengths = new Array<AreaFinding>(strong);
  const weaknesses = new Array<AreaFinding>(weak);
  strong = 0;
  weak = 0;
  profile.areas.forEach((rule, r) => {
    if (sides[r] === 0) return;
    const value = evidence.measures.get(rule.measure)!;
    const finding = {
      area: rule.area,
      measure: rule.measure,
      value,
      text: describeMeasure(rule.measure, value),
    };
    if (sides[r] === 1) strengths[strong++] = finding;
    else weaknesses[weak++] = finding;
  });
  return { strengths, weaknesses };
}

/** Places one school in a group under a profile, as at `asOf` (yyyy-mm-dd), with the reasons. */
export function classifySchool(
  record: SchoolRecord,
  profile: PerformanceProfile,
  asOf: string,
  ref: ProfileRef = { name: profile.name, version: profile.version },
): Classification {
  const evidence = measureSchool(record, profile, asOf);
  const { strengths, weaknesses } = areaFindings(profile, evidence);
  const decided = (group: SchoolGroup, sufficientEvidence: boolean, reasons: Reason[]): Classification => ({
    urn: record.urn,
    profile: ref,
    evidence: evidenceUsed(evidence),
    strengths,
    weaknesses,
    group,
    sufficientEvidence,
    reasons,
  });
  const inNeed = holding(profile.inNeed, record, evidence);
  if (inNeed.reasons.length > 0) return decided('in-need', true, inNeed.reasons);
  const high = holding(profile.highPerforming, record, evidence);
  if (high.reasons.length > 0) return decided('high-performing', true, high.reasons);
  const missing = new Set([...inNeed.missing, ...high.missing]);
  if (missing.size > 0) return decided('other', false, [gapReason(missing, evidence, profile)]);
  return decided('other', true, [summaryReason(evidence)]);
}

/**
 * The profile that places a school of `country` when `chosen` is asked for: `chosen` itself for
 * its own country's schools, otherwise the first of `others` written for that country (Welsh
 * schools under an English profile are placed by the Welsh one), or `chosen` when there is none.
 */
export function profileForSchool(
  country: Country,
  chosen: PerformanceProfile,
  others: readonly PerformanceProfile[],
): PerformanceProfile {
  const own = (p: PerformanceProfile) => (p.country ?? 'England') === country;
  return own(chosen) ? chosen : (others.find(own) ?? chosen);
}

/** What the national analysis reads of every school's classification: its group and its evidence. */
export type ClassificationBrief = Pick<Classification, 'urn' | 'group' | 'evidence'>;

function anyHolds(rules: readonly SlottedRule[], record: SchoolRecord, measures: MeasureSet): boolean {
  for (const rule of rules) if (ruleStatus(rule, record.phase, measures) === 'holds') return true;
  return false;
}

/** As classifySchool decides for a school in neither group: whether a rule of either was undecided. */
function anyUndecided(rules: SlottedRules, record: SchoolRecord, measures: MeasureSet): boolean {
  for (const rule of [...rules.inNeed, ...rules.highPerforming])
    if (ruleStatus(rule, record.phase, measures) === 'unknown') return true;
  return false;
}

/** As classifySchool decides: in need when any of its rules holds, then high-performing. */
function groupOf(rules: SlottedRules, record: SchoolRecord, measures: MeasureSet): SchoolGroup {
  if (anyHolds(rules.inNeed, record, measures)) return 'in-need';
  return anyHolds(rules.highPerforming, record, measures) ? 'high-performing' : 'other';
}

/**
 * Every school's classification by URN, each written in full (reasons and all) when first read
 * and kept while in use or among the most recently written (WrittenOnDemand); `brief` gives the
 * group and evidence of any school at once. Held by each URN's place in `records` (see
 * UrnPlaces), iterating in the order of `records` as a Map filled from them would.
 */
export class ClassificationsOnDemand extends ByUrn<Classification> {
  readonly #records: readonly SchoolRecord[];
  readonly #profile: PerformanceProfile;
  readonly #asOf: string;
  readonly #ref: ProfileRef;
  readonly #byCountry: ReadonlyMap<Country, { profile: PerformanceProfile; ref: ProfileRef }> | undefined;
  readonly #places: UrnPlaces;
  /** Each school's group as its place in SCHOOL_GROUPS, and the evidence read, by place. */
  readonly #groups: Uint8Array;
  readonly #evidence: EvidenceUsed[];
  readonly #written: WrittenOnDemand<Classification>;
  /** Written over by each school's measures in turn as they are added: only the group is kept. */
  readonly #measures = new MeasureSet();
  /** Each school's group by URN, without its reasons. */
  readonly groups: ReadonlyMap<number, SchoolGroup>;

  /**
   * `places`: each URN's place in `records`; `byCountry`: the profile that places each country's
   * schools, when not `profile` (see profileForSchool). Every record is to be added (`add`)
   * before any is read.
   */
  constructor(
    records: readonly SchoolRecord[],
    places: UrnPlaces,
    profile: PerformanceProfile,
    asOf: string,
    ref: ProfileRef,
    byCountry?: ReadonlyMap<Country, { profile: PerformanceProfile; ref: ProfileRef }>,
  ) {
    super(places, (i) => this.#written.get(i));
    this.#records = records;
    this.#places = places;
    this.#profile = profile;
    this.#asOf = asOf;
    this.#ref = ref;
    this.#byCountry = byCountry;
    this.#groups = new Uint8Array(records.length);
    this.#evidence = new Array<EvidenceUsed>(records.length);
    this.#written = new WrittenOnDemand(records.length, (i) => this.#classify(i));
    this.groups = new ByUrn(places, (i) => SCHOOL_GROUPS[this.#groups[i]!]);
  }

  /** Classifies the school at `i` of the records briefly; the snapshot calls it for each in turn. */
  add(i: number): void {
    const record = this.#records[i]!;
    const { profile } = this.#placing(record);
    const evidence = measureSchool(record, profile, this.#asOf, this.#measures);
    this.#groups[i] = SCHOOL_GROUPS.indexOf(groupOf(slottedRules(profile), record, evidence.measures));
    this.#evidence[i] = evidenceUsed(evidence);
  }

  /** Each URN's place in the records: what the matching pool holds its facts by too. */
  get places(): UrnPlaces {
    return this.#places;
  }

  brief(urn: number): ClassificationBrief | undefined {
    const i = this.#places.get(urn);
    return i === undefined
      ? undefined
      : { urn, group: SCHOOL_GROUPS[this.#groups[i]!]!, evidence: this.#evidence[i]! };
  }

  /**
   * Whether the school was placed on enough evidence, as its classification says, worked out
   * again when asked rather than for every school (about 3% of the national analysis), and without
   * writing its reasons: a first partner answer without them took two-thirds of the CPU.
   */
  sufficientEvidence(urn: number): boolean | undefined {
    const i = this.#places.get(urn);
    if (i === undefined) return undefined;
    if (SCHOOL_GROUPS[this.#groups[i]!] !== 'other') return true;
    const record = this.#records[i]!;
    const { profile } = this.#placing(record);
    const { measures } = measureSchool(record, profile, this.#asOf);
    return !anyUndecided(slottedRules(profile), record, measures);
  }

  #placing(record: SchoolRecord): { profile: PerformanceProfile; ref: ProfileRef } {
    return this.#byCountry?.get(record.country) ?? { profile: this.#profile, ref: this.#ref };
  }

  #classify(i: number): Classification {
    const record = this.#records[i]!;
    const { profile, ref } = this.#placing(record);
    return classifySchool(record, profile, this.#asOf, ref);
  }
}

export function classifySchools(
  records: readonly SchoolRecord[],
  profile: PerformanceProfile,
  asOf: string,
): Classification[] {
  // One reference to the profile for all its classifications: they are many and it is the same.
  const ref: ProfileRef = { name: profile.name, version: profile.version };
  return records.map((record) => classifySchool(record, profile, asOf, ref));
}
