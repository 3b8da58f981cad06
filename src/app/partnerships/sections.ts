import type { Db } from '../../data/db.ts';
import {
  addAction,
  addFeedback,
  addIssue,
  addOutcome,
  addUpdate,
  setActionStatus,
} from '../../data/partnership-records.ts';
import {
  addCost,
  addMilestone,
  addObjective,
  addStaff,
  inviteSchool,
  removePlanItem,
  setMilestoneDone,
  updatePlan,
  withdrawInvitation,
} from '../../data/partnerships.ts';
import type { SessionUser } from '../../domain/access.ts';
import type { Happening } from '../../domain/notifications.ts';
import { markMilestone } from '../../domain/partnerships/milestones.ts';
import {
  participants,
  type Action,
  type ActionStatus,
  type Cost,
  type MemberRole,
  type Objective,
  type Partnership,
  type PartnershipPlan,
  type PartnershipStatus,
  type StaffMember,
} from '../../domain/partnerships/model.ts';
import type { AppContext } from '../context.ts';
import { today } from '../context.ts';
import { notifyPartnership } from '../notifications/notifications.ts';
import { fail, ok, worded, type AppError, type FieldIssue, type Result } from '../result.ts';
import { schoolName } from '../schools/names.ts';
import { checkDeploymentChange } from '../leaders/deployment-terms.ts';
import { changePlan } from './agreement.ts';
import { invitesSchools, NO_SCHOOLS_INVITED } from '../../domain/leaders/deployment.ts';

type Ctx = Pick<AppContext, 'db' | 'config' | 'mailer' | 'now'>;

/** Who is writing and when, for what a section records about its author. */
interface Writer {
  userId: number;
  at: string;
  /** The schools the writer belongs to, for feedback given on a school's behalf. */
  userUrns: number[];
}

/**
 * How one section of a partnership is written: `save` returns a refusal naming the field when
 * the data is valid in form but cannot be taken (a school already invited, someone else's school).
 */
interface SectionWriter {
  save: (db: Db, p: Partnership, data: never, by: Writer) => Promise<FieldIssue | null>;
  remove?: (db: Db, p: Partnership, item: number) => Promise<void>;
  /** What the partnership's people are told once a save has gone through, if anything. */
  announce?: (data: never) => Happening;
}

const planUpdate = {
  async save(db: Db, p: Partnership, data: Partial<PartnershipPlan>) {
    // A deployment's days and dates are the system leader's: checked and locked as when commissioned.
    const refused = await checkDeploymentChange(db, p.id, data);
    if (refused) return refused;
    await updatePlan(db, p.id, data);
    return null;
  },
};

const removable = (part: Parameters<typeof removePlanItem>[2]) => (db: Db, p: Partnership, item: number) =>
  removePlanItem(db, p.id, part, item);

/** The plan's sections, written while the partnership is proposed. */
const PLAN: Record<string, SectionWriter> = {
  schools: {
    async save(db, p, data: { urn: number; role: MemberRole }) {
      if (p.members.some((m) => m.urn === data.urn))
        return { field: 'urn', message: 'That school is already in this partnership' };
      if ((await schoolName({ db }, data.urn)) === undefined)
        return {
          field: 'urn',
          ...worded('There is no school with {{urn, schoolIdInSentence}}', { urn: data.urn }),
        };
      await inviteSchool(db, p.id, data.urn, data.role);
      return null;
    },
    remove: (db, p, urn) => withdrawInvitation(db, p.id, urn),
    announce: (data: { urn: number }) => ({ kind: 'proposed', urns: [data.urn] }),
  },
  focus: planUpdate,
  objectives: {
    async save(db, p, data: Omit<Objective, 'id'>) {
      await addObjective(db, p.id, {
        ...data,
        customMeasureName: data.measure === 'custom' ? data.customMeasureName : null,
      });
      return null;
    },
    remove: removable('objectives'),
  },
  resources: planUpdate,
  costs: {
    async save(db, p, data: Omit<Cost, 'id'>) {
      await addCost(db, p.id, data);
      return null;
    },
    remove: removable('costs'),
  },
  timescales: planUpdate,
  milestones: {
    async save(db, p, data: { title: string; dueDate: string }) {
      await addMilestone(db, p.id, { ...data, doneOn: null });
      return null;
    },
    remove: removable('milestones'),
  },
  staff: {
    async save(db, p, data: Omit<StaffMember, 'id'>) {
      if (!participants(p.members).some((m) => m.urn === data.urn))
        return { field: 'urn', message: 'Choose a school taking part in the partnership' };
      await addStaff(db, p.id, data);
      return null;
    },
    remove: removable('staff'),
  },
  exit: planUpdate,
};

/** The running record's sections, added to while the partnership runs; nothing is taken out. */
const RECORD: Record<string, SectionWriter> = {
  actions: {
    async save(db, p, data: Omit<Action, 'id'>, by) {
      await addAction(db, p.id, data, by.userId);
      return null;
    },
  },
  updates: {
    async save(db, p, data: { body: string }, by) {
      await addUpdate(db, p.id, data.body, by.userId, by.at);
      return null;
    },
  },
  issues: {
    async save(
      db,
      p,
      data: { description: string; handling: string; raisedOn: string; resolved: boolean },
      by,
    ) {
      await addIssue(db, p.id, data, by.userId);
      return null;
    },
    announce: () => ({ kind: 'issue-raised' }),
  },
  feedback: {
    async save(db, p, data: { fromUrn: number; body: string }, by) {
      const ours =
        participants(p.members).some((m) => m.urn === data.fromUrn) && by.userUrns.includes(data.fromUrn);
      if (!ours)
        return { field: 'fromUrn', message: 'You can only give feedback for a school you belong to' };
      await addFeedback(db, p.id, data.fromUrn, data.body, by.userId, by.at);
      return null;
    },
  },
  outcomes: {
    async save(db, p, data: { objectiveId: number; value: number; recordedOn: string; note: string }, by) {
      if (!p.objectives.some((o) => o.id === data.objectiveId && o.measure === 'custom')) {
        return { field: 'objectiveId', message: 'Choose one of the partnership’s own measures' };
      }
      await addOutcome(db, p.id, data, by.userId);
      return null;
    },
  },
};

