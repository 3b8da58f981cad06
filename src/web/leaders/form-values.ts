import { asList } from '../http/forms.ts';

/** A date as the GOV.UK date input's three boxes hold it. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

/** An ISO date as the three boxes show it (no leading zeros); blank boxes when there is none. */
export const dateParts = (iso?: string): DateParts =>
  iso
    ? { day: String(Number(iso.slice(8, 10))), month: String(Number(iso.slice(5, 7))), year: iso.slice(0, 4) }
    : { day: '', month: '', year: '' };

/**
 * A posted form as the person typed it, both to validate and to show again on an error: each
 * text field a string (blank when missing), each date its three boxes (`name-day`…), each list
 * (checkboxes) a list of strings however many were ticked.
 */
export function postedValues(
  body: unknown,
  fields: { text: readonly string[]; dates?: readonly string[]; lists?: readonly string[] },
): Record<string, unknown> {
  const b = (body ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof b[key] === 'string' ? b[key] : '');
  const entries: [string, unknown][] = [
    ...fields.text.map((key): [string, unknown] => [key, text(key)]),
    ...(fields.dates ?? []).map((key): [string, unknown] => [
      key,
      { day: text(`${key}-day`), month: text(`${key}-month`), year: text(`${key}-year`) },
    ]),
    ...(fields.lists ?? []).map((key): [string, unknown] => [key, asList(b[key]).map(String)]),
  ];
  return Object.fromEntries(entries);
}
