import { z } from 'zod';
import { UNSUPPORTED_REASONS, type UnsupportedReason } from '../../domain/allocation/allocate.ts';
import { SCHOOL_GROUPS } from '../../domain/classification/types.ts';
import { CANDIDATE_TAGS } from '../../domain/matching/find-partners.ts';
import { nearPlaceSchema } from '../places.ts';

/** The JSON shapes of partner search and the allocation: the API's and the CLI's `--json` alike. */
const location = z.object({ lat: z.number(), lon: z.number() });
const profileRef = z.object({ name: z.string(), version: z.number(), title: z.string() });
const areaRef = z.object({ code: z.string(), name: z.string() }).nullable();

export const candidateSchema = z.object({
  urn: z.number(),
  name: z.string(),
  phase: z.string(),
  group: z.enum(SCHOOL_GROUPS),
  distanceKm: z.number(),
  score: z
    .number()
    .describe('0-100 on a fixed scale: the same pair scores the same whatever the radius asked for'),
  remote: z.boolean(),
  tags: z
    .array(z.enum(CANDIDATE_TAGS))
    .describe(
      'already-partners: in a current partnership with this school; in-partnership: in a current partnership with another school',
    ),
  reasons: z.array(z.string()),
  location,
  sameTrust: z
    .string()
    .nullable()
    .describe('the sponsor (a trust or a sponsor school) that both schools belong to, as recorded in S2S'),
  recentlyTakenOn: z
    .object({ sponsor: z.string(), since: z.string() })
    .nullable()
    .describe('taken on by another sponsor within the last two years: its trust is supporting it'),
});

export const partnersAnswerSchema = z.object({
  school: z.object({
    urn: z.number(),
    name: z.string(),
    phase: z.string(),
    group: z.enum(SCHOOL_GROUPS),
    sufficientEvidence: z.boolean(),
    reasons: z.array(z.string()),
    location: location.nullable(),
  }),
  profile: profileRef,
  strategy: z.string(),
  radiusKm: z.number(),
  near: nearPlaceSchema
    .optional()
    .describe('with near: the place looked around (distances are from it) and how it was located'),
  candidates: z.array(candidateSchema),
});
export type PartnersAnswer = z.infer<typeof partnersAnswerSchema>;

export const allocationAnswerSchema = z.object({
  profile: profileRef,
  summary: z.object({
    inNeed: z.number(),
    supported: z.number(),
    unsupported: z.number(),
    remote: z.number().describe('supported beyond their radius'),
    remoteNearerTaken: z
      .number()
      .describe('of those, the schools whose suitable supporters within the radius are all taken'),
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
      score: z.number().describe('0-100, as in partner search'),
      remote: z.boolean(),
      nearerTaken: z
        .boolean()
        .describe('supported beyond the radius although supporters within it exist: they are all taken'),
      reasons: z.array(z.string()),
      localAuthority: areaRef.describe('the local authority of the school in need'),
      supporterLocalAuthority: areaRef.describe('the supporter’s local authority'),
    }),
  ),
  unsupported: z
    .array(
      z.object({
        urn: z.number(),
        name: z.string(),
        localAuthority: areaRef,
        reason: z
          .enum(Object.keys(UNSUPPORTED_REASONS) as [UnsupportedReason, ...UnsupportedReason[]])
          .describe(
            Object.entries(UNSUPPORTED_REASONS)
              .map(([code, meaning]) => `${code}: ${meaning}`)
              .join('; '),
          ),
        text: z.string().describe('why, in plain English, for this school'),
      }),
    )
    .describe(
      'the schools left without a supporter, paged by the same limit and offset as items: summary.unsupported says how many there are',
    ),
});
export type AllocationAnswer = z.infer<typeof allocationAnswerSchema>;
