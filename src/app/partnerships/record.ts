import { partnershipRecord } from '../../data/partnership-records.ts';
import type { AppContext } from '../context.ts';
import { agreementsOf } from './agreement.ts';
import { carriedActions } from './readiness.ts';

type Ctx = Pick<AppContext, 'db'>;

/** The running record and history of a partnership: actions, updates, issues, feedback, outcomes, events. */
export const runningRecord = (ctx: Ctx, id: number) => partnershipRecord(ctx.db, id);

/** Everything recorded of a partnership beyond its plan, as `GET /api/partnerships/{id}` answers it. */
export async function partnershipDocument(ctx: Ctx, id: number) {
  const [record, readinessActions, agreements] = await Promise.all([
    runningRecord(ctx, id),
    carriedActions(ctx, id),
    agreementsOf(ctx, id),
  ]);
  return { ...record, readinessActions, agreements };
}
