import type { z } from 'zod';
import { wordsOf, writePhrase, type Phrase } from '../domain/words.ts';

/**
 * Why a use case did not do what was asked, in words every face turns into its own answer: an
 * HTTP status and problem body, a form's error summary, or a CLI message and exit status.
 */
export const ERROR_CODES = [
  'invalid-input',
  'not-found',
  'unknown-profile',
  'no-location',
  'forbidden',
  'conflict',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * A message in English with the template it was filled in from ("No school with {{urn, schoolIdInSentence}}")
 * and its values, so that a face can write it in the reader's language from the catalogue.
 */
export interface Wording {
  message: string;
  template: string;
  values: Record<string, string | number>;
}

/** A message with values in it, worded so that each face can translate it (see Wording). */
export const worded = (template: string, values: Record<string, string | number>): Wording => ({
  ...wordsOf(template, values),
  values,
});

/**
 * A message in English with the phrase it was written from, when it is made of phrases in turn (a
 * refusal for one member of a team, a list of terms each with its days free): a face writes each
 * part in the reader's language.
 */
export interface Phrased {
  message: string;
  phrase: Phrase;
}

/** One problem with one named input (a form field, a query parameter, a CLI option). */
export interface FieldIssue extends Partial<Omit<Wording, 'message'>>, Partial<Omit<Phrased, 'message'>> {
  field: string;
  message: string;
}

export interface AppError extends Partial<Omit<Wording, 'message'>>, Partial<Omit<Phrased, 'message'>> {
  code: ErrorCode;
  message: string;
  /** For invalid input: each field's problem, first per field, in the order given. */
  issues?: FieldIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (
  code: ErrorCode,
  message: string | Wording | Phrased,
  issues?: FieldIssue[],
): Result<never> => {
  const words = typeof message === 'string' ? { message } : message;
  return { ok: false, error: issues ? { code, ...words, issues } : { code, ...words } };
};

/** A refusal about one field, such as a URN that names no school. */
export const invalidField = (field: string, message: string | Wording | Phrased): Result<never> =>
  fail('invalid-input', message, [{ field, ...(typeof message === 'string' ? { message } : message) }]);

/**
 * A check's message worded as template and values ("Days a term must be {{max}} or less"), for
 * `.refine(test, wordedCheck(…))` or `ctx.addIssue({ code: 'custom', ...wordedCheck(…) })`: the
 * issue keeps them, so a page writes it in the reader's language from the catalogue.
 */
export const wordedCheck = (template: string, values: Record<string, string | number> = {}) => {
  const { message } = wordsOf(template, values);
  return { message, params: { template, values } };
};

/**
 * A check's message worded as a phrase ("Choose a phase: {{choices}}", each choice a phrase in
 * turn), for a check whose message is made of words the catalogue writes one by one (see oneOf).
 */
export const phrasedCheck = (words: Phrase) => ({ message: writePhrase(words), params: { phrase: words } });

/** The words a check was worded in, kept in its issue's params (see wordedCheck and phrasedCheck). */
export function checkWording(
  params: unknown,
): Omit<Wording, 'message'> | Omit<Phrased, 'message'> | undefined {
  const kept = params as Partial<Wording & Phrased> | undefined;
  if (typeof kept?.template === 'string' && kept.values)
    return { template: kept.template, values: kept.values };
  if (typeof kept?.phrase?.template === 'string') return { phrase: kept.phrase };
  return undefined;
}

/** A custom issue's words, where its check was worded (see checkWording). */
export const wordingOf = (issue: z.core.$ZodIssue) =>
  issue.code === 'custom' ? checkWording(issue.params) : undefined;

/** The issues of a failed Zod parse, the first per field, with their words where worded (see checkWording). */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (seen.has(field)) continue;
    seen.add(field);
    issues.push({ field, message: issue.message, ...wordingOf(issue) });
  }
  return issues;
}

/** Validates a use case's plain input against its schema. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return ok(parsed.data);
  const issues = fieldIssues(parsed.error);
  return fail('invalid-input', issues.map((i) => i.message).join('; '), issues);
}
