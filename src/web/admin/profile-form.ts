import { z } from 'zod';
import { performanceProfileSchema } from '../../domain/classification/profile-schema.ts';
import type { PerformanceProfile } from '../../domain/classification/types.ts';
import type { FormErrors } from '../http/forms.ts';
import type { Message } from '../../i18n/index.ts';
import { phrase, writePhrase, type Phrase } from '../../domain/words.ts';

/** What the profile editor shows and posts back: the settings as fields, the rules as JSON. */
export interface ProfileFormValues {
  title: string;
  description: string;
  maxInspectionAgeYears: string;
  minimumCohort: string;
  rules: string;
}

const RULE_LISTS = ['inNeed', 'highPerforming', 'areas'] as const;

export function profileFormValues(profile: PerformanceProfile): ProfileFormValues {
  const rules = Object.fromEntries(RULE_LISTS.map((list) => [list, profile[list]]));
  return {
    title: profile.title,
    description: profile.description,
    maxInspectionAgeYears:
      profile.maxInspectionAgeYears === null ? '' : String(profile.maxInspectionAgeYears),
    minimumCohort: String(profile.minimumCohort),
    rules: JSON.stringify(rules, null, 2),
  };
}

/** What the administrator typed, field by field, over the version they started from. */
export function typedValues(
  body: Record<string, unknown>,
  startedFrom: ProfileFormValues,
): ProfileFormValues {
  const values = { ...startedFrom };
  for (const key of Object.keys(values) as (keyof ProfileFormValues)[]) {
    const typed = body[key];
    if (typeof typed === 'string') values[key] = typed;
  }
  return values;
}

const text = (field: string) => z.string({ error: `Enter the ${field}` }).trim();
const form = z.object({
  title: text('title')
    .min(3, 'Enter a title of at least 3 characters')
    .max(200, 'Title must be 200 characters or fewer'),
  description: text('description').min(10, 'Describe the profile in at least 10 characters'),
  maxInspectionAgeYears: z
    .string()
    .trim()
    .default('')
    .refine(
      (v) => v === '' || Number(v) > 0,
      'Inspections count for a number of years greater than 0, or leave it blank',
    )
    .transform((v) => (v === '' ? null : Number(v))),
  minimumCohort: z
    .string({ error: 'Enter the minimum cohort' })
    .trim()
    .regex(/^\d+$/, 'Minimum cohort must be a whole number of pupils, 0 or more')
    .transform(Number),
  rules: z.string({ error: 'Enter the rules' }).min(1, 'Enter the rules'),
});

export type ProfileFormResult =
  { ok: true; profile: Omit<PerformanceProfile, 'version'> } | ({ ok: false } & FormErrors);

/** `inNeed[3].all[0].value`, with the rule's id when it has one, so the administrator can find it. */
function rulePath(path: readonly PropertyKey[], rules: Record<string, unknown>): string | Phrase {
  const [list, index] = path;
  const id = (rules[String(list)] as { id?: unknown }[] | undefined)?.[Number(index)]?.id;
  const where = path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
  return typeof id === 'string' && path.length > 2 ? phrase('{{where}} (rule {{id}})', { where, id }) : where;
}

function valueAt(path: readonly PropertyKey[], data: unknown): unknown {
  return path.reduce<unknown>(
    (at, key) => (at && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined),
    data,
  );
}

/** A value as typed in the JSON, cut short when long. */
const shown = (value: unknown) => {
  const json = JSON.stringify(value);
  return json.length > 40 ? `${json.slice(0, 39)}…` : json;
};

/** What a place in the rules wanted, by Zod's name for it, and what it was given. */
const EXPECTED: Partial<Record<string, string>> = {
  string: 'expected text, not {{given}}',
  number: 'expected a number, not {{given}}',
  array: 'expected a list, not {{given}}',
  object: 'expected an object, not {{given}}',
};

/** Zod's own words for a problem ("Too small: …", "Invalid input: …"), as against the schema's. */
const ZODS_OWN = /^(Invalid|Too (small|big))\b/;

/**
 * What is wrong at one place in the rules, as a phrase the page writes in the reader's language:
 * what was given and what is wanted, or the schema's own words for a check of its own.
 */
