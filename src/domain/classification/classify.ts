import { longDate } from '../format.ts';
import type { Performance, SchoolRecord } from '../school.ts';
import { describeGap, describeMeasure, measureSchool, type SchoolEvidence } from './measures.ts';
import { compare, evaluateRule } from './rules.ts';
import type {
  AreaFinding,
  Classification,
  EvidenceUsed,
  MeasureName,
  MeasureValue,
  Measures,
  PerformanceProfile,
  ProfileRef,
  Reason,
  Rule,
  SchoolGroup,
} from './types.ts';

function describeValues(values: Measures): string {
  return (Object.entries(values) as [MeasureName, MeasureValue][])
    .map(([name, value]) => describeMeasure(name, value))
    .join('; ');
}

function inspectionNote(evidence: SchoolEvidence): Record<string, string | null> {
  if (evidence.inspection) return { inspectionDate: evidence.inspection.startDate };
  return evidence.publishedRating ? { ratingPublishedOn: evidence.publishedRating.asOf } : {};
}

/** Where an inspection rule's grade came from: the inspection, or a rating without its date. */
function inspectionSource(evidence: SchoolEvidence): string {
  if (evidence.inspection) return ` (inspection of ${longDate(evidence.inspection.startDate)})`;
  if (evidence.publishedRating)
    return ` (rating as published on ${longDate(evidence.publishedRating.asOf)}; the inspection's date is not known)`;
  return '';
}

/** Results rules say when they rest on provisional figures, which the final ones may change. */
function resultsSource(values: Measures, evidence: SchoolEvidence): string {
  const used = [evidence.ks2, evidence.ks4].filter(
    (p): p is Performance => p !== null && Object.keys(values).some((m) => m.startsWith(`ks${p.keyStage}.`)),
  );
  const provisional = used.filter((p) => p.status === 'provisional');
  return provisional.length > 0
    ? ` (provisional ${provisional.map((p) => `KS${p.keyStage} ${p.year}`).join(' and ')} results)`
    : '';
}

/** The values a rule's text does not already state: "Outstanding at the latest inspection" needs no "overall effectiveness Outstanding". */
function unstated(rule: Rule, values: Measures): Measures {
  const stated = new Set(rule.all.filter((c) => c.op === 'eq').map((c) => c.measure));
  return Object.fromEntries(Object.entries(values).filter(([name]) => !stated.has(name as MeasureName)));
}

function reasonFor(rule: Rule, values: Measures, evidence: SchoolEvidence): Reason {
  const source = rule.eras ? inspectionSource(evidence) : resultsSource(values, evidence);
  const detail = describeValues(unstated(rule, values));
  return {
    ruleId: rule.id,
    text: `${rule.text}${detail ? `: ${detail}` : ''}${source}`,
    values: { ...values, ...(rule.eras ? inspectionNote(evidence) : {}) },
  };
}

