import { z } from 'zod';
import { MAX_RADIUS_KM } from '../domain/radius.ts';
import { SCHOOL_ID_PATTERN } from '../domain/wales.ts';
import { wordedCheck } from './result.ts';

/** An empty form field or query parameter means "not given", not an empty value. */
export const blankAsMissing = (value: unknown) => (value === '' ? undefined : value);

/** A URN as typed or as a path segment: a positive whole number. */
export const urnSchema = z.coerce
  .number({ message: 'A URN is a whole number, like 100001' })
  .int('A URN is a whole number, like 100001')
  .positive('A URN is a whole number, like 100001');

/**
 * A school's number as a form field: a URN or a Welsh school number, typed. `missing` when the field
 * is empty, `wrong` when it is not 5 to 7 digits; each a whole sentence of the catalogue.
 */
export const schoolIdField = (missing: string, wrong: string) =>
  z.string({ error: missing }).trim().min(1, missing).regex(SCHOOL_ID_PATTERN, wrong).transform(Number);

/** A radius someone chose, in km: the same limit for the partner search, capacity and settings. */
export const radiusKmSchema = z.preprocess(
  blankAsMissing,
  z.coerce
    .number({ message: 'Enter the radius as a number of kilometres, like 5 or 7.5' })
    .positive('Enter a radius greater than 0 km')
    .max(MAX_RADIUS_KM, `Enter a radius of ${MAX_RADIUS_KM} km or less`)
    .optional(),
);

/** A performance profile's name, or the active one when blank. */
export const profileNameSchema = z.preprocess(blankAsMissing, z.string().trim().max(100).optional());

/** Optional free text in a filter. */
export const optionalText = (max: number) =>
  z.preprocess(blankAsMissing, z.string().trim().max(max).optional());

/** A date as the GOV.UK date input sends it, as its three parts, into an ISO calendar date. */
export const calendarDateSchema = (label: string) =>
  z
    .object({ day: z.string().trim(), month: z.string().trim(), year: z.string().trim() })
    .transform((d, ctx) => {
      if (!d.day && !d.month && !d.year) {
        ctx.addIssue({ code: 'custom', message: `Enter ${label}` });
        return z.NEVER;
      }
      const [day, month, year] = [Number(d.day), Number(d.month), Number(d.year)];
      const date = new Date(Date.UTC(year, month - 1, day));
      const real =
        /^\d{4}$/.test(d.year) &&
        date.getUTCFullYear() === year &&
        date.getUTCMonth() === month - 1 &&
        date.getUTCDate() === day;
      if (!real) {
        const named = label.replace(/^(the|a|an) /, '');
        ctx.addIssue({
          code: 'custom',
          message: `${named[0]!.toUpperCase()}${named.slice(1)} must be a real date`,
        });
        return z.NEVER;
      }
      return date.toISOString().slice(0, 10);
    });

/**
 * Text a form must have ("Enter the objectives"), up to `max` characters: over it, the field is
 * named from the same words ("The objectives must be 5000 characters or fewer"), worded so that a
 * page can say it in Welsh.
 */
export const requiredText = (message: string, max: number) => {
  const named = message.replace(/^Enter /, '');
  return z
    .string({ error: message })
    .trim()
    .min(1, message)
    .refine(
      (v) => v.length <= max,
      wordedCheck(`${named[0]!.toUpperCase()}${named.slice(1)} must be {{max}} characters or fewer`, { max }),
    );
};
