import { ZodError } from 'zod';
import { fieldIssues, type AppError, type FieldIssue } from '../../app/result.ts';

export interface FormErrors {
  /** For the GOV.UK error summary at the top of the page (`errors` in the layout). */
  errors: { text: string; href: string }[];
  /** Per field, for each component's `errorMessage`. */
  fieldErrors: Record<string, { text: string }>;
}

/**
 * GOV.UK error messages, the first per field, from a failed parse of a form, a use case's
 * error (pinned to `field` when it names none) or a list of field issues.
 */
export function formErrors(source: ZodError | AppError | readonly FieldIssue[], field = 'form'): FormErrors {
  const issues: readonly FieldIssue[] = isIssueList(source)
    ? source
    : source instanceof ZodError
      ? fieldIssues(source)
      : (source.issues ?? [{ field, message: source.message }]);
  const fieldErrors: Record<string, { text: string }> = {};
  const errors: FormErrors['errors'] = [];
  for (const issue of issues) {
    if (fieldErrors[issue.field]) continue;
    fieldErrors[issue.field] = { text: issue.message };
    errors.push({ text: issue.message, href: `#${issue.field}` });
  }
  return { errors, fieldErrors };
}

// Array.isArray does not narrow a readonly array.
const isIssueList = (value: unknown): value is readonly FieldIssue[] => Array.isArray(value);

/** Single error for a whole form (e.g. a failed sign-in), pointing at its first field. */
export function formError(field: string, text: string): FormErrors {
  return formErrors([{ field, message: text }]);
}

/** A form field that may arrive once (a string) or many times (an array), e.g. checkboxes. */
export const asList = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
