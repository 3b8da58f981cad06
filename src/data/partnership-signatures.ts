import type { Transaction } from 'kysely';
import type { SignatureStep } from '../domain/partnerships/signatures.ts';
import { recordAudit, type AuditEntry } from './audit.ts';
import { recordEvent, writeTransition } from './partnerships.ts';
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
  if (step.transition) await writeTransition(trx, id, step.transition, actor);
}
