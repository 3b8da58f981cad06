import { z } from 'zod';
import { getCycle, listCycleIdsFor, type Cycle } from '../../data/peer-review/cycles.ts';
import { getGroup } from '../../data/peer-review/groups.ts';
import type { SessionUser } from '../../domain/access.ts';
import { GROUP_MODELS } from '../../domain/peer-review/groups.ts';
import { REVIEW_STATUSES } from '../../domain/peer-review/review.ts';
import type { AppContext } from '../context.ts';

/** A person's review cycles: their schools' groups', and those they review in or moderate. */

export const cycleSchema = z.object({
  id: z.number(),
  title: z.string(),
  group: z.object({ id: z.number(), name: z.string(), model: z.enum(GROUP_MODELS) }),
  framework: z.object({ id: z.string(), version: z.number() }),
  startsOn: z.string(),
  endsOn: z.string(),
  moderator: z.object({ name: z.string() }).nullable(),
  reviews: z.array(
    z.object({
      id: z.number(),
      host: z.object({ urn: z.number(), name: z.string() }),
      visitOn: z.string(),
      status: z.enum(REVIEW_STATUSES),
      lead: z.string().nullable().describe('the lead reviewer’s name, once the team has one'),
      teamSize: z.number(),
    }),
  ),
});
export type CycleAnswer = z.infer<typeof cycleSchema>;

export const cycleListSchema = z.object({
  total: z.number(),
  limit: z.number(),
  offset: z.number(),
  items: z.array(cycleSchema),
});

export const cycleListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export async function cycleAnswer(ctx: AppContext, cycle: Cycle): Promise<CycleAnswer> {
  const group = await getGroup(ctx.db, cycle.groupId);
  return {
    id: cycle.id,
    title: cycle.title,
    group: { id: cycle.groupId, name: cycle.groupName, model: group?.model ?? 'cluster' },
    framework: cycle.framework,
    startsOn: cycle.startsOn,
    endsOn: cycle.endsOn,
    moderator: cycle.moderator ? { name: cycle.moderator.name } : null,
    reviews: cycle.reviews.map((r) => ({
      id: r.id,
      host: { urn: r.hostUrn, name: r.hostName },
      visitOn: r.visitOn,
      status: r.status,
      lead: r.lead,
      teamSize: r.teamSize,
    })),
  };
}

/** Every cycle the person may see the plan of, newest first. */
export async function cyclesFor(ctx: AppContext, user: SessionUser): Promise<CycleAnswer[]> {
  const ids = await listCycleIdsFor(ctx.db, { urns: user.schools.map((s) => s.urn), userId: user.id });
  const cycles = await Promise.all(ids.map((id) => getCycle(ctx.db, id)));
  return Promise.all(cycles.filter((c): c is Cycle => c !== undefined).map((c) => cycleAnswer(ctx, c)));
}

export async function listCyclesFor(
  ctx: AppContext,
  user: SessionUser,
  page: z.infer<typeof cycleListQuery>,
) {
  const all = await cyclesFor(ctx, user);
  return {
    total: all.length,
    limit: page.limit,
    offset: page.offset,
    items: all.slice(page.offset, page.offset + page.limit),
  };
}
