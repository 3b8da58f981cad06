import { sql } from 'kysely';
import type { FocusArea } from '../../domain/focus-areas.ts';
import type { ActionStatus } from '../../domain/peer-review/review.ts';
import { recordAudit, type AuditEntry } from '../audit.ts';
import type { Db } from '../db.ts';
import { addDeclaredNeed } from '../declarations.ts';
import { createPartnership, type NewPartnership } from '../partnerships.ts';

type Actor = NonNullable<AuditEntry['actor']>;

/**
 * Turning an area to develop into support: an action in the host school's plan, optionally a
 * declared need that partner matching answers, or a follow-up partnership proposed with the
 * finding's focus area. The first support arranged dates the finding (`supported_on`), for the
 * system's "support found within a term".
 */

/** An action for a finding of a final report, with the need if asked; false when the report is not final. */
export async function addFindingAction(
  db: Db,
  findingId: number,
  input: { description: string; owner: string; dueOn: string | null; declareNeed: FocusArea | null },
  today: string,
  actor: Actor,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const finding = await trx
      .selectFrom('peer_review_findings as f')
      .innerJoin('peer_reviews as r', 'r.id', 'f.review_id')
      .select(['f.review_id', 'r.host_urn', 'r.status'])
      .where('f.id', '=', findingId)
      .forUpdate()
      .executeTakeFirst();
    if (finding?.status !== 'final') return false;
    const { id } = await trx
      .insertInto('peer_review_actions')
      .values({ finding_id: findingId, description: input.description, owner: input.owner, due_on: input.dueOn, created_by: actor.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('peer_review_findings')
      .set({ supported_on: sql<string>`coalesce(supported_on, ${today}::date)` })
      .where('id', '=', findingId)
      .execute();
    if (input.declareNeed) await addDeclaredNeed(trx, finding.host_urn, input.declareNeed, actor);
    await recordAudit(trx, {
      actor,
      action: 'peer-review.action-added',
      subject: `peer review ${finding.review_id}`,
      urn: finding.host_urn,
      details: { findingId, actionId: id, declaredNeed: input.declareNeed },
    });
    return true;
  });
}

export async function updateFindingAction(
  db: Db,
  findingId: number,
  actionId: number,
  input: { owner: string; dueOn: string | null; status: ActionStatus },
  actor: Actor,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const updated = await trx
      .updateTable('peer_review_actions')
      .set({ owner: input.owner, due_on: input.dueOn, status: input.status, updated_at: sql<Date>`now()` })
      .where('id', '=', actionId)
      .where('finding_id', '=', findingId)
      .returning('id')
      .executeTakeFirst();
    if (!updated) return false;
    await recordAudit(trx, {
      actor,
      action: 'peer-review.action-updated',
      subject: `peer-review finding ${findingId}`,
      details: { actionId, status: input.status },
    });
    return true;
  });
}

/**
 * Creates a follow-up partnership proposed from the host school, with the finding's focus area,
 * and links it to the finding, in one transaction; undefined when the report is not final, the
 * proposer is not the host school, or the finding already has one.
 */
export async function createFollowUpPartnership(
  db: Db,
  findingId: number,
  proposal: NewPartnership,
  today: string,
): Promise<number | undefined> {
  return db.transaction().execute(async (trx) => {
    const finding = await trx
      .selectFrom('peer_review_findings as f')
      .innerJoin('peer_reviews as r', 'r.id', 'f.review_id')
      .select(['f.review_id', 'f.partnership_id', 'f.focus_area', 'r.host_urn', 'r.status'])
      .where('f.id', '=', findingId)
      .forUpdate()
      .executeTakeFirst();
    if (finding?.status !== 'final' || finding.partnership_id !== null) return undefined;
    if (proposal.proposer.urn !== finding.host_urn) return undefined;
    const partnershipId = await createPartnership(trx, proposal);
    await trx
      .updateTable('partnerships')
      .set({ focus_areas: [finding.focus_area] })
      .where('id', '=', partnershipId)
      .execute();
    await trx
      .updateTable('peer_review_findings')
      .set({ partnership_id: partnershipId, supported_on: sql<string>`coalesce(supported_on, ${today}::date)` })
      .where('id', '=', findingId)
      .execute();
    await recordAudit(trx, {
      actor: proposal.actor ?? null,
      action: 'peer-review.follow-up-proposed',
      subject: `peer review ${finding.review_id}`,
      urn: finding.host_urn,
      details: { findingId, partnershipId },
    });
    return partnershipId;
  });
}
