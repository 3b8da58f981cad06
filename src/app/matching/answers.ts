import { z } from 'zod';
import { SCHOOL_GROUPS } from '../../domain/classification/types.ts';

/** The JSON shapes of partner search and the allocation: the API's and the CLI's `--json` alike. */
const location = z.object({ lat: z.number(), lon: z.number() });
const profileRef = z.object({ name: z.string(), version: z.number(), title: z.string() });

export const candidateSchema = z.object({
  urn: z.number(),
  name: z.string(),
  phase: z.string(),
  group: z.enum(SCHOOL_GROUPS),
  distanceKm: z.number(),
  score: z.number(),
  remote: z.boolean(),
  reasons: z.array(z.string()),
  location,
});

export const partnersAnswerSchema = z.object({
  school: z.object({
    urn: z.number(),
    name: z.string(),
    phase: z.string(),
    group: z.enum(SCHOOL_GROUPS),
    sufficientEvidence: z.boolean(),
    reasons: z.array(z.string()),
    location,
  }),
  profile: profileRef,
  strategy: z.string(),
  radiusKm: z.number(),
  candidates: z.array(candidateSchema),
});
export type PartnersAnswer = z.infer<typeof partnersAnswerSchema>;

export const allocationAnswerSchema = z.object({
  profile: profileRef,
  summary: z.object({
    inNeed: z.number(),
    supported: z.number(),
    unsupported: z.number(),
    remote: z.number(),
    supporters: z.number(),
  }),
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
  items: z.array(
    z.object({
      urn: z.number(),
      name: z.string(),
      supporterUrn: z.number(),
      supporterName: z.string(),
      distanceKm: z.number(),
      score: z.number(),
      remote: z.boolean(),
      reasons: z.array(z.string()),
    }),
  ),
  unsupported: z.array(z.object({ urn: z.number(), name: z.string(), reason: z.string(), text: z.string() })),
});
export type AllocationAnswer = z.infer<typeof allocationAnswerSchema>;
