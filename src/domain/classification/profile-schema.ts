import { z } from 'zod';
import { PHASES } from '../school.ts';
import { MEASURE_NAMES } from './measure-set.ts';
import { SCHOOL_AREAS, type MeasureName, type PerformanceProfile } from './types.ts';

const measure = z.enum(MEASURE_NAMES as [MeasureName, ...MeasureName[]]);
const comparison = z.enum(['eq', 'ne', 'in', 'lt', 'lte', 'gt', 'gte']);
const value = z.union([z.number(), z.string(), z.array(z.union([z.number(), z.string()]))]);
const test = z.object({ op: comparison, value });

const rule = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'use lower-case letters, digits, dots and hyphens'),
  text: z.string().min(3),
  eras: z
    .array(z.enum(['legacy', 'ungraded', 'report-card', 'estyn']))
    .min(1)
    .optional(),
  phases: z.array(z.enum(PHASES)).min(1).optional(),
  all: z
    .array(test.extend({ measure, ifMissing: z.enum(['unknown', 'skip']).optional() }))
    .min(1, 'a rule needs at least one condition'),
});

export const performanceProfileSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and hyphens'),
    version: z.number().int().min(1),
    country: z.enum(['England', 'Wales']).optional(),
    title: z.string().min(3),
    description: z.string().min(10),
    maxInspectionAgeYears: z.number().positive().nullable(),
    minimumCohort: z.number().int().min(0),
    inNeed: z.array(rule),
    highPerforming: z.array(rule),
    areas: z.array(z.object({ area: z.enum(SCHOOL_AREAS), measure, strength: test, weakness: test })),
  })
  .superRefine((profile, ctx) => {
    const seen = new Set<string>();
    for (const [list, rules] of [
      ['inNeed', profile.inNeed],
      ['highPerforming', profile.highPerforming],
    ] as const) {
      rules.forEach((r, i) => {
        if (seen.has(r.id))
          ctx.addIssue({
            code: 'custom',
            path: [list, i, 'id'],
            message: `duplicate rule id ${r.id}`,
            // Its template and values, so that the editor writes it in the reader's language.
            params: { template: 'duplicate rule id {{id}}', values: { id: r.id } },
          });
        seen.add(r.id);
      });
    }
  });

export type ProfileParseResult = { ok: true; profile: PerformanceProfile } | { ok: false; errors: string[] };

/** Checks a profile read from storage or an administrator's edit; errors name the field. */
export function parsePerformanceProfile(data: unknown): ProfileParseResult {
  const parsed = performanceProfileSchema.safeParse(data);
  if (parsed.success) return { ok: true, profile: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((i) => `${i.path.join('.') || 'profile'}: ${i.message}`),
  };
}
