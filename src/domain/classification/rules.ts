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
 * What `evaluateRule` would say of the rule, without writing down the values or what is missing:
 * the national analysis asks this of every school and rule, and partner search asks whether a
 * school in neither group had a rule left undecided (not enough evidence).
 */
export function ruleStatus(rule: SlottedRule, phase: Phase, measures: MeasureSet): RuleOutcome['status'] {
  if (rule.phases && !rule.phases.includes(phase)) return 'not-applicable';
  if (rule.eras) {
    const era = measures.era;
    if (era === undefined) return 'unknown';
    if (!rule.eras.includes(era as never)) return 'not-applicable';
  }
  const { all, slots } = rule;
  let missing = false;
  for (let c = 0; c < all.length; c++) {
    const condition = all[c]!;
    const actual = measures.at(slots[c]!);
    // A missing measure leaves the rule undecided at best; one failing condition decides it.
    if (actual === undefined) {
      if (condition.ifMissing !== 'skip') missing = true;
    } else if (!compare(actual, condition.op, condition.value)) return 'fails';
  }
  return missing ? 'unknown' : 'holds';
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
