import { sql } from 'kysely';
import { recordAudit, type AuditEntry } from './audit.ts';
import type { Db } from './db.ts';
import type { PlannedAction, ActionStatus } from '../domain/readiness/action-plan.ts';
import type { ShareGrant } from '../domain/readiness/access.ts';
import { actionsToCarry } from '../domain/readiness/carry.ts';
import type { PartnershipType } from '../domain/partnerships/model.ts';
import type { Answer } from '../domain/readiness/scoring.ts';

export interface Assessment {
  id: number;
  urn: number;
  schoolName: string;
  frameworkId: string;
  frameworkVersion: number;
  partnershipType: PartnershipType;
  status: 'draft' | 'completed';
  startedBy: number | null;
  startedAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

export interface AssessmentWithAnswers extends Assessment {
  answers: Answer[];
  shares: Share[];
}

export interface Share extends ShareGrant {
  id: number;
  /** The partner school's name, when shared with a school. */
  granteeName: string | null;
  grantedAt: Date;
}

export interface StoredAction extends PlannedAction {
  id: number;
  assessmentId: number;
  /** The partnership the action was carried into, if any. */
  partnershipId: number | null;
  partnershipTitle: string | null;
}

/** An action a school brought into a partnership, as the partnership shows it. */
export interface CarriedAction {
  id: number;
  urn: number;
  schoolName: string;
  action: string;
  owner: string;
  dueOn: string | null;
  status: ActionStatus;
}

/** A carried action with the framework its plan was written from, to show it in the reader's language. */
export interface CarriedActionOfFramework extends CarriedAction {
  frameworkId: string;
  frameworkVersion: number;
}

/** Who made a change, for the audit log (null for the command line). */
type Actor = AuditEntry['actor'];

/** Expected refusals, returned as values for the edge to turn into answers. */
export type WriteFailure = 'not-found' | 'locked';
export type WriteResult<T = void> = { ok: true; value: T } | { ok: false; reason: WriteFailure };

const assessmentColumns = [
  'a.id',
  'a.urn',
  // The registry may not hold the school (yet, or any more): the assessment still shows.
  sql<string>`coalesce(s.name, 'URN ' || a.urn)`.as('schoolName'),
  'a.framework_id as frameworkId',
  'a.framework_version as frameworkVersion',
  'a.partnership_type as partnershipType',
  'a.status',
  'a.started_by as startedBy',
  'a.started_at as startedAt',
  'a.updated_at as updatedAt',
  'a.completed_at as completedAt',
] as const;

function assessments(db: Db) {
  return db
    .selectFrom('readiness_assessments as a')
    .leftJoin('schools as s', 's.urn', 'a.urn')
    .select(assessmentColumns)
    .$narrowType<{ partnershipType: PartnershipType }>();
}

export async function createAssessment(
  db: Db,
  input: {
    urn: number;
    frameworkId: string;
    frameworkVersion: number;
    partnershipType: PartnershipType;
    startedBy: number | null;
  },
): Promise<number> {
  const row = await db
    .insertInto('readiness_assessments')
    .values({
      urn: input.urn,
      framework_id: input.frameworkId,
      framework_version: input.frameworkVersion,
      partnership_type: input.partnershipType,
      started_by: input.startedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findAssessment(db: Db, id: number): Promise<AssessmentWithAnswers | undefined> {
  const assessment = await assessments(db).where('a.id', '=', id).executeTakeFirst();
  if (!assessment) return undefined;
  const [answers, shares] = await Promise.all([loadAnswers(db, id), listShares(db, id)]);
  return { ...assessment, answers, shares };
}

async function loadAnswers(db: Db, id: number): Promise<Answer[]> {
  return db
    .selectFrom('readiness_answers')
    .select(['item_id as itemId', 'rating', 'evidence'])
    .where('assessment_id', '=', id)
    .orderBy('item_id')
    .execute();
}

/** A school's assessments, newest first. */
export async function listSchoolAssessments(db: Db, urn: number): Promise<Assessment[]> {
  return assessments(db).where('a.urn', '=', urn).orderBy('a.started_at', 'desc').orderBy('a.id', 'desc').execute();
}

/** A school's assessments, newest first, each with whom it is shared. */
export async function listSchoolAssessmentsWithShares(db: Db, urn: number): Promise<Array<Assessment & { shares: Share[] }>> {
  const list = await listSchoolAssessments(db, urn);
  const shares = await Promise.all(list.map((a) => listShares(db, a.id)));
  return list.map((a, i) => ({ ...a, shares: shares[i]! }));
}

/** Assessments other schools have shared with any of these schools or organisations. */
export async function listSharedWith(
  db: Db,
  grantees: { urns: readonly number[]; organisationIds: readonly number[] },
): Promise<Assessment[]> {
  if (grantees.urns.length === 0 && grantees.organisationIds.length === 0) return [];
  return assessments(db)
    .where((outer) =>
      outer.exists(
        outer
          .selectFrom('readiness_shares as sh')
          .select('sh.id')
          .whereRef('sh.assessment_id', '=', 'a.id')
          .where((eb) =>
            eb.or([
              ...(grantees.urns.length ? [eb('sh.grantee_urn', 'in', [...grantees.urns])] : []),
              ...(grantees.organisationIds.length
                ? [eb('sh.grantee_organisation_id', 'in', [...grantees.organisationIds])]
                : []),
            ]),
          ),
      ),
    )
    .orderBy('a.started_at', 'desc')
    .execute();
}

/** The answers of the school's last completed assessment of the same framework before this one. */
export async function previousCompletedAnswers(db: Db, assessment: Assessment): Promise<Answer[] | undefined> {
  const previous = await db
    .selectFrom('readiness_assessments')
    .select('id')
    .where('urn', '=', assessment.urn)
    .where('framework_id', '=', assessment.frameworkId)
    .where('status', '=', 'completed')
    .where('id', '<>', assessment.id)
    .where('completed_at', '<', assessment.completedAt ?? new Date('9999-12-31'))
    .orderBy('completed_at', 'desc')
    .executeTakeFirst();
  return previous ? loadAnswers(db, previous.id) : undefined;
}

/**
 * Saves answers to a draft as the user goes (one section at a time). A completed assessment is
 * locked: the row lock makes the check and the write one step.
 */
export async function saveAnswers(db: Db, id: number, answers: readonly Answer[]): Promise<WriteResult> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('readiness_assessments')
      .select('status')
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return { ok: false, reason: 'not-found' } as const;
    if (row.status !== 'draft') return { ok: false, reason: 'locked' } as const;
    if (answers.length > 0) {
      await trx
        .insertInto('readiness_answers')
        .values(answers.map((a) => ({ assessment_id: id, item_id: a.itemId, rating: a.rating, evidence: a.evidence })))
        .onConflict((oc) =>
          oc.columns(['assessment_id', 'item_id']).doUpdateSet((eb) => ({
            rating: eb.ref('excluded.rating'),
            evidence: eb.ref('excluded.evidence'),
            updated_at: new Date(),
          })),
        )
        .execute();
    }
    await trx.updateTable('readiness_assessments').set({ updated_at: new Date() }).where('id', '=', id).execute();
    return { ok: true, value: undefined } as const;
  });
}

/** Locks and dates the assessment and stores its first action plan, together or not at all. */
export async function completeAssessment(
  db: Db,
  id: number,
  completedAt: Date,
  plan: readonly PlannedAction[],
  actor: Actor = null,
): Promise<WriteResult> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('readiness_assessments')
      .select(['status', 'urn', 'framework_id'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) return { ok: false, reason: 'not-found' } as const;
    if (row.status !== 'draft') return { ok: false, reason: 'locked' } as const;
    await trx
      .updateTable('readiness_assessments')
      .set({ status: 'completed', completed_at: completedAt, updated_at: completedAt })
      .where('id', '=', id)
      .execute();
    if (plan.length > 0) {
      await trx
        .insertInto('readiness_actions')
        .values(
          plan.map((p) => ({
            assessment_id: id,
            item_id: p.itemId,
            action: p.action,
            owner: p.owner,
            due_on: p.dueOn,
            status: p.status,
            priority: p.priority,
          })),
        )
        .execute();
    }
    await recordAudit(trx, {
      actor,
      action: 'readiness.completed',
      subject: `readiness assessment ${id}`,
      urn: row.urn,
      details: { frameworkId: row.framework_id, actions: plan.length },
    });
    return { ok: true, value: undefined } as const;
  });
}

