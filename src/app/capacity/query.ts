import { z } from 'zod';
import { CAPACITY_GEOGRAPHIES } from '../../domain/capacity/aggregate.ts';
import { PHASES } from '../../domain/school.ts';
import { oneOf } from '../choices.ts';
import { blankAsMissing, profileNameSchema, radiusKmSchema } from '../input.ts';

/** The capacity question, the same for the API, the page, the CSV and the CLI. */
export const capacityQuery = z.object({
  // Given as the input when missing, so that the published schema shows it too.
  by: oneOf(CAPACITY_GEOGRAPHIES, 'Choose the areas to count by: {{choices}} (la: local authority)').prefault(
    'la',
  ),
  phase: z.preprocess(blankAsMissing, oneOf(PHASES, 'Choose a phase: {{choices}}').optional()),
  radiusKm: radiusKmSchema,
  profile: profileNameSchema,
});
export type CapacityQueryInput = z.infer<typeof capacityQuery>;
