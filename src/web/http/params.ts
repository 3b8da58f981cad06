import { z } from 'zod';
import { urnSchema } from '../../app/input.ts';

/** `/…/:urn` */
export const urnParams = z.object({ urn: urnSchema });

/** `/…/:id` for records numbered by the database. */
export const idParams = z.object({ id: z.coerce.number().int().positive() });
