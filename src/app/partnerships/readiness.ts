import {
  carryActionsInto,
  latestCompletedAssessment,
  listActions,
  listCarriedActions,
  setCarriedActionStatus,
  type CarriedAction,
  type CarriedActionOfFramework,
} from '../../data/readiness.ts';
import type { SessionUser } from '../../domain/access.ts';
import { isOverdue } from '../../domain/partnerships/actions.ts';
import { participants, type Partnership } from '../../domain/partnerships/model.ts';
import type { Language } from '../../domain/language.ts';
import { inReaderLanguage, localiseFramework, type ShownFramework } from '../../domain/readiness/localise.ts';
import { ACTION_STATUS_LABELS, type ActionStatus } from '../../domain/readiness/action-plan.ts';
import { actionsToCarry, carryRefusal, CARRY_REFUSAL_MESSAGES } from '../../domain/readiness/carry.ts';
import type { AppContext } from '../context.ts';
import { frameworkCatalogue } from '../readiness/catalogue.ts';
import { fail, ok, type Result } from '../result.ts';

type Ctx = Pick<AppContext, 'db'>;

export const adminUrns = (schools: SessionUser['schools']) =>
  schools.filter((s) => s.role === 'admin').map((s) => s.urn);

/** The readiness actions schools brought into a partnership, as stored (in English), for the API. */
export const carriedActions = async (ctx: Ctx, partnershipId: number): Promise<CarriedAction[]> =>
  (await listCarriedActions(ctx.db, partnershipId)).map(
    ({ frameworkId: _id, frameworkVersion: _version, ...action }) => action,
  );

/**
 * Each carried action's words in the reader's language, where the framework its plan was written
 * from has them (an action a school wrote itself stays as written).
 */
async function carriedInReaderLanguage(actions: CarriedActionOfFramework[], language: Language) {
  const catalogue = await frameworkCatalogue();
  const shown = new Map<string, ShownFramework | undefined>();
  const frameworkOf = (id: string, version: number) => {
    const key = `${id}@${version}`;
    if (!shown.has(key)) {
      const framework = catalogue.find(id, version);
      shown.set(key, framework && localiseFramework(framework, language));
    }
    return shown.get(key);
  };
  return actions.map(({ frameworkId, frameworkVersion, ...a }) => {
    const framework = frameworkOf(frameworkId, frameworkVersion);
    return { ...a, action: framework ? inReaderLanguage(framework, a.action) : a.action };
  });
}

/**
 * What the partnership page shows of readiness: the actions schools brought in, and for each
 * school this user administers that may bring its plan in now, how many open actions it would.
 */
export async function readinessOnPartnership(
  ctx: Ctx,
  p: Partnership,
  administered: readonly number[],
  today: string,
  /** The reader's: the actions are shown in it where their framework has the words. */
  language: Language = 'en',
) {
  const carried = (await carriedInReaderLanguage(await listCarriedActions(ctx.db, p.id), language)).map(
    (a) => ({
      ...a,
      statusLabel: ACTION_STATUS_LABELS[a.status],
      overdue: a.dueOn !== null && isOverdue({ dueDate: a.dueOn, status: a.status }, today),
    }),
  );
  const offers = [];
  for (const member of participants(p.members)) {
    if (carryRefusal(p, member.urn, administered)) continue;
    const latest = await latestCompletedAssessment(ctx.db, member.urn);
    if (!latest) continue;
    const open = actionsToCarry(await listActions(ctx.db, latest.id)).length;
    if (open > 0) offers.push({ urn: member.urn, name: member.name, open });
  }
  return { carried, carryOffers: offers };
}

/**
 * A school's administrator brings its open readiness actions into the partnership. `conflict`
 * while the partnership is not running or when the school has no completed assessment.
 */
export async function carryReadinessActions(
  ctx: Ctx,
  p: Partnership,
  urn: number,
  user: SessionUser,
): Promise<Result<true>> {
  const refusal = carryRefusal(p, urn, adminUrns(user.schools));
  if (refusal === 'not-running') return fail('conflict', `${CARRY_REFUSAL_MESSAGES[refusal]}.`);
  if (refusal) return fail('forbidden', `${CARRY_REFUSAL_MESSAGES[refusal]}.`);
  if (!(await carryActionsInto(ctx.db, urn, p.id, user)))
    return fail(
      'conflict',
      'The school has no completed readiness assessment, so it has no action plan to bring in.',
    );
  return ok(true);
}

/** A member of a taking-part school updates a carried action's status. */
export async function setCarriedStatus(
  ctx: Ctx,
  partnershipId: number,
  actionId: number,
  status: ActionStatus,
  user: SessionUser,
) {
  return setCarriedActionStatus(ctx.db, partnershipId, actionId, status, user);
}
