import type { Phase } from '../school.ts';
import type { SchoolEvidence } from './measures.ts';
import type { MeasureSet, SlottedRule } from './measure-set.ts';
import type { Comparison, MeasureName, MeasureValue, Measures, Rule } from './types.ts';

export function compare(
  actual: MeasureValue,
  op: Comparison,
  expected: MeasureValue | MeasureValue[],
): boolean {
  if (op === 'in') return Array.isArray(expected) && expected.includes(actual);
  if (Array.isArray(expected)) return false;
  switch (op) {
    case 'eq':
      return actual === expected;
    case 'ne':
      return actual !== expected;
    case 'lt':
      return actual < expected;
    case 'lte':
      return actual <= expected;
    case 'gt':
      return actual > expected;
    case 'gte':
      return actual >= expected;
  }
}

/**
 * A rule holds, fails, cannot be decided on the evidence held (with the measures that were
 * missing), or does not apply to this school (another phase or inspection era).
 */
export type RuleOutcome =
  | { status: 'holds'; values: Measures }
  | { status: 'fails' }
  | { status: 'unknown'; missing: MeasureName[] }
  | { status: 'not-applicable' };

// The outcomes that carry nothing, made once: every school is tested against every rule.
const NOT_APPLICABLE: RuleOutcome = Object.freeze({ status: 'not-applicable' });
const FAILS: RuleOutcome = Object.freeze({ status: 'fails' });

/**
 * Whether `evaluateRule` would say the rule holds, without writing down the values or what is
 * missing: the national analysis asks this of every school and rule.
 */
export function ruleHolds(rule: SlottedRule, phase: Phase, measures: MeasureSet): boolean {
  if (rule.phases && !rule.phases.includes(phase)) return false;
  if (rule.eras) {
    const era = measures.era;
    if (era === undefined || !rule.eras.includes(era as never)) return false;
  }
  const { all, slots } = rule;
  for (let c = 0; c < all.length; c++) {
    const condition = all[c]!;
    const actual = measures.at(slots[c]!);
    // A missing measure leaves the rule undecided at best: it does not hold.
    if (actual === undefined) {
      if (condition.ifMissing !== 'skip') return false;
    } else if (!compare(actual, condition.op, condition.value)) return false;
  }
  return true;
}

/**
 * Whether `evaluateRule` would find the rule undecided (a measure it needs is missing, and none it
 * has fails), without writing down what is missing: a school placed in no group while a rule is
 * undecided has not enough evidence, which partner search says without writing its reasons.
 */
export function ruleUndecided(rule: SlottedRule, phase: Phase, measures: MeasureSet): boolean {
  if (rule.phases && !rule.phases.includes(phase)) return false;
  if (rule.eras) {
    const era = measures.era;
    if (era === undefined) return true;
    if (!rule.eras.includes(era as never)) return false;
  }
  const { all, slots } = rule;
  let missing = false;
  for (let c = 0; c < all.length; c++) {
    const condition = all[c]!;
    const actual = measures.at(slots[c]!);
    if (actual === undefined) {
      if (condition.ifMissing !== 'skip') missing = true;
    } else if (!compare(actual, condition.op, condition.value)) return false;
  }
  return missing;
}

export function evaluateRule(rule: Rule, phase: Phase, evidence: SchoolEvidence): RuleOutcome {
  if (rule.phases && !rule.phases.includes(phase)) return NOT_APPLICABLE;
  const era = evidence.measures.era;
  if (rule.eras) {
    if (era === undefined) return { status: 'unknown', missing: ['inspection.era'] };
    if (!rule.eras.includes(era as never)) return NOT_APPLICABLE;
  }
  const missing: MeasureName[] = [];
  const values: Measures = {};
  for (const condition of rule.all) {
    const actual = evidence.measures.get(condition.measure);
    if (actual === undefined) {
      if (condition.ifMissing !== 'skip') missing.push(condition.measure);
      continue;
    }
    // One failing condition decides the rule whatever else is missing.
    if (!compare(actual, condition.op, condition.value)) return FAILS;
    values[condition.measure] = actual;
  }
  return missing.length > 0 ? { status: 'unknown', missing } : { status: 'holds', values };
}
