import type { Db } from '../../src/data/db.ts';
import { createCycle } from '../../src/data/peer-review/cycles.ts';
import { answerGroup, createGroup } from '../../src/data/peer-review/groups.ts';
import { addFinding, moveReport } from '../../src/data/peer-review/report.ts';
import type { GroupModel } from '../../src/domain/peer-review/groups.ts';
import type { FocusArea } from '../../src/domain/focus-areas.ts';
import type { FindingKind } from '../../src/domain/peer-review/review.ts';

type Actor = { id: number; email: string };

/** A group whose schools have all agreed to take part, proposed by the first. */
export async function joinedGroup(
  db: Db,
  spec: { name?: string; model?: GroupModel; urns: number[] },
  actor: Actor,
): Promise<number> {
  const [proposer, ...invited] = spec.urns;
  const id = await createGroup(
    db,
    {
      name: spec.name ?? 'North cluster',
      model: spec.model ?? 'cluster',
      proposerUrn: proposer!,
      invitedUrns: invited,
    },
    actor,
  );
  for (const urn of invited) await answerGroup(db, id, urn, 'invited', 'joined', actor);
  return id;
}

/** A cycle visiting each school in turn; returns the cycle and its reviews' ids by host. */
export async function scheduledCycle(
  db: Db,
  spec: { groupId: number; urns: number[]; moderatorUserId: number; endsOn?: string; sampled?: boolean },
  actor: Actor,
): Promise<{ cycleId: number; reviews: Map<number, number> }> {
  const cycleId = await createCycle(
    db,
    {
      groupId: spec.groupId,
      title: '2026 peer reviews',
      framework: { id: 'collaborative-review', version: 1 },
      startsOn: '2026-01-05',
      endsOn: spec.endsOn ?? '2099-07-17',
      moderatorUserId: spec.moderatorUserId,
      visits: spec.urns.map((urn, i) => ({
        urn,
        visitOn: `2026-0${(i % 6) + 2}-10`,
        sampled: spec.sampled ?? false,
      })),
    },
    actor,
  );
  const rows = await db
    .selectFrom('peer_reviews')
    .select(['id', 'host_urn'])
    .where('cycle_id', '=', cycleId)
    .execute();
  return { cycleId, reviews: new Map(rows.map((r) => [r.host_urn, r.id])) };
}

/** Records findings on a planned review and makes its report final. */
export async function finalReport(
  db: Db,
  reviewId: number,
  findings: { focusArea: FocusArea; kind: FindingKind; finding?: string }[],
  actor: Actor,
  finalOn = '2026-03-01',
): Promise<void> {
  for (const f of findings) {
    await addFinding(
      db,
      reviewId,
      {
        areaId: 'leadership',
        focusArea: f.focusArea,
        kind: f.kind,
        finding: f.finding ?? `A finding about ${f.focusArea}`,
        evidence: 'Seen in lessons and in the leaders’ meeting',
      },
      actor,
    );
  }
  await moveReport(db, reviewId, { from: 'planned', to: 'final', today: finalOn }, actor);
}
