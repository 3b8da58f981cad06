import { listOrganisations } from '../../data/organisations.ts';
import { grantShare, revokeShare, updateAction } from '../../data/readiness.ts';
import { getSchoolNames } from '../../data/school-names.ts';
import type { ActionStatus } from '../../domain/readiness/action-plan.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { fail, invalidField, ok, worded, type Result } from '../result.ts';
import type { Opened } from './access.ts';
import { actionsOf } from './assessments.ts';

export type { StoredAction } from '../../data/readiness.ts';

type Ctx = Pick<AppContext, 'db'>;

/** One action of the assessment's plan. */
export async function findAction(ctx: Ctx, opened: Opened, actionId: number) {
  const action = (await actionsOf(ctx, opened)).find((a) => a.id === actionId);
  return action
    ? ok(action)
    : fail('not-found', worded('the assessment has no action {{actionId}}', { actionId }));
}

/** Changes an action's owner, due date and status, audited. */
export async function changeAction(
  ctx: Ctx,
  actor: Actor,
  opened: Opened,
  actionId: number,
  change: { owner: string; dueOn: string | null; status: ActionStatus },
): Promise<Result<true>> {
  const written = await updateAction(ctx.db, opened.assessment.id, actionId, change, actor);
  return written.ok
    ? ok(true)
    : fail('not-found', worded('the assessment has no action {{actionId}}', { actionId }));
}

/** The organisations an assessment may be shared with. */
export function shareableOrganisations(ctx: Ctx) {
  return listOrganisations(ctx.db);
}

/** Shares the assessment with another school, by URN, or with an organisation, audited. */
export async function shareAssessment(
  ctx: Ctx,
  actor: Actor,
  opened: Opened,
  grantee: { urn: string } | { organisationId: string },
): Promise<Result<true>> {
  const { assessment } = opened;
  if ('urn' in grantee) {
    if (!/^\d{6,7}$/.test(grantee.urn))
      return invalidField(
        'urn',
        'Enter the partner school’s URN or Welsh school number, a 6 or 7 digit number',
      );
    const wanted = Number(grantee.urn);
    if (wanted === assessment.urn) return invalidField('urn', 'Enter another school’s URN, not your own');
    if (!(await getSchoolNames(ctx.db, [wanted])).has(wanted))
      return invalidField('urn', worded('No school has the {{urn, schoolIdInSentence}}', { urn: wanted }));
    await grantShare(ctx.db, assessment, { urn: wanted }, actor);
    return ok(true);
  }
  const chosen = (await listOrganisations(ctx.db)).find((o) => String(o.id) === grantee.organisationId);
  if (!chosen) return invalidField('organisationId', 'Choose the organisation to share with');
  await grantShare(ctx.db, assessment, { organisationId: chosen.id }, actor);
  return ok(true);
}

/** Stops sharing the assessment with one grantee, audited. */
export async function stopSharing(ctx: Ctx, actor: Actor, opened: Opened, shareId: number) {
  const revoked = await revokeShare(ctx.db, opened.assessment, shareId, actor);
  return revoked.ok ? ok(true) : fail('not-found', 'the assessment is not shared that way');
}