export async function listActions(db: Db, assessmentId: number): Promise<StoredAction[]> {
  const rows = await db
    .selectFrom('readiness_actions as ra')
    .leftJoin('partnerships as p', 'p.id', 'ra.partnership_id')
    .select([
      'ra.id',
      'ra.assessment_id as assessmentId',
      'ra.item_id as itemId',
      'ra.action',
      'ra.owner',
      'ra.due_on as dueOn',
      'ra.status',
      'ra.priority',
      'ra.partnership_id as partnershipId',
      'p.title as partnershipTitle',
    ])
    .where('ra.assessment_id', '=', assessmentId)
    .orderBy('ra.priority')
    .orderBy('ra.id')
    .execute();
  return rows.map((r) => ({ ...r, itemId: r.itemId ?? '', dueOn: r.dueOn ?? '', status: r.status }));
}

/** The school's most recently completed assessment, whose action plan is the one it works to. */
export async function latestCompletedAssessment(db: Db, urn: number): Promise<Assessment | undefined> {
  return assessments(db)
    .where('a.urn', '=', urn)
    .where('a.status', '=', 'completed')
    .orderBy('a.completed_at', 'desc')
    .orderBy('a.id', 'desc')
    .executeTakeFirst();
}

/**
 * Brings the open actions of the school's latest completed assessment into a partnership, those
 * no partnership carries yet. The rows are locked so two people bringing the plan in at once
 * carry each action once. Undefined when the school has no completed assessment.
 */
