import { ESTYN_AREAS, type KeyJudgement, type ReportCardArea } from '../school.ts';
import type { Condition, MeasureName, MeasureValue, PerformanceProfile, Rule } from './types.ts';

const KEY_JUDGEMENTS = [
  'qualityOfEducation',
  'behaviourAndAttitudes',
  'personalDevelopment',
  'leadershipAndManagement',
  'earlyYears',
  'sixthForm',
] as const satisfies readonly KeyJudgement[];
const REPORT_CARD_AREAS = [
  'inclusion',
  'curriculumAndTeaching',
  'achievement',
  'attendanceAndBehaviour',
  'personalDevelopmentAndWellbeing',
  'leadershipAndGovernance',
  'earlyYears',
  'post16',
] as const satisfies readonly ReportCardArea[];

/** Every measure a profile's rules can test. */
export const MEASURE_NAMES: readonly MeasureName[] = [
  'inspection.era',
  'inspection.ageYears',
  'ofsted.overall',
  'ofsted.category',
  'ofsted.worstKeyJudgement',
  'ofsted.bestKeyJudgement',
  ...KEY_JUDGEMENTS.map((k) => `ofsted.kj.${k}` as const),
  'ofsted.worstReportCard',
  'ofsted.bestReportCard',
  ...REPORT_CARD_AREAS.map((a) => `ofsted.rc.${a}` as const),
  'ofsted.previousOverall',
  'estyn.followUp',
  'estyn.era',
  'estyn.worstJudgement',
  'estyn.bestJudgement',
  ...ESTYN_AREAS.map((a) => `estyn.area.${a}` as const),
  'wales.supportCategory',
  'wales.previousSupportCategory',
  'ks2.readingProgress',
  'ks2.writingProgress',
  'ks2.mathsProgress',
  'ks2.averageProgress',
  'ks2.rwmExpectedPercent',
  'ks4.progress8',
  'ks4.attainment8',
];

/**
 * Each measure's slot in a MeasureSet. Frozen, so that where the code sets a measure by a name it
 * writes out (`SLOT['ks4.progress8']`), V8 reads the slot as a constant.
 */
export const SLOT: Readonly<Record<MeasureName, number>> = Object.freeze(
  Object.fromEntries(MEASURE_NAMES.map((name, slot) => [name, slot])) as Record<MeasureName, number>,
);

/**
 * One school's measures, each held in its slot (its name's place in MEASURE_NAMES). The national
 * analysis measures every school: a dictionary of dotted names was a new object for each of them,
 * grown a name at a time, where one set is written over from school to school. A slot holds a
 * value only if written since the set was last cleared (its stamp is the set's current one), so
 * that clearing it is one step.
 */
export class MeasureSet {
  readonly #values: (MeasureValue | undefined)[] = new Array<MeasureValue | undefined>(
    MEASURE_NAMES.length,
  ).fill(undefined);
  readonly #stamps = new Uint32Array(MEASURE_NAMES.length);
  #stamp = 1;

  get(name: MeasureName): MeasureValue | undefined {
    const slot = SLOT[name];
    return slot === undefined ? undefined : this.at(slot);
  }

  at(slot: number): MeasureValue | undefined {
    return this.#stamps[slot] === this.#stamp ? this.#values[slot] : undefined;
  }

  get era(): MeasureValue | undefined {
    return this.at(ERA_SLOT);
  }

  /** Sets the measure in `slot`; -1 (a grade the record names that no rule can test) is not kept. */
  set(slot: number, value: MeasureValue): void {
    if (slot < 0) return;
    this.#values[slot] = value;
    this.#stamps[slot] = this.#stamp;
  }

  clear(): void {
    this.#stamp++;
  }
}

const ERA_SLOT = SLOT['inspection.era'];

/** A rule with each of its conditions' measures as a slot, worked out once for every school it tests. */
export interface SlottedRule extends Rule {
  slots: Int32Array;
}

/** A profile's rules for each group, slotted. */
export interface SlottedRules {
  inNeed: SlottedRule[];
  highPerforming: SlottedRule[];
}

const slottedByProfile = new WeakMap<Pick<PerformanceProfile, 'inNeed' | 'highPerforming'>, SlottedRules>();

const slotted = (rule: Rule): SlottedRule => ({
  ...rule,
  slots: Int32Array.from(rule.all, (c: Condition) => SLOT[c.measure]),
});

export function slottedRules(profile: Pick<PerformanceProfile, 'inNeed' | 'highPerforming'>): SlottedRules {
  let rules = slottedByProfile.get(profile);
  if (!rules) {
    rules = { inNeed: profile.inNeed.map(slotted), highPerforming: profile.highPerforming.map(slotted) };
    slottedByProfile.set(profile, rules);
  }
  return rules;
}
