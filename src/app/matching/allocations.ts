import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { profileNameSchema } from '../input.ts';
import { profileView } from '../profiles.ts';
import { ok, type Result } from '../result.ts';
import type { AllocationAnswer } from './answers.ts';

export const allocationQuery = z.object({
  profile: profileNameSchema,
  limit: z.coerce
    .number()
    .int()
    .min(1, 'Limit must be at least 1')
    .max(1000, 'Limit must be 1000 or fewer')
    .default(100),
  offset: z.coerce.number().int().min(0, 'Offset must be 0 or more').default(0),
});
export type AllocationQuery = z.infer<typeof allocationQuery>;

/** The whole national allocation under a profile (worked out once per snapshot), for files. */
export async function nationalAllocation(ctx: Pick<AppContext, 'snapshots'>, profile: string | undefined) {
  const view = profileView(await ctx.snapshots.get(), profile);
  if (!view.ok) return view;
  return ok({ profile: view.value.profile, allocation: view.value.allocation() });
}

/**
 * A page of the national allocation: who supports whom, and who is left without a partner and
 * why. The answer of `GET /api/allocations` and `s2s allocate --json`.
 */
export async function allocationPage(
  ctx: Pick<AppContext, 'snapshots'>,
  query: AllocationQuery,
): Promise<Result<AllocationAnswer>> {
  const found = await nationalAllocation(ctx, query.profile);
  if (!found.ok) return found;
  const { profile, allocation } = found.value;
  const { limit, offset } = query;
  return ok({
    profile: { name: profile.name, version: profile.version, title: profile.title },
    summary: allocation.summary,
    total: allocation.assignments.length,
    limit,
    offset,
    items: allocation.assignments.slice(offset, offset + limit),
    unsupported: allocation.unsupported,
  });
}
