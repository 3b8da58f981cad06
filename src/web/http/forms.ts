import type { z } from 'zod';

export interface FormErrors {
  /** For the GOV.UK error summary at the top of the page (`errors` in the layout). */
  errors: { text: string; href: string }[];
  /** Per field, for each component's `errorMessage`. */
  fieldErrors: Record<string, { text: string }>;
}

/** Turns a failed Zod parse of a form into GOV.UK error messages, the first per field. */
export function formErrors(error: z.ZodError): FormErrors {
  const fieldErrors: Record<string, { text: string }> = {};
  const errors: FormErrors['errors'] = [];
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (fieldErrors[field]) continue;
    fieldErrors[field] = { text: issue.message };
    errors.push({ text: issue.message, href: `#${field}` });
  }
  return { errors, fieldErrors };
}

/** Single error for a whole form (e.g. a failed sign-in), pointing at its first field. */
export function formError(field: string, text: string): FormErrors {
  return { errors: [{ text, href: `#${field}` }], fieldErrors: { [field]: { text } } };
}

/** A form field that may arrive once (a string) or many times (an array), e.g. checkboxes. */
export const asList = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
