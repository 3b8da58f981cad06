import { z } from 'zod';
import { FOCUS_AREAS } from '../../domain/focus-areas.ts';
import { DECLARED_CONFLICT_KINDS } from '../../domain/peer-review/conflicts.ts';
import { GROUP_MODELS } from '../../domain/peer-review/groups.ts';
import { ACTION_STATUSES, CHALLENGE_OUTCOMES, FINDING_KINDS } from '../../domain/peer-review/review.ts';
import { TEAM_ROLES } from '../../domain/peer-review/team.ts';
import { SCHOOL_ID_PATTERN } from '../../domain/wales.ts';
import { blankAsMissing } from '../input.ts';
import { wordedCheck } from '../result.ts';

/**
 * The peer-review forms' fields, read the same way by the pages and any other face. A field's
 * problems are worded from its label ("Enter {{label}}" would not do: Welsh mutates a label after
 * "Rhowch" and writes "the" into "Rhaid i’r"), so each sentence is in the catalogue whole, with
 * any name in the label as a value ("the date of the visit to {{school}}").
 */

const text = (label: string, max = 5000) =>
  z
    .string({ message: `Enter ${label}` })
    .trim()
    .min(1, `Enter ${label}`)
    .refine((v) => v.length <= max, wordedCheck(`${label} must be {{max}} characters or fewer`, { max }));

/** Text a form may leave blank, up to `max` characters, named in its problem ("Your experience"). */
const optionalText = (named: string, max: number) =>
  z
    .string()
    .trim()
    .refine((v) => v.length <= max, wordedCheck(`${named} must be {{max}} characters or fewer`, { max }));

const isRealDate = (d: string) =>
  !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

export const isoDate = (label: string, values: Record<string, string | number> = {}) =>
  z
    .string({ message: wordedCheck(`Enter ${label}`, values).message })
    .trim()
    .refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d), {
      ...wordedCheck(`Enter ${label} as year-month-day, for example 2027-03-14`, values),
      abort: true,
    })
    .refine(isRealDate, wordedCheck(`Enter ${label} as a real date, for example 2027-03-14`, values));

const urnList = z
  .string({ message: 'Enter the URNs or Welsh school numbers of the schools to invite' })
  .transform((s) => s.split(/[\s,]+/).filter((v) => v !== ''))
  .pipe(
    z
      .array(
        z
          .string()
          .regex(
            SCHOOL_ID_PATTERN,
            'Each is a URN (6 digits) or a Welsh school number (7 digits), like 100001 or 6814002',
          ),
      )
      .min(1, 'Enter the URNs or Welsh school numbers of the schools to invite')
      .max(40, 'Invite at most 40 schools'),
  )
  .transform((list) => [...new Set(list.map(Number))]);

export const groupInput = z.object({
  name: text('a name for the group', 200),
  model: z.enum(GROUP_MODELS, { message: 'Choose a cluster or a hub' }),
  proposerUrn: z.coerce.number({ message: 'Choose your school' }).int().positive('Choose your school'),
  invitedUrns: urnList,
});

export const answerInput = z.object({
  urn: z.coerce.number({ message: 'Choose the school' }).int().positive(),
  answer: z.enum(['joined', 'declined'], { message: 'Choose whether your school takes part' }),
});

export const cycleInput = z.object({
  title: text('a title for the cycle', 200),
  frameworkId: text('the framework', 100),
  startsOn: isoDate('the first day of the cycle'),
  endsOn: isoDate('the last day of the cycle'),
  moderatorUserId: z.coerce.number({ message: 'Choose a moderator' }).int().positive('Choose a moderator'),
  /** visit-URN → yyyy-mm-dd, one per school that agreed to take part. */
  visits: z.record(z.string(), z.string()),
});

export const teamInput = z.object({
  userId: z.coerce.number({ message: 'Choose a reviewer' }).int().positive('Choose a reviewer'),
  role: z.enum(TEAM_ROLES, { message: 'Choose lead reviewer or reviewer' }),
  overrideReason: z.preprocess(
    blankAsMissing,
    optionalText('Your reason for overriding a conflict of interest', 2000).optional(),
  ),
});

