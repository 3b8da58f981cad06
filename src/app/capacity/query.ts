import { z } from 'zod';
import { CAPACITY_GEOGRAPHIES } from '../../domain/capacity/aggregate.ts';
import { PHASES } from '../../domain/school.ts';
import { blankAsMissing, profileNameSchema, radiusKmSchema } from '../input.ts';

/** The capacity question, the same for the API, the page, the CSV and the CLI. */
export const capacityQuery = z.object({
  by: z
    .enum(CAPACITY_GEOGRAPHIES, {
      message: `Choose the areas to count by: ${CAPACITY_GEOGRAPHIES.join(', ')} (la: local authority)`,
    })
    .default('la'),
  phase: z.preprocess(
    blankAsMissing,
    z.enum(PHASES, { message: `Choose a phase: ${PHASES.join(', ')}` }).optional(),
  ),
  radiusKm: radiusKmSchema,
  profile: profileNameSchema,
});
export type CapacityQueryInput = z.infer<typeof capacityQuery>;
