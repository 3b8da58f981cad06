import type { z } from 'zod';

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

/** One problem with one named input (a form field, a query parameter, a CLI option). */
export interface FieldIssue {
  field: string;
  message: string;
}

export interface AppError {
  code: ErrorCode;
  message: string;
  /** For invalid input: each field's problem, first per field, in the order given. */
  issues?: FieldIssue[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, message: string, issues?: FieldIssue[]): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});

/** A refusal about one field, such as a URN that names no school. */
export const invalidField = (field: string, message: string): Result<never> =>
  fail('invalid-input', message, [{ field, message }]);

/** The issues of a failed Zod parse, the first per field. */
export function fieldIssues(error: z.ZodError): FieldIssue[] {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (seen.has(field)) continue;
    seen.add(field);
    issues.push({ field, message: issue.message });
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
