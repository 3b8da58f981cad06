import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { DatasetProvenance } from '../../domain/provenance.ts';

/** `dataset` on every public JSON answer: which published files the data rests on, and from when. */
export const datasetSchema = z
  .object({
    sources: z.array(
      z.object({
        kind: z
          .string()
          .describe(
            'gias, ofsted, ofsted-ratings, ks2, ks4, census, links, wales-schools, estyn or wales-categorisation',
          ),
        name: z.string().describe('the file as imported'),
        asOf: z.string().nullable().describe('what the data describes as of: an ISO date, or yyyy-mm'),
        status: z.enum(['provisional', 'final']).optional().describe('results tables only'),
        synthetic: z
          .literal(true)
          .optional()
          .describe('present when this file is made up (the demo’s Welsh schools beside real English data)'),
      }),
    ),
    synthetic: z.boolean().describe('true when any of the data is made up (a generated dataset)'),
  })
  .describe('Which data the answer rests on, from when, and whether it is synthetic');

/** A public answer's schema with `dataset` beside its fields (a list's `items`, or one record's). */
export function withDatasetSchema<T extends z.ZodObject>(schema: T) {
  return schema.extend({ dataset: datasetSchema });
}

/** A public answer with `dataset` beside its fields. */
export async function withDataset<T extends object>(
  app: FastifyInstance,
  answer: T,
): Promise<T & { dataset: DatasetProvenance }> {
  return { ...answer, dataset: (await app.datasetInfo()).provenance };
}
