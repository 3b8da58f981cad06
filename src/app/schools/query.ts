import { z } from 'zod';
import { SCHOOL_GROUPS } from '../../domain/classification/types.ts';
import { PHASES } from '../../domain/school.ts';
import { optionalText, radiusKmSchema } from '../input.ts';

/** The search filters, shared by the page and the API so both read them the same way. */
export const schoolSearchQuery = z.object({
  q: z.string().trim().max(200, 'Search must be 200 characters or fewer').optional(),
  phase: z
    .enum(PHASES)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  group: z
    .enum(SCHOOL_GROUPS)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  la: z.string().trim().max(100).optional(),
  region: z.string().trim().max(100).optional(),
  /** A postcode, postcode sector or district, town or URN: schools near it, nearest first. */
  near: optionalText(100),
  /** How far from `near` to look, in km (10 by default). */
  radiusKm: radiusKmSchema,
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export type SchoolSearchQuery = z.infer<typeof schoolSearchQuery>;