export async function carryActionsInto(
  db: Db,
  urn: number,
  partnershipId: number,
  actor: Actor = null,
): Promise<{ assessmentId: number; carried: number } | undefined> {
  const latest = await latestCompletedAssessment(db, urn);
  if (!latest) return undefined;
  return db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('readiness_actions')
      .select(['id', 'status', 'partnership_id as partnershipId'])
      .where('assessment_id', '=', latest.id)
      .forUpdate()
      .execute();
    const ids = actionsToCarry(rows.map((r) => ({ ...r, status: r.status }))).map((r) => r.id);
    if (ids.length > 0) {
      await trx
        .updateTable('readiness_actions')
        .set({ partnership_id: partnershipId, updated_at: new Date() })
        .where('id', 'in', ids)
        .execute();
      await recordAudit(trx, {
        actor,
        action: 'readiness.actions-carried',
        subject: `readiness assessment ${latest.id}`,
        urn,
        details: { partnershipId, actions: ids },
      });
    }
    return { assessmentId: latest.id, carried: ids.length };
  });
}

/** The readiness actions schools brought into a partnership, soonest due first. */
export async function listCarriedActions(db: Db, partnershipId: number): Promise<CarriedActionOfFramework[]> {
  const rows = await db
    .selectFrom('readiness_actions as ra')
    .innerJoin('readiness_assessments as a', 'a.id', 'ra.assessment_id')
    .leftJoin('schools as s', 's.urn', 'a.urn')
    .select([
      'ra.id',
      'a.urn',
      sql<string>`coalesce(s.name, 'URN ' || a.urn)`.as('schoolName'),
      'ra.action',
      'ra.owner',
      'ra.due_on as dueOn',
      'ra.status',
      'a.framework_id as frameworkId',
      'a.framework_version as frameworkVersion',
    ])
    .where('ra.partnership_id', '=', partnershipId)
    .orderBy(sql`ra.due_on nulls last`)
    .orderBy('ra.priority')
    .orderBy('ra.id')
    .execute();
  return rows.map((r) => ({ ...r, status: r.status }));
}

/**
 * Changes one readiness action found in its plan or in the partnership carrying it, and records
 * who did it, in one transaction; not found when the action is not in that plan or partnership.
 */
