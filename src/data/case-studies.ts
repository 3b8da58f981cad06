import { sql } from 'kysely';
import type { PracticeEvidence } from '../domain/practice/evidence.ts';
import type { PracticeContent } from '../domain/practice/model.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import { insertSubmittedPracticeRecord, withdrawPracticeRecordIn } from './practice.ts';
import type { CaseStudyState } from './tables/practice.ts';

/**
 * A completed partnership's case study on its way to the library: the parts it shows, which
 * schools have approved it, and the practice record written once all have. Every change is one
 * transaction with its audit entry (ids and part names only, never words).
 */

type Actor = { id: number; email: string } | null;

export interface CaseStudy {
  partnershipId: number;
  parts: string[];
  state: CaseStudyState;
  recordId: number | null;
  approvals: { urn: number; approvedAt: string }[];
  withdrawnByUrn: number | null;
}

export async function getCaseStudy(db: Db, partnershipId: number): Promise<CaseStudy | undefined> {
  const row = await db
    .selectFrom('practice_case_studies')
    .selectAll()
    .where('partnership_id', '=', partnershipId)
    .executeTakeFirst();
  if (!row) return undefined;
  const approvals = await db
    .selectFrom('practice_case_study_approvals')
    .select(['urn', 'approved_at'])
    .where('partnership_id', '=', partnershipId)
    .orderBy('approved_at')
    .execute();
  return {
    partnershipId,
    parts: row.parts,
    state: row.state,
    recordId: row.record_id,
    approvals: approvals.map((a) => ({ urn: a.urn, approvedAt: new Date(a.approved_at).toISOString() })),
    withdrawnByUrn: row.withdrawn_by_urn,
  };
}

/**
 * Starts the case study with the parts chosen, or changes the parts of a draft (which asks every
 * school again: an approval is of what the schools read). False when it is no longer a draft.
 */
export async function saveCaseStudyParts(
  db: Db,
  partnershipId: number,
  input: { parts: readonly string[]; urn: number },
  actor: Actor,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('practice_case_studies')
      .select(['state'])
      .where('partnership_id', '=', partnershipId)
      .forUpdate()
      .executeTakeFirst();
    if (existing && existing.state !== 'draft') return false;
    if (existing) {
      await trx
        .updateTable('practice_case_studies')
        .set({ parts: [...input.parts] })
        .where('partnership_id', '=', partnershipId)
        .execute();
      await trx.deleteFrom('practice_case_study_approvals').where('partnership_id', '=', partnershipId).execute();
    } else {
      await trx
        .insertInto('practice_case_studies')
        .values({ partnership_id: partnershipId, parts: [...input.parts], started_by: actor?.id ?? null })
        .execute();
    }
    await recordAudit(trx, {
      actor,
      action: existing ? 'practice.case-study-changed' : 'practice.case-study-started',
      subject: `partnership ${partnershipId}`,
      urn: input.urn,
      details: { partnershipId, parts: [...input.parts] },
    });
    return true;
  });
}

/**
 * One school's approval of the draft with the parts it read. When it is the last school to
 * approve, the practice record is written and sent to the moderators in the same transaction.
 * 'changed' when the draft is no longer the one they read.
 */
export async function approveCaseStudy(
  db: Db,
  partnershipId: number,
  input: {
    urn: number;
    parts: readonly string[];
    schools: readonly number[];
    /** The record to write if this approval is the last: built before the transaction. */
    record: { urn: number; content: PracticeContent; evidence: PracticeEvidence };
  },
  actor: Actor,
): Promise<'changed' | { recordId: number | null }> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('practice_case_studies')
      .select(['state', 'parts'])
      .where('partnership_id', '=', partnershipId)
      .forUpdate()
      .executeTakeFirst();
    if (!row || row.state !== 'draft' || row.parts.join(',') !== input.parts.join(',')) return 'changed';
    await trx
      .insertInto('practice_case_study_approvals')
      .values({ partnership_id: partnershipId, urn: input.urn, approved_by: actor?.id ?? null })
      .onConflict((c) => c.columns(['partnership_id', 'urn']).doNothing())
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'practice.case-study-approved',
      subject: `partnership ${partnershipId}`,
      urn: input.urn,
      details: { partnershipId, parts: [...input.parts] },
    });
    const approved = new Set(
      (
        await trx
          .selectFrom('practice_case_study_approvals')
          .select('urn')
          .where('partnership_id', '=', partnershipId)
          .execute()
      ).map((a) => a.urn),
    );
    if (!input.schools.every((urn) => approved.has(urn))) return { recordId: null };
    const recordId = await insertSubmittedPracticeRecord(trx, input.record, actor);
    await trx
      .updateTable('practice_case_studies')
      .set({ state: 'approved', record_id: recordId })
      .where('partnership_id', '=', partnershipId)
      .execute();
    return { recordId };
  });
}

/** Either school withdraws the case study, and with it the record if one was written. False when already withdrawn. */
export async function withdrawCaseStudy(
  db: Db,
  partnershipId: number,
  urn: number,
  actor: Actor,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('practice_case_studies')
      .select(['state', 'record_id'])
      .where('partnership_id', '=', partnershipId)
      .forUpdate()
      .executeTakeFirst();
    if (!row || row.state === 'withdrawn') return false;
    await trx
      .updateTable('practice_case_studies')
      .set({
        state: 'withdrawn',
        withdrawn_at: sql<Date>`now()`,
        withdrawn_by: actor?.id ?? null,
        withdrawn_by_urn: urn,
      })
      .where('partnership_id', '=', partnershipId)
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'practice.case-study-withdrawn',
      subject: `partnership ${partnershipId}`,
      urn,
      details: { partnershipId, recordId: row.record_id },
    });
    if (row.record_id !== null)
      await withdrawPracticeRecordIn(
        trx,
        row.record_id,
        'Withdrawn by one of the partnership’s schools, which all had to agree to the case study.',
        actor,
      );
    return true;
  });
}