function describeIssue(issue: z.core.$ZodIssue, rules: Record<string, unknown>): Phrase {
  const given = valueAt(issue.path, rules);
  const params = issue.code === 'custom' ? (issue.params as Partial<Phrase> | undefined) : undefined;
  if (typeof params?.template === 'string') return phrase(params.template, params.values);
  if (!ZODS_OWN.test(issue.message)) return phrase(issue.message);
  switch (issue.code) {
    case 'invalid_value':
      return phrase('{{given}} is not allowed here; use one of {{allowed}}', {
        given: shown(given),
        allowed: issue.values.map((v) => JSON.stringify(v)).join(', '),
      });
    case 'invalid_type':
      return given === undefined
        ? phrase('required but missing')
        : phrase(EXPECTED[issue.expected] ?? 'expected {{expected}}, not {{given}}', {
            expected: issue.expected,
            given: shown(given),
          });
    case 'invalid_union':
      return phrase('it must be a number, text or a list of them');
    case 'too_small':
      if (issue.origin === 'string')
        return issue.minimum === 1
          ? phrase('enter at least one character')
          : phrase('enter at least {{count}} characters', { count: Number(issue.minimum) });
      return issue.minimum === 1
        ? phrase('list at least one entry')
        : phrase('list at least {{count}} entries', { count: Number(issue.minimum) });
    default:
      return phrase(issue.message);
  }
}

/** Why the rules are not JSON, as near as the parser says: where, or what it met, or that they stop short. */
function jsonProblem(rules: string, error: Error): Phrase {
  const at = /at position (\d+)/.exec(error.message);
  if (at) {
    const before = rules.slice(0, Number(at[1])).split('\n');
    return phrase('The rules are not valid JSON: the problem is at line {{line}}, column {{column}}', {
      line: before.length,
      column: before.at(-1)!.length + 1,
    });
  }
  const token = /^Unexpected token '([^']*)'/.exec(error.message);
  if (token)
    return phrase('The rules are not valid JSON: {{token}} is not expected there', {
      token: JSON.stringify(token[1]),
    });
  if (/end of JSON input/.test(error.message))
    return phrase('The rules are not valid JSON: they end before they are complete');
  return phrase('The rules are not valid JSON: {{problem}}', { problem: error.message });
}

/**
 * Checks an edited profile with the same schema as stored profiles. Every problem goes into the
 * error summary; a problem in the rules names where in the JSON it is and what is wrong. The
 * rules are checked even when a field is wrong (against the settings of `startedFrom`), so that
 * one submission shows every problem.
 */
export function parseProfileForm(
  startedFrom: PerformanceProfile,
  body: Record<string, unknown>,
): ProfileFormResult {
  const errors: FormErrors = { errors: [], fieldErrors: {} };
  // Each error keeps the words it came from, so the page shows it in the reader's language.
  const add = (field: string, message: string, worded: Omit<Message, 'message'> = {}) => {
    const words = { message, ...worded };
    errors.errors.push({ text: message, href: `#${field}`, words });
    errors.fieldErrors[field] ??= { text: message, words };
  };
  const addPhrase = (field: string, words: Phrase) => add(field, writePhrase(words), { phrase: words });
  const fields = form.safeParse(body);
  if (!fields.success) for (const issue of fields.error.issues) add(String(issue.path[0]), issue.message);

  let rules: Record<string, unknown> | undefined;
  if (typeof body.rules === 'string' && body.rules.trim() !== '') {
    try {
      const parsed: unknown = JSON.parse(body.rules);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
        rules = parsed as Record<string, unknown>;
      else add('rules', 'The rules must be a JSON object with inNeed, highPerforming and areas');
    } catch (error) {
      addPhrase('rules', jsonProblem(body.rules, error as Error));
    }
  }
  if (!rules) return { ok: false, ...errors };

  for (const key of Object.keys(rules).filter((k) => !(RULE_LISTS as readonly string[]).includes(k))) {
    add('rules', `Rules: ${key} is not part of a profile; use inNeed, highPerforming and areas`, {
      template: 'Rules: {{key}} is not part of a profile; use inNeed, highPerforming and areas',
      values: { key },
    });
  }
  const { version: _version, ...settings } = startedFrom;
  const candidate = { ...settings, ...(fields.success ? fields.data : {}), ...rules, version: 1 };
  const checked = performanceProfileSchema.safeParse(candidate);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const [top] = issue.path;
      if ((RULE_LISTS as readonly PropertyKey[]).includes(top as PropertyKey)) {
        addPhrase(
          'rules',
          phrase('Rules, {{where}}: {{problem}}', {
            where: rulePath(issue.path, rules),
            problem: describeIssue(issue, rules),
          }),
        );
      } else if (fields.success) {
        add(String(top ?? 'rules'), issue.message);
      }
    }
  }
  if (errors.errors.length > 0 || !checked.success) return { ok: false, ...errors };
  const { version: _draft, ...profile } = checked.data;
  return { ok: true, profile };
}