export type SectionKind = 'plan' | 'record';

/** The statuses in which the running record is kept. */
export const RUNNING: PartnershipStatus[] = ['agreed', 'active', 'reviewing'];

const KINDS = {
  plan: {
    writers: PLAN,
    open: ['proposed'] as PartnershipStatus[],
    closed: 'The plan is agreed and can no longer be changed.',
    // A change to the plan withdraws the agreements given to it.
    write: <R>(ctx: Ctx, user: SessionUser, p: Partnership, save: (db: Db) => Promise<R | null>) =>
      changePlan(ctx, user, p.id, save),
  },
  record: {
    writers: RECORD,
    open: RUNNING,
    closed: 'The partnership is not running, so nothing can be added to its record.',
    write: <R>(ctx: Ctx, _user: SessionUser, _p: Partnership, save: (db: Db) => Promise<R | null>) =>
      save(ctx.db),
  },
};

/** The sections of a kind that have items to take out. */
export const hasRemovals = (kind: SectionKind): boolean =>
  Object.values(KINDS[kind].writers).some((writer) => writer.remove !== undefined);

/** Why a partnership has no such section to write (a deployment invites no schools), or null when it has. */
export const sectionRefused = (kind: SectionKind, section: string, p: Partnership): AppError | null =>
  kind === 'plan' && section === 'schools' && !invitesSchools(p.type)
    ? { code: 'forbidden', message: NO_SCHOOLS_INVITED }
    : null;

export const NO_SUCH_SECTION = 'There is no such section.';

/** Why a section cannot be written now (its status), or null when it can. */
export const sectionClosed = (kind: SectionKind, p: Partnership): string | null =>
  KINDS[kind].open.includes(p.status) ? null : KINDS[kind].closed;

/**
 * Saves one section of a partnership the person may contribute to (the caller has checked that
 * and that the section is open), from data its form has already validated.
 */
export async function saveSection(
  ctx: Ctx,
  user: SessionUser,
  p: Partnership,
  kind: SectionKind,
  section: string,
  data: unknown,
): Promise<Result<null>> {
  const writer = KINDS[kind].writers[section];
  if (!writer) return fail('not-found', NO_SUCH_SECTION);
  const refusedHere = sectionRefused(kind, section, p);
  if (refusedHere) return { ok: false, error: refusedHere };
  const closed = sectionClosed(kind, p);
  if (closed) return fail('conflict', closed);
  const by = { userId: user.id, at: ctx.now().toISOString(), userUrns: user.schools.map((s) => s.urn) };
  const refused = await KINDS[kind].write(ctx, user, p, (db) => writer.save(db, p, data as never, by));
  if (refused) return fail('invalid-input', refused.message, [refused]);
  if (writer.announce) await notifyPartnership(ctx, user, p.id, writer.announce(data as never));
  return ok(null);
}

/** Takes one item (an objective, a cost, an invited school…) out of the plan. */
export async function removeSectionItem(
  ctx: Ctx,
  user: SessionUser,
  p: Partnership,
  section: string,
  item: number,
): Promise<Result<null>> {
  const remove = PLAN[section]?.remove;
  if (!remove || !Number.isSafeInteger(item)) return fail('not-found', 'There is no such item.');
  const refusedHere = sectionRefused('plan', section, p);
  if (refusedHere) return { ok: false, error: refusedHere };
  const closed = sectionClosed('plan', p);
  if (closed) return fail('conflict', closed);
  await KINDS.plan.write(ctx, user, p, async (db) => {
    await remove(db, p, item);
    return null;
  });
  return ok(null);
}

/** Moves an action of the running record on (or back). */
export async function changeActionStatus(
  ctx: Pick<AppContext, 'db'>,
  p: Partnership,
  action: number,
  status: ActionStatus,
): Promise<Result<null>> {
  if (!RUNNING.includes(p.status))
    return fail('conflict', 'Choose a status for the action while the partnership is running.');
  return (await setActionStatus(ctx.db, p.id, action, status))
    ? ok(null)
    : fail('not-found', 'There is no such action.');
}

/** Ticks a milestone off today (or back on, if ticked by mistake). */
export async function tickMilestone(
  ctx: Pick<AppContext, 'db' | 'now'>,
  user: SessionUser,
  p: Partnership,
  milestoneId: number,
  done: boolean,
): Promise<Result<null>> {
  const milestone = p.milestones.find((m) => m.id === milestoneId);
  if (!milestone) return fail('not-found', 'There is no such milestone.');
  const outcome = markMilestone(p, milestone, done, today(ctx));
  if (!outcome.ok) return fail('conflict', `${outcome.error.message}.`);
  await setMilestoneDone(ctx.db, p.id, milestone.id, outcome.value, user);
  return ok(null);
}
