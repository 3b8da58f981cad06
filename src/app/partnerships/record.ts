import { partnershipRecord } from '../../data/partnership-records.ts';
import type { RecordedEvent } from '../../data/partnerships.ts';
import type { Partnership } from '../../domain/partnerships/model.ts';
import { SIGNATURE_EVENT, SIGNED_STEPS, standingSignatures } from '../../domain/partnerships/signatures.ts';
import type { AppContext } from '../context.ts';
import { agreementsOf } from './agreement.ts';
import { carriedActions } from './readiness.ts';

type Ctx = Pick<AppContext, 'db'>;

/** The running record and history of a partnership: actions, updates, issues, feedback, outcomes, events. */
export const runningRecord = (ctx: Ctx, id: number) => partnershipRecord(ctx.db, id);

/**
 * Every school's signature of starting, the review and closing as completed, from the history:
 * who signed for which school and when; `standing` while it still counts towards a step not yet
 * taken (false once the step was taken or the partnership moved on).
 */
function signaturesOf(p: Pick<Partnership, 'status'>, events: RecordedEvent[]) {
  return SIGNED_STEPS.flatMap((step) => {
    const standing = new Set(standingSignatures(p, events, step));
    return events
      .filter((e) => e.kind === SIGNATURE_EVENT[step] && e.urn !== null)
      .map((e) => ({
        step,
        urn: e.urn!,
        signedBy: e.byName,
        signedAt: e.at,
        standing: standing.has(e),
      }));
  }).sort((a, b) => a.signedAt.localeCompare(b.signedAt));
}

/** Everything recorded of a partnership beyond its plan, as `GET /api/partnerships/{id}` answers it. */
export async function partnershipDocument(ctx: Ctx, p: Pick<Partnership, 'id' | 'status'>) {
  const [record, readinessActions, agreements] = await Promise.all([
    runningRecord(ctx, p.id),
    carriedActions(ctx, p.id),
    agreementsOf(ctx, p.id),
  ]);
  return { ...record, readinessActions, agreements, signatures: signaturesOf(p, record.events) };
}
