import type { Phrase } from '../../domain/words.ts';
import { z } from 'zod';
import { asList } from '../http/forms.ts';

/**
 * Form pages described as data: one template renders every partnership form with GOV.UK
 * components, the user's input and each field's error message.
 */
export type Field =
  | { kind: 'text' | 'textarea' | 'number'; name: string; label: string; hint?: string; width?: string }
  | { kind: 'date'; name: string; label: string; hint?: string }
  | {
      kind: 'radios' | 'select' | 'checkboxes';
      name: string;
      label: string;
      hint?: string;
      items: { value: string; text: string; hint?: string }[];
    };

export interface FormPage {
  title: string;
  /** A phrase when it has values in it (a school's name), so that each language writes it whole. */
  intro?: string | Phrase;
  fields: Field[];
  submit: string;
}

export const options = <T extends string>(
  values: readonly T[],
  labels: Record<T, string>,
  hints?: Record<T, string>,
) => values.map((value) => ({ value, text: labels[value], ...(hints ? { hint: hints[value] } : {}) }));

/** The raw values of a form as the user typed them: dates as their three parts, lists as arrays. */
export function formValues(fields: Field[], body: unknown): Record<string, unknown> {
  const b = (body ?? {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' ? v : '');
  const values: Record<string, unknown> = {};
  for (const f of fields) {
    if (f.kind === 'date') {
      values[f.name] = {
        day: text(b[`${f.name}-day`]),
        month: text(b[`${f.name}-month`]),
        year: text(b[`${f.name}-year`]),
      };
    } else if (f.kind === 'checkboxes') {
      values[f.name] = asList(b[f.name]).map(String);
    } else {
      values[f.name] = text(b[f.name]);
    }
  }
  return values;
}

/** A stored ISO date as the three parts the GOV.UK date input shows. */
export const dateParts = (iso: string | null) =>
  iso
    ? { day: String(Number(iso.slice(8, 10))), month: String(Number(iso.slice(5, 7))), year: iso.slice(0, 4) }
    : { day: '', month: '', year: '' };

export const required = (message: string, max = 5000) =>
  z
    .string()
    .trim()
    .min(1, message)
    .max(
      max,
      `${message.replace(/^Enter /, '').replace(/^./, (c) => c.toUpperCase())} must be ${max} characters or fewer`,
    );

export const optional = (max = 5000) =>
  z
    .string()
    .trim()
    .max(max, `Must be ${max} characters or fewer`)
    .transform((v) => v || null);

export const numberField = (name: string, { optional: isOptional = false, min = 0 } = {}) =>
  z
    .string()
    .trim()
    .refine((v) => isOptional || v !== '', `Enter ${name}`)
    .refine(
      (v) => v === '' || /^-?\d+(\.\d+)?$/.test(v),
      `${name.replace(/^./, (c) => c.toUpperCase())} must be a number, like 12 or 12.5`,
    )
    .transform((v) => (v === '' ? null : Number(v)))
    .refine(
      (v) => v === null || v >= min,
      `${name.replace(/^./, (c) => c.toUpperCase())} must be ${min} or more`,
    );

export const choice = <T extends string>(values: readonly [T, ...T[]], message: string) =>
  z.enum(values, { error: message });

/** Day, month and year into an ISO date, with the GOV.UK date-input messages. */
export const dateField = (label: string, { optional: isOptional = false } = {}) =>
  z
    .object({ day: z.string().trim(), month: z.string().trim(), year: z.string().trim() })
    .transform((d, ctx) => {
      if (!d.day && !d.month && !d.year) {
        if (!isOptional) ctx.addIssue({ code: 'custom', message: `Enter ${label}` });
        return null;
      }
      const [day, month, year] = [Number(d.day), Number(d.month), Number(d.year)];
      const date = new Date(Date.UTC(year, month - 1, day));
      const real =
        /^\d{4}$/.test(d.year) &&
        Number.isInteger(day) &&
        Number.isInteger(month) &&
        date.getUTCFullYear() === year &&
        date.getUTCMonth() === month - 1 &&
        date.getUTCDate() === day;
      if (!real) {
        ctx.addIssue({
          code: 'custom',
          message: `${label.replace(/^(the|a|an) /, '').replace(/^./, (c) => c.toUpperCase())} must be a real date`,
        });
        return null;
      }
      return date.toISOString().slice(0, 10);
    });
