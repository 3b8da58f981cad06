import { z } from 'zod';
import { DESIGNATIONS, type Designation } from '../../domain/access.ts';
import { FOCUS_AREAS } from '../../domain/focus-areas.ts';
import { oneOf } from '../choices.ts';
import { blankAsMissing, urnSchema } from '../input.ts';
import { LEADER_PHASES } from './profile-input.ts';

/** One value, a repeated parameter or a comma-separated list, as a list without blanks. */
const listOf = (value: unknown) =>
  (Array.isArray(value) ? value : value === undefined ? [] : [value])
    .flatMap((v) => String(v).split(','))
    .map((v) => v.trim())
    .filter((v) => v !== '');

/** The directory search, the same for the API, the page and the CLI. */
export const leaderQuery = z.object({
  expertise: z
    .preprocess(listOf, z.array(oneOf(FOCUS_AREAS, 'Choose areas of expertise from: {{choices}}')))
    .describe('Any of these areas of expertise (repeat the parameter or separate with commas)'),
  phase: z.preprocess(
    blankAsMissing,
    oneOf(
      LEADER_PHASES as [(typeof LEADER_PHASES)[number], ...typeof LEADER_PHASES],
      'Choose a phase: {{choices}}',
    ).optional(),
  ),
  designation: z.preprocess(
    blankAsMissing,
    oneOf(DESIGNATIONS as [Designation, ...Designation[]], 'Choose a designation: {{choices}}').optional(),
  ),
  near: z
    .preprocess(blankAsMissing, urnSchema.optional())
    .describe('The URN of a school: only leaders who reach it, in person or remotely, with the distance'),
  available: z
    .preprocess(
      blankAsMissing,
      z.enum(['true', 'false'], { message: 'available is true or false' }).optional(),
    )
    .transform((v) => v === 'true')
    .describe('true: only leaders with days left'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type LeaderQuery = z.infer<typeof leaderQuery>;