async function changeAction(
  db: Db,
  actionId: number,
  within: { assessmentId: number } | { partnershipId: number },
  change: { owner?: string; dueOn?: string | null; status: ActionStatus },
  audit: (found: { urn: number; assessmentId: number; partnershipId: number | null }) => AuditEntry,
): Promise<WriteResult> {
  return db.transaction().execute(async (trx) => {
    const found = await trx
      .updateTable('readiness_actions as ra')
      .from('readiness_assessments as a')
      .set({
        ...(change.owner !== undefined ? { owner: change.owner } : {}),
        ...(change.dueOn !== undefined ? { due_on: change.dueOn } : {}),
        status: change.status,
        updated_at: new Date(),
      })
      .whereRef('a.id', '=', 'ra.assessment_id')
      .where('ra.id', '=', actionId)
      .where((eb) =>
        'assessmentId' in within
          ? eb('ra.assessment_id', '=', within.assessmentId)
          : eb('ra.partnership_id', '=', within.partnershipId),
      )
      .returning(['a.urn', 'ra.assessment_id as assessmentId', 'ra.partnership_id as partnershipId'])
      .executeTakeFirst();
    if (!found) return { ok: false, reason: 'not-found' } as const;
    await recordAudit(trx, audit(found));
    return { ok: true, value: undefined } as const;
  });
}

/** Changes the status of an action a partnership carries, from the partnership's page. */
export async function setCarriedActionStatus(
  db: Db,
  partnershipId: number,
  actionId: number,
  status: ActionStatus,
  actor: Actor = null,
): Promise<WriteResult> {
  return changeAction(db, actionId, { partnershipId }, { status }, ({ urn, assessmentId }) => ({
    actor,
    action: 'readiness.carried-action-updated',
    subject: `readiness action ${actionId}`,
    urn,
    details: { partnershipId, assessmentId, status },
  }));
}

/**
 * Updates one action of an assessment's plan; the plan stays editable after completion. Audited:
 * once carried into a partnership, the action is the partner school's business too.
 */
export async function updateAction(
  db: Db,
  assessmentId: number,
  actionId: number,
  change: { owner: string; dueOn: string | null; status: ActionStatus },
  actor: Actor = null,
): Promise<WriteResult> {
  return changeAction(db, actionId, { assessmentId }, change, ({ urn, partnershipId }) => ({
    actor,
    action: 'readiness.action-updated',
    subject: `readiness action ${actionId}`,
    urn,
    // The status, not the owner or date: platform administrators read the audit log, and the
    // plan is the school's own record.
    details: { assessmentId, status: change.status, ...(partnershipId ? { partnershipId } : {}) },
  }));
}

export async function listShares(db: Db, assessmentId: number): Promise<Share[]> {
  return db
    .selectFrom('readiness_shares as sh')
    .leftJoin('schools as s', 's.urn', 'sh.grantee_urn')
    .select([
      'sh.id',
      'sh.grantee_urn as granteeUrn',
      'sh.grantee_organisation_id as granteeOrganisationId',
      's.name as granteeName',
      'sh.granted_at as grantedAt',
    ])
    .where('sh.assessment_id', '=', assessmentId)
    .orderBy('sh.granted_at')
    .execute();
}

/** Shares an assessment with a partner school or an organisation; sharing twice changes nothing. */
export async function grantShare(
  db: Db,
  assessment: { id: number; urn: number },
  grantee: { urn: number } | { organisationId: number },
  actor: Actor = null,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const granteeUrn = 'urn' in grantee ? grantee.urn : null;
    const granteeOrganisationId = 'organisationId' in grantee ? grantee.organisationId : null;
    const inserted = await trx
      .insertInto('readiness_shares')
      .values({
        assessment_id: assessment.id,
        grantee_urn: granteeUrn,
        grantee_organisation_id: granteeOrganisationId,
        granted_by: actor?.id ?? null,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return;
    await recordAudit(trx, {
      actor,
      action: 'readiness.shared',
      subject: `readiness assessment ${assessment.id}`,
      urn: assessment.urn,
      details: { granteeUrn, granteeOrganisationId },
    });
  });
}

export async function revokeShare(
  db: Db,
  assessment: { id: number; urn: number },
  shareId: number,
  actor: Actor = null,
): Promise<WriteResult> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx
      .deleteFrom('readiness_shares')
      .where('id', '=', shareId)
      .where('assessment_id', '=', assessment.id)
      .returning(['grantee_urn as granteeUrn', 'grantee_organisation_id as granteeOrganisationId'])
      .executeTakeFirst();
    if (!removed) return { ok: false, reason: 'not-found' } as const;
    await recordAudit(trx, {
      actor,
      action: 'readiness.share-revoked',
      subject: `readiness assessment ${assessment.id}`,
      urn: assessment.urn,
      details: removed,
    });
    return { ok: true, value: undefined } as const;
  });
}