/** A record chosen on the page by its number, such as the reviewer or finding to remove. */
const idField = (message: string) => z.coerce.number({ message }).int(message).positive(message);
export const chosenId = <K extends string>(field: K, message: string) =>
  z.object({ [field]: idField(message) } as Record<K, ReturnType<typeof idField>>);

export const selfEvaluationInput = z.object({
  selfEvaluation: text('your self-evaluation'),
  chosenFocus: z.enum(FOCUS_AREAS, { message: 'Choose the focus for the review' }),
});

export const judgementInput = z.object({
  areaId: text('the area', 100),
  judgement: z.coerce.number({ message: 'Choose a judgement' }).int('Choose a judgement'),
  evidence: text('the evidence for the judgement'),
});

export const findingInput = z.object({
  areaId: text('the area', 100),
  kind: z.enum(FINDING_KINDS, { message: 'Choose what went well or even better if' }),
  finding: text('the finding', 2000),
  evidence: text('the evidence for the finding'),
  focusArea: z.preprocess(blankAsMissing, z.enum(FOCUS_AREAS, { message: 'Choose a focus area' }).optional()),
});

export const moderationInput = z.object({
  decision: z.enum(['final', 'planned'], {
    message: 'Choose whether the report is final or goes back to the team',
  }),
  note: z.preprocess(
    (v) => v ?? '',
    z.string().trim().max(2000, 'The note must be 2000 characters or fewer'),
  ),
});

export const challengeInput = z.object({
  challenge: text('why your school challenges the finding', 2000),
});

export const challengeDecisionInput = z.object({
  outcome: z.enum(CHALLENGE_OUTCOMES, { message: 'Choose the outcome of the challenge' }),
  response: text('a note on the outcome for the host school', 2000),
  amended: z.preprocess(blankAsMissing, optionalText('The finding as changed', 2000).optional()),
});

export const actionStatusInput = z.object({
  actionId: z.coerce.number({ message: 'Choose an action' }).int().positive('Choose an action'),
  status: z.enum(ACTION_STATUSES, { message: 'Choose how far the action has got' }),
});

export const sharingInput = z.object({
  withGroup: z.preprocess((v) => v === 'true' || (Array.isArray(v) && v.includes('true')), z.boolean()),
  organisationIds: z.preprocess(
    (v) => (v === undefined ? [] : Array.isArray(v) ? (v as unknown[]) : [v]),
    z.array(z.coerce.number().int().positive()).max(50),
  ),
});

export const actionInput = z.object({
  description: text('what the school will do', 2000),
  owner: z.preprocess((v) => v ?? '', optionalText('Who leads it', 200)),
  dueOn: z.preprocess(blankAsMissing, isoDate('the date it is due by').optional()),
  declareNeed: z.preprocess((v) => v === 'true' || (Array.isArray(v) && v.includes('true')), z.boolean()),
});

export const reviewerInput = z.object({
  homeUrn: z.coerce
    .number({ message: 'Choose the school you serve at' })
    .int()
    .positive('Choose the school you serve at'),
  trainedOn: isoDate('the date of your training'),
  trainedBy: text('who trained you', 200),
  earlierReviews: z.coerce
    .number({ message: 'Enter how many reviews you have taken part in, as a number' })
    .int('Enter a whole number')
    .min(0, 'Enter 0 or more')
    .max(500, 'Enter 500 or fewer'),
  experience: z.preprocess((v) => v ?? '', optionalText('Your experience', 2000)),
  agree: z.literal('true', { message: 'Agree to the reviewer’s undertaking' }),
});

export const conflictInput = z.object({
  urn: z.coerce
    .number({ message: 'Enter the school’s URN or Welsh school number' })
    .int('Enter the school’s URN or Welsh school number')
    .positive('Enter the school’s URN or Welsh school number'),
  kind: z.enum(DECLARED_CONFLICT_KINDS, { message: 'Choose what the conflict is' }),
});
