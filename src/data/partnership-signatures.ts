import { sql, type Transaction } from 'kysely';
import type { SignatureStep } from '../domain/partnerships/signatures.ts';
import { recordAudit, type AuditEntry } from './audit.ts';
import { recordEvent } from './partnerships.ts';
import type { Database } from './schema.ts';

/**
 * A school's signature of a lifecycle step, its event and (for the last school to sign) the step
 * itself, with their audit entries; inside withLockedPlan, so two schools signing at once take turns.
 */
export async function recordSignature(
  trx: Transaction<Database>,
  id: number,
  step: SignatureStep,
  actor: AuditEntry['actor'],
): Promise<void> {
  await recordEvent(trx, id, step.event);
  await recordAudit(trx, {
    actor,
    action: `partnership.${step.event.kind}`,
    subject: `partnership ${id}`,
    urn: step.event.urn,
    details: { status: step.event.fromStatus },
  });
  const t = step.transition;
  if (!t) return;
  await trx
    .updateTable('partnerships')
    .set({ status: t.status, closure: t.closure, end_reason: t.endReason, updated_at: sql`now()` })
    .where('id', '=', id)
    .execute();
  await recordEvent(trx, id, t.event);
  await recordAudit(trx, {
    actor,
    action: `partnership.${t.event.kind}`,
    subject: `partnership ${id}`,
    details: { from: t.event.fromStatus, to: t.status },
  });
}
