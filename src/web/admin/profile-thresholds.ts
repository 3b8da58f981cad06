import type { Language } from '../../domain/language.ts';
import { translateMessage } from '../../i18n/index.ts';
import type { FormErrors } from '../http/forms.ts';
import { parseProfileForm, type ProfileFormResult } from './profile-form.ts';
import {
  SCHOOL_AREA_LABELS,
  type Comparison,
  type MeasureName,
  type PerformanceProfile,
} from '../../domain/classification/types.ts';

/** The results measures whose thresholds an administrator tunes most, in words. */
const RESULT_MEASURES: Partial<Record<MeasureName, string>> = {
  'ks2.readingProgress': 'KS2 reading progress',
  'ks2.writingProgress': 'KS2 writing progress',
  'ks2.mathsProgress': 'KS2 maths progress',
  'ks2.averageProgress': 'KS2 average progress across reading, writing and maths',
  'ks2.rwmExpectedPercent': 'Percentage at the expected standard in reading, writing and maths',
  'ks4.progress8': 'Progress 8',
  'ks4.attainment8': 'Attainment 8',
};

const COMPARISONS: Record<Comparison, string> = {
  lt: 'below',
  lte: 'at or below',
  gt: 'above',
  gte: 'at or above',
  eq: 'equal to',
  ne: 'other than',
  in: 'one of',
};

type Path =
  | [list: 'inNeed' | 'highPerforming', rule: number, condition: number]
  | [list: 'areas', rule: number, side: 'strength' | 'weakness'];

/** One number in the rules, shown as a form field; rules that differ only in era share it. */
export interface Threshold {
  /** The form field's name and id. */
  field: string;
  /** The rule it belongs to, in words (the heading it is shown under). */
  rule: string;
  label: string;
  value: number;
  paths: Path[];
}

/**
 * A label written from a template in the reader's language, its words (a measure, "below")
 * translated too; the English one is the key that makes two rules share a field, whatever the
 * language.
 */
const wordedIn = (language: Language, template: string, values: Record<string, string>) => {
  const english = template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
  const say = (message: string) => translateMessage(language, { message });
  const translated = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, say(v)]));
  return { english, shown: translateMessage(language, { message: english, template, values: translated }) };
};

/** The thresholds of a profile's rules, their rule and label in the reader's language (a rule an administrator wrote, as written). */
export function profileThresholds(profile: PerformanceProfile, language: Language = 'en'): Threshold[] {
  const found = new Map<string, Threshold>();
  const add = (
    rule: { english: string; shown: string },
    label: { english: string; shown: string },
    value: number,
    path: Path,
  ) => {
    const key = `${rule.english}|${label.english}|${value}`;
    const existing = found.get(key);
    if (existing) existing.paths.push(path);
    else
      found.set(key, {
        field: `threshold-${found.size + 1}`,
        rule: rule.shown,
        label: label.shown,
        value,
        paths: [path],
      });
  };
  for (const list of ['inNeed', 'highPerforming'] as const) {
    profile[list].forEach((rule, r) =>
      rule.all.forEach((condition, c) => {
        const measure = RESULT_MEASURES[condition.measure];
        if (measure && typeof condition.value === 'number') {
          add(
            { english: rule.text, shown: translateMessage(language, { message: rule.text }) },
            wordedIn(language, '{{measure}}, {{comparison}}', {
              measure,
              comparison: COMPARISONS[condition.op],
            }),
            condition.value,
            [list, r, c],
          );
        }
      }),
    );
  }
  profile.areas.forEach((area, a) => {
    const measure = RESULT_MEASURES[area.measure];
    for (const side of ['strength', 'weakness'] as const) {
      const test = area[side];
      if (measure && typeof test.value === 'number') {
        add(
          wordedIn(language, 'Strengths and weaknesses in {{area}}', { area: SCHOOL_AREA_LABELS[area.area] }),
          wordedIn(
            language,
            side === 'strength'
              ? 'A strength: {{measure}} {{comparison}}'
              : 'A weakness: {{measure}} {{comparison}}',
            {
              measure,
              comparison: COMPARISONS[test.op],
            },
          ),
          test.value,
          ['areas', a, side],
        );
      }
    }
  });
  return [...found.values()];
}

export type ThresholdsResult =
  | { ok: true; rules: Pick<PerformanceProfile, 'inNeed' | 'highPerforming' | 'areas'> }
  | { ok: false; errors: { field: string; text: string }[] };

/** The profile's rules with the numbers typed into the threshold fields; a field that is not a number is named. */
export function applyThresholds(
  profile: PerformanceProfile,
  body: Record<string, unknown>,
  language: Language = 'en',
): ThresholdsResult {
  const rules = structuredClone({
    inNeed: profile.inNeed,
    highPerforming: profile.highPerforming,
    areas: profile.areas,
  });
  const errors: { field: string; text: string }[] = [];
  for (const threshold of profileThresholds(profile, language)) {
    const typed = body[threshold.field];
    const value = typeof typed === 'string' && typed.trim() !== '' ? Number(typed) : Number.NaN;
    if (!Number.isFinite(value)) {
      errors.push({
        field: threshold.field,
        text: translateMessage(language, {
          message: `${threshold.label} (${threshold.rule}): enter a number, such as ${threshold.value}`,
          template: '{{label}} ({{rule}}): enter a number, such as {{value}}',
          values: { label: threshold.label, rule: threshold.rule, value: threshold.value },
        }),
      });
      continue;
    }
    for (const [list, r, at] of threshold.paths) {
      if (list === 'areas') rules.areas[r]![at].value = value;
      else rules[list][r]!.all[at]!.value = value;
    }
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rules };
}

/**
 * The thresholds form: the settings checked as in the rules editor, the rules of `base` with the
 * numbers typed, and every problem of both in one error summary.
 */
export function parseThresholdsForm(
  base: PerformanceProfile,
  body: Record<string, unknown>,
  language: Language = 'en',
): ProfileFormResult {
  const thresholds = applyThresholds(base, body, language);
  const rules = thresholds.ok ? thresholds.rules : base;
  const { inNeed, highPerforming, areas } = rules;
  const parsed = parseProfileForm(base, {
    ...body,
    rules: JSON.stringify({ inNeed, highPerforming, areas }),
  });
  if (thresholds.ok) return parsed;
  const errors: FormErrors = parsed.ok ? { errors: [], fieldErrors: {} } : parsed;
  return {
    ok: false,
    // Already in the reader's language: their words are the text itself.
    errors: [
      ...errors.errors,
      ...thresholds.errors.map((e) => ({ text: e.text, href: `#${e.field}`, words: { message: e.text } })),
    ],
    fieldErrors: {
      ...errors.fieldErrors,
      ...Object.fromEntries(
        thresholds.errors.map((e) => [e.field, { text: e.text, words: { message: e.text } }]),
      ),
    },
  };
}
