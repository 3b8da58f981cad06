import { z } from 'zod';
import { STRATEGIES } from '../../domain/matching/settings.ts';

const blankIsMissing = (value: unknown) => (value === '' ? undefined : value);

/** The partner-search options, shared by the page and the API so both read them the same way. */
export const partnersQuery = z.object({
  strategy: z.enum(STRATEGIES, { message: 'Choose support, peer or reciprocal' }).default('support'),
  radiusKm: z.preprocess(
    blankIsMissing,
    z.coerce
      .number({ message: 'Radius must be a number of kilometres' })
      .positive('Radius must be more than 0 km')
      .max(500, 'Radius must be 500 km or less')
      .optional(),
  ),
  limit: z.coerce
    .number()
    .int()
    .min(1, 'Limit must be at least 1')
    .max(50, 'Limit must be 50 or fewer')
    .default(10),
  type: z.preprocess(blankIsMissing, z.string().trim().max(100).optional()),
  trust: z.preprocess(blankIsMissing, z.string().trim().max(200).optional()),
  excludePartnered: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  profile: z.preprocess(blankIsMissing, z.string().trim().max(100).optional()),
});
export type PartnersQuery = z.infer<typeof partnersQuery>;