function evidenceUsed(evidence: SchoolEvidence): EvidenceUsed {
  return {
    inspectionDate: evidence.inspection?.startDate ?? null,
    ratingPublishedOn: evidence.publishedRating?.asOf ?? null,
    results: [evidence.ks2, evidence.ks4]
      .filter((p): p is Performance => p !== null)
      .map(({ keyStage, year, status }) => ({ keyStage, year, status })),
  };
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

function gapReason(missing: Set<MeasureName>, evidence: SchoolEvidence, profile: PerformanceProfile): Reason {
  const gaps = new Set<string>();
  for (const measure of missing) {
    if (measure === 'inspection.era') {
      gaps.add(
        evidence.staleInspection
          ? `current inspection (the latest, of ${longDate(evidence.staleInspection.startDate)}, is more than ${profile.maxInspectionAgeYears} years old)`
          : 'inspection on record',
      );
    } else {
      gaps.add(describeGap(measure));
    }
  }
  return {
    ruleId: 'evidence.insufficient',
    text: `Not enough evidence to decide: no ${[...gaps].join(', no ')}`,
    values: { missing: [...missing].join(', '), ...inspectionNote(evidence) },
  };
}

// The headline facts, where the full list of measures would drown the reader.
const SUMMARY_MEASURES: MeasureName[] = [
  'ofsted.overall',
  'ofsted.worstKeyJudgement',
  'ofsted.worstReportCard',
  'estyn.followUp',
  'ks2.averageProgress',
  'ks4.progress8',
  'ks4.attainment8',
];

function summaryReason(evidence: SchoolEvidence): Reason {
  const headline: Measures = {};
  for (const name of SUMMARY_MEASURES) {
    const value = evidence.measures[name];
    if (value !== undefined) headline[name] = value;
  }
  const detail = describeValues(headline);
  return {
    ruleId: 'evidence.neither',
    text: `No rule of this profile for either group holds${detail ? `: ${detail}` : ''}`,
    values: { ...headline, ...inspectionNote(evidence) },
  };
}

function areaFindings(profile: PerformanceProfile, evidence: SchoolEvidence) {
  const strengths: AreaFinding[] = [];
  const weaknesses: AreaFinding[] = [];
  for (const rule of profile.areas) {
    const value = evidence.measures[rule.measure];
    if (value === undefined) continue;
    const finding = {
      area: rule.area,
      measure: rule.measure,
      value,
      text: describeMeasure(rule.measure, value),
    };
    if (compare(value, rule.strength.op, rule.strength.value)) strengths.push(finding);
    else if (compare(value, rule.weakness.op, rule.weakness.value)) weaknesses.push(finding);
  }
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

/** What the national analysis reads of every school's classification: its group and its evidence. */
export type ClassificationBrief = Pick<Classification, 'urn' | 'group' | 'evidence'>;

/**
 * The group `classifySchool` places a school in, and the evidence it reads, without the reasons
 * or the area findings in words: the national analysis needs the group of every school, the
 * words only for the few schools a page shows.
 */
export function classifyBriefly(
  record: SchoolRecord,
  profile: PerformanceProfile,
  asOf: string,
): ClassificationBrief {
  const evidence = measureSchool(record, profile, asOf);
  return { urn: record.urn, group: groupOf(profile, record, evidence), evidence: evidenceUsed(evidence) };
}

const anyHolds = (rules: Rule[], record: SchoolRecord, evidence: SchoolEvidence) =>
  rules.some((rule) => evaluateRule(rule, record.phase, evidence).status === 'holds');

/** As classifySchool decides: in need when any of its rules holds, then high-performing. */
function groupOf(profile: PerformanceProfile, record: SchoolRecord, evidence: SchoolEvidence): SchoolGroup {
  if (anyHolds(profile.inNeed, record, evidence)) return 'in-need';
  return anyHolds(profile.highPerforming, record, evidence) ? 'high-performing' : 'other';
}

/**
 * Every school's classification by URN, each written in full (reasons and all) when first read
 * and then kept; `brief` gives the group and evidence of any school at once. Iterates in the
 * order of `records`, as a Map filled from them would.
 */
export class ClassificationsOnDemand implements ReadonlyMap<number, Classification> {
  readonly #records: readonly SchoolRecord[];
  readonly #profile: PerformanceProfile;
  readonly #asOf: string;
  readonly #ref: ProfileRef;
  /** Each URN's place in `records` (the last, as a Map set from them keeps the last). */
  readonly #at = new Map<number, number>();
  readonly #briefs: ClassificationBrief[];
  readonly #written: (Classification | undefined)[];

  constructor(records: readonly SchoolRecord[], profile: PerformanceProfile, asOf: string, ref: ProfileRef) {
    this.#records = records;
    this.#profile = profile;
    this.#asOf = asOf;
    this.#ref = ref;
    this.#briefs = new Array<ClassificationBrief>(records.length);
    this.#written = new Array<Classification | undefined>(records.length);
  }

  /** Classifies the school at `i` of the records briefly; the snapshot calls it for each in turn. */
  add(i: number): ClassificationBrief {
    const record = this.#records[i]!;
    const brief = classifyBriefly(record, this.#profile, this.#asOf);
    this.#briefs[i] = brief;
    this.#at.set(record.urn, i);
    return brief;
  }

  brief(urn: number): ClassificationBrief | undefined {
    const i = this.#at.get(urn);
    return i === undefined ? undefined : this.#briefs[i];
  }

  get size(): number {
    return this.#at.size;
  }

  has(urn: number): boolean {
    return this.#at.has(urn);
  }

  get(urn: number): Classification | undefined {
    const i = this.#at.get(urn);
    return i === undefined ? undefined : this.#write(i);
  }

  #write(i: number): Classification {
    return (this.#written[i] ??= classifySchool(this.#records[i]!, this.#profile, this.#asOf, this.#ref));
  }

  *entries(): MapIterator<[number, Classification]> {
    for (const [urn, i] of this.#at) yield [urn, this.#write(i)];
  }

  keys(): MapIterator<number> {
    return this.#at.keys();
  }

  *values(): MapIterator<Classification> {
    for (const i of this.#at.values()) yield this.#write(i);
  }

  [Symbol.iterator](): MapIterator<[number, Classification]> {
    return this.entries();
  }

  forEach(
    visit: (value: Classification, key: number, map: ReadonlyMap<number, Classification>) => void,
    thisArg?: unknown,
  ): void {
    for (const [urn, i] of this.#at) visit.call(thisArg, this.#write(i), urn, this);
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
