import { z } from 'zod';
import { CAPACITY_GEOGRAPHIES } from '../../domain/capacity/aggregate.ts';
import { MAX_RADIUS_KM } from '../../domain/radius.ts';
import { PHASES } from '../../domain/school.ts';

const blankAsUndefined = (value: unknown) => (value === '' ? undefined : value);

/** The capacity question, the same for the API, the page, the CSV and the CLI. */
export const capacityQuery = z.object({
  by: z
    .enum(CAPACITY_GEOGRAPHIES, {
      message: `Choose the areas to count by: ${CAPACITY_GEOGRAPHIES.join(', ')} (la: local authority)`,
    })
    .default('la'),
  phase: z.preprocess(
    blankAsUndefined,
    z.enum(PHASES, { message: `Choose a phase: ${PHASES.join(', ')}` }).optional(),
  ),
  radiusKm: z.preprocess(
    blankAsUndefined,
    z.coerce
      .number({ message: 'Enter the radius as a number of kilometres, like 5 or 7.5' })
      .positive('Enter a radius greater than 0 km')
      .max(MAX_RADIUS_KM, `Enter a radius of ${MAX_RADIUS_KM} km or less`)
      .optional(),
  ),
  profile: z.preprocess(blankAsUndefined, z.string().max(100).optional()),
});
export type CapacityQueryInput = z.infer<typeof capacityQuery>;

export const CAPACITY_SORTS = ['name', 'highPerforming', 'inNeed', 'ratio', 'median'] as const;
export type CapacitySort = (typeof CAPACITY_SORTS)[number];

/** The table page also sorts, by links, so that sorting works without JavaScript. */
export const capacityPageQuery = capacityQuery.extend({
  sort: z.enum(CAPACITY_SORTS).catch('name'),
  order: z.enum(['asc', 'desc']).catch('asc'),
});

/** GOV.UK error summary entries, and each field's own message, from what failed. */
export function formErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]) {
  const errors = issues.map((i) => ({ text: i.message, href: `#${String(i.path[0])}` }));
  const fieldErrors = Object.fromEntries(issues.map((i) => [String(i.path[0]), i.message]));
  return { errors, fieldErrors };
}
