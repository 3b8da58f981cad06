import { z } from 'zod';
import { MAX_DAY_RATE_POUNDS } from '../../domain/leaders/profile.ts';
import { PAYERS } from '../../domain/leaders/costing.ts';
import { calendarDateSchema, requiredText as text, schoolIdField } from '../input.ts';
import { wordedCheck } from '../result.ts';

/** The most days one deployment can take: a year of a generous availability. */
export const MAX_DEPLOYMENT_DAYS = 180;

/** A deployment's days, or a team member's: whole or half days. */
const daysField = z
  .string({ error: 'Enter how many days' })
  .trim()
  .min(1, 'Enter how many days the deployment takes, like 6 or 6.5')
  .refine((v) => /^\d+(\.\d+)?$/.test(v), 'Days must be a number, like 6 or 6.5')
  .transform(Number)
  .refine((v) => v > 0, 'Days must be at least half a day')
  .refine((v) => Number.isInteger(v * 2), 'Days must be whole or half days, like 6 or 6.5')
  .refine(
    (v) => v <= MAX_DEPLOYMENT_DAYS,
    wordedCheck('Days must be {{max}} or fewer', { max: MAX_DEPLOYMENT_DAYS }),
  );

/** The agreed day rate in pounds; blank for the leader's own (see `suggestedDayRate`). */
const dayRateField = z
  .string()
  .trim()
  .refine(
    (v) => v === '' || /^\d+(\.\d{1,2})?$/.test(v),
    'The day rate must be an amount in pounds, like 450',
  )
  .transform((v) => (v === '' ? null : Number(v)))
  .refine(
    (v) => v === null || v <= MAX_DAY_RATE_POUNDS,
    wordedCheck('The day rate must be £{{max}} or less', { max: MAX_DAY_RATE_POUNDS }),
  );

/** The commissioning form, as a client school's administrator or an officer fills it in. */
export const deploymentInput = z
  .object({
    clientUrn: schoolIdField(
      'Choose the school the deployment is for',
      'Choose the school the deployment is for',
    ),
    scope: text('Enter the scope of the deployment', 5000),
    objectives: text('Enter the objectives', 5000),
    successCriteria: text('Enter the success criteria', 5000),
    days: daysField,
    startDate: calendarDateSchema('the first day'),
    endDate: calendarDateSchema('the last day'),
    dayRatePounds: dayRateField,
    paidBy: z.enum(PAYERS, { error: 'Choose who pays' }),
    reportsTo: text('Enter who the system leader reports to', 300),
    exitStrategy: text('Enter the exit strategy', 5000),
  })
  .superRefine((v, ctx) => {
    if (v.endDate <= v.startDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['endDate'],
        message: 'The last day must be after the first day',
      });
    }
  });

export type DeploymentInput = z.output<typeof deploymentInput>;

/** The commissioner's form adding a published system leader to a deployment's team. */
export const teamMemberInput = z.object({
  profileId: z
    .string({ error: 'Choose the system leader to add' })
    .trim()
    .regex(/^\d{1,9}$/, 'Choose the system leader to add')
    .transform(Number),
  days: daysField,
  dayRatePounds: dayRateField,
});
