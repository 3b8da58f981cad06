import { z } from 'zod';
import { DESIGNATIONS } from '../../domain/access.ts';
import { FOCUS_AREAS } from '../../domain/focus-areas.ts';
import {
  FREE_WITHIN,
  MAX_DAY_RATE_POUNDS,
  MAX_DAYS_PER_TERM,
  MAX_TRAVEL_KM,
  type ProfileDetails,
} from '../../domain/leaders/profile.ts';
import { PHASES } from '../../domain/school.ts';
import { calendarDateSchema, requiredText, schoolIdField } from '../input.ts';
import { wordedCheck } from '../result.ts';

/** Phases a leader can work with: every phase of school, not the registry's "not applicable". */
export const LEADER_PHASES = PHASES.filter((p) => p !== 'not-applicable');

/** A number typed into a form: blank is null; otherwise within the limits, in halves at most. */
const amount = (
  name: string,
  { max, halves = false, whole = false }: { max: number; halves?: boolean; whole?: boolean },
) =>
  z
    .string()
    .trim()
    .refine(
      (v) => v === '' || /^\d+(\.\d+)?$/.test(v),
      `${name} must be a number, like ${whole ? '12' : '12.5'}`,
    )
    .transform((v) => (v === '' ? null : Number(v)))
    .refine((v) => v === null || v <= max, wordedCheck(`${name} must be {{max}} or less`, { max }))
    .refine((v) => v === null || !whole || Number.isInteger(v), `${name} must be a whole number`)
    .refine(
      (v) => v === null || !halves || Number.isInteger(v * 2),
      `${name} must be in whole or half days, like 6 or 6.5`,
    );

/** Choices from a list, each once, in the list's own order (however the form sent them). */
const chosen = <T extends string>(values: readonly T[], message: string, min?: string) =>
  z
    .array(z.enum(values as [T, ...T[]], { error: message }))
    .min(min ? 1 : 0, min)
    .transform((picked) => values.filter((v) => picked.includes(v)));

/** The profile form, as the person fills it in; the same rules for every face. */
export const profileInput = z
  .object({
    jobTitle: requiredText('Enter your role', 200),
    urn: schoolIdField(
      'Enter the URN or Welsh school number of the school you work from',
      'The URN or Welsh school number must be 5 to 7 digits, like 100001 or 6814002',
    ),
    claimedDesignations: chosen(DESIGNATIONS, 'Choose designations from the list'),
    expertise: chosen(FOCUS_AREAS, 'Choose areas from the list', 'Choose at least one area of expertise'),
    phases: chosen(LEADER_PHASES, 'Choose phases from the list', 'Choose at least one phase you work with'),
    experience: z
      .string()
      .trim()
      .refine(
        (v) => v.length <= 5000,
        wordedCheck('Your experience must be {{max}} characters or fewer', { max: 5000 }),
      ),
    daysPerTerm: amount('Days a term', { max: MAX_DAYS_PER_TERM, halves: true }).refine(
      (v) => v !== null && v > 0,
      'Enter how many days a term you can give, like 6 or 6.5',
    ),
    availableFrom: calendarDateSchema('the date you are available from'),
    availableTo: calendarDateSchema('the date you are available until'),
    travelKm: amount('How far you will travel', { max: MAX_TRAVEL_KM, whole: true }),
    worksRemotely: z.enum(['yes', '']).transform((v) => v === 'yes'),
    dayRatePounds: amount('Your day rate', { max: MAX_DAY_RATE_POUNDS }),
    freeWithin: z
      .enum([...FREE_WITHIN, ''], { error: 'Choose where you make no charge' })
      .transform((v) => v || null),
  })
  .superRefine((v, ctx) => {
    if (v.availableTo < v.availableFrom) {
      ctx.addIssue({
        code: 'custom',
        path: ['availableTo'],
        message: 'The date you are available until must be on or after the date you are available from',
      });
    }
    if (v.travelKm === null && !v.worksRemotely) {
      ctx.addIssue({
        code: 'custom',
        path: ['travelKm'],
        message: 'Enter how far you will travel, or say that you work remotely',
      });
    }
  })
  .transform((v): ProfileDetails => ({
    jobTitle: v.jobTitle,
    urn: v.urn,
    claimedDesignations: v.claimedDesignations,
    expertise: v.expertise,
    phases: v.phases,
    experience: v.experience,
    availability: { daysPerTerm: v.daysPerTerm!, from: v.availableFrom, to: v.availableTo },
    travelKm: v.travelKm,
    worksRemotely: v.worksRemotely,
    dayRatePounds: v.dayRatePounds,
    freeWithin: v.freeWithin,
  }));

export type ProfileFormValues = z.input<typeof profileInput>;
