import { z } from 'zod';
import { STRATEGIES } from '../../domain/matching/settings.ts';
import { LANGUAGE_MEDIA } from '../../domain/wales.ts';
import { blankAsMissing, optionalText, profileNameSchema, radiusKmSchema } from '../input.ts';

/** The partner-search options, shared by the page, the API and the CLI so all read them the same way. */
export const partnersQuery = z.object({
  strategy: z
    .enum(STRATEGIES, { message: 'Choose support, peer, reciprocal or offer-support' })
    .default('support'),
  radiusKm: radiusKmSchema,
  // The page's form sends the field blank when left alone: blank means the default.
  limit: z.preprocess(
    blankAsMissing,
    z.coerce
      .number()
      .int()
      .min(1, 'Limit must be at least 1')
      .max(50, 'Limit must be 50 or fewer')
      .default(10),
  ),
  type: optionalText(100),
  trust: optionalText(200),
  excludePartnered: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true'),
  profile: profileNameSchema,
  /** A postcode, postcode sector or district, town or URN to look around instead of the school. */
  near: optionalText(100),
  explain: z
    .enum(['true', 'false'], { message: 'Explain must be true or false' })
    .optional()
    .transform((v) => v !== 'false')
    .describe(
      'false: the candidates ranked and scored without their reasons (every `reasons` empty, the school’s own too), for a client that asks about many schools; writing the reasons is most of the work of an answer',
    ),
  /** Only schools in Wales that teach through this medium (a Welsh-medium school asking for Welsh-medium partners). */
  languageMedium: z.preprocess(
    blankAsMissing,
    z
      .enum(LANGUAGE_MEDIA, {
        message: 'Choose welsh-medium, bilingual, english-with-significant-welsh or english-medium',
      })
      .optional(),
  ),
});
export type PartnersQuery = z.infer<typeof partnersQuery>;
