import { ZodError } from 'zod';
import { fieldIssues, type AppError, type FieldIssue } from '../../app/result.ts';
import type { Language } from '../../domain/language.ts';
import { translateMessage, translator, type Message } from '../../i18n/index.ts';

/** An error's text as shown, with the English message it came from, to be put in the reader's language. */
export interface ErrorText {
  text: string;
  /** Absent for a text a page wrote itself. */
  words?: Message;
}

export interface FormErrors {
  /** For the GOV.UK error summary at the top of the page (`errors` in the layout). */
  errors: (ErrorText & { href: string })[];
  /** Per field, for each component's `errorMessage`. */
  fieldErrors: Record<string, ErrorText>;
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
      : (source.issues ?? [pinned(source, field)]);
  const fieldErrors: Record<string, ErrorText> = {};
  const errors: FormErrors['errors'] = [];
  for (const issue of issues) {
    if (fieldErrors[issue.field]) continue;
    fieldErrors[issue.field] = { text: issue.message, words: issue };
    errors.push({ text: issue.message, href: `#${issue.field}`, words: issue });
  }
  return { errors, fieldErrors };
}

/** A use case's error that names no field, pinned to `field` with its words, so that a page writes it in the reader's language. */
const pinned = ({ code: _code, issues: _issues, ...words }: AppError, field: string): FieldIssue => ({
  field,
  ...words,
});

const isErrorText = (value: unknown): value is Required<ErrorText> =>
  typeof value === 'object' && value !== null && 'words' in value && 'text' in value;

/**
 * A page's context with its form errors (the error summary's, each field's, and any single
 * `…Error` a page passes) in the reader's language, with GOV.UK's hidden "Error:" prefix too.
 */
export function errorsInLanguage(
  language: Language,
  context: Record<string, unknown>,
): Record<string, unknown> {
  const hidden = translator(language)('layout.errorHidden');
  const put = (value: unknown) =>
    isErrorText(value)
      ? { ...value, text: translateMessage(language, value.words), visuallyHiddenText: hidden }
      : value;
  return Object.fromEntries(
    Object.entries(context).map(([key, value]) => [
      key,
      Array.isArray(value)
        ? value.map(put)
        : key === 'fieldErrors' && value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([field, error]) => [field, put(error)]))
          : put(value),
    ]),
  );
}

/** Each field's error in the reader's language, for a page that shows them within its own items rather than as `fieldErrors`. */
export const fieldErrorsIn = (language: Language, fieldErrors: FormErrors['fieldErrors']) =>
  errorsInLanguage(language, fieldErrors) as FormErrors['fieldErrors'];

// Array.isArray does not narrow a readonly array.
const isIssueList = (value: unknown): value is readonly FieldIssue[] => Array.isArray(value);

/** Single error for a whole form (e.g. a failed sign-in), pointing at its first field. */
export function formError(field: string, text: string): FormErrors {
  return formErrors([{ field, message: text }]);
}

/** A form field that may arrive once (a string) or many times (an array), e.g. checkboxes. */
export const asList = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];
