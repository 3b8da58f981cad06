import { membersNotAccepted } from '../../data/deployment-team.ts';
import { withLockedPlan } from '../../data/partnership-agreements.ts';
import { recordSignature } from '../../data/partnership-signatures.ts';
import {
  applyInvitationAnswer,
  applyTransition,
  createPartnership,
  getPartnership,
  listEvents,
  type NewPartnership,
  type RecordedEvent,
} from '../../data/partnerships.ts';
import type { SessionUser } from '../../domain/access.ts';
import { invitationsToAnswer } from '../../domain/partnerships/access.ts';
import { answerInvitation, type Transition } from '../../domain/partnerships/lifecycle.ts';
import type { Member, MemberRole, Partnership, PartnershipType } from '../../domain/partnerships/model.ts';
import type { Outcome } from '../../domain/partnerships/outcome.ts';
import {
  signatureState,
  signStep,
  SIGNED_STEP_DOING,
  type SignedStep,
} from '../../domain/partnerships/signatures.ts';
import type { Happening } from '../../domain/notifications.ts';
import { TEAM_NOT_READY } from '../../domain/leaders/deployment.ts';
import type { AppContext } from '../context.ts';
import { fail, invalidField, ok, worded, type Result } from '../result.ts';
import { schoolName, withSchoolNames } from '../schools/names.ts';
import { notifyPartnership } from '../notifications/notifications.ts';
import { partnershipsWithAccess, readable, type Opened } from './access.ts';
import { schoolIsOnS2s } from './proposal.ts';

type Ctx = Pick<AppContext, 'db' | 'config' | 'mailer' | 'now'>;

/** The partnerships a person takes part in or reads, and the invitations waiting for their schools. */
export async function yourPartnerships(ctx: Pick<AppContext, 'db'>, user: SessionUser, today: string) {
  const withAccess = (await partnershipsWithAccess(ctx, user, today, { invitedToo: true })).map(
    ({ summary, access }) => ({ ...summary, access }),
  );
  return {
    invitations: withAccess.filter((p) => p.access === 'invitation' && p.status === 'proposed'),
    partnerships: withAccess.filter((p) => readable(p.access)),
  };
}

/** The schools a person administers, named: the ones they may propose a partnership for. */
export const schoolsAdministeredBy = (ctx: Pick<AppContext, 'db'>, user: SessionUser) =>
  withSchoolNames(
    ctx,
    user.schools.filter((s) => s.role === 'admin'),
  );

export interface Proposal {
  title: string;
  type: PartnershipType;
  proposerUrn: number;
  proposerRole: MemberRole;
  partnerUrn: number;
  partnerRole: MemberRole;
  message?: string | null;
  /** The proposer has been told nobody at the partner school uses S2S, and sends it anyway. */
  sendAnyway: boolean;
}

/**
 * Writes a proposal; answers the new partnership's id, or why it could not be made. Another
 * feature proposing for its own reason (a peer review's follow-up) writes its link in the same
 * transaction.
 */
export type ProposalWriter = (partnership: NewPartnership) => Promise<Result<number>>;

/**
 * Proposes a partnership from a school the person administers to another school, and tells the
 * partner. When nobody from the partner school uses S2S, nothing is sent until the proposer
 * confirms knowing that (`unconfirmed`, with the partner's name).
 */
export async function proposePartnership(
  ctx: Ctx,
  user: SessionUser,
  proposal: Proposal,
  write: ProposalWriter = async (partnership) => ok(await createPartnership(ctx.db, partnership)),
): Promise<Result<{ id: number } | { unconfirmed: string }>> {
  if (!user.schools.some((s) => s.urn === proposal.proposerUrn && s.role === 'admin'))
    return invalidField('proposerUrn', 'You can only propose a partnership for a school you administer');
  if (proposal.partnerUrn === proposal.proposerUrn)
    return invalidField('partnerUrn', 'The partner school must be a different school from yours');
  const partnerName = await schoolName(ctx, proposal.partnerUrn);
  if (!partnerName)
    return invalidField(
      'partnerUrn',
      worded('There is no school with {{urn, schoolIdInSentence}}', { urn: proposal.partnerUrn }),
    );
  if (!proposal.sendAnyway && !(await schoolIsOnS2s(ctx, proposal.partnerUrn)))
    return ok({ unconfirmed: partnerName });
  const written = await write({
    title: proposal.title,
    type: proposal.type,
    proposer: { urn: proposal.proposerUrn, role: proposal.proposerRole },
    invited: [{ urn: proposal.partnerUrn, role: proposal.partnerRole }],
    message: proposal.message,
    createdBy: user.id,
    at: ctx.now().toISOString(),
    actor: user,
  });
  if (!written.ok) return written;
  const id = written.value;
  await notifyPartnership(ctx, user, id, { kind: 'proposed', urns: [proposal.partnerUrn] });
  return ok({ id });
}

/** An administrator of an invited school accepts or declines for it; the proposer hears. */
export async function answerPartnershipInvitation(
  ctx: Ctx,
  user: SessionUser,
  opened: Opened,
  urn: number,
  answer: 'accept' | 'decline',
): Promise<Result<true>> {
  if (!invitationsToAnswer(opened.partnership.members, opened.viewer).some((m) => m.urn === urn))
    return fail('forbidden', 'Only an administrator of the invited school can answer for it.');
  const outcome = answerInvitation(opened.partnership, urn, answer, {
    byUserId: user.id,
    at: ctx.now().toISOString(),
  });
  if (!outcome.ok) return fail('conflict', outcome.error.message);
  if (await applyInvitationAnswer(ctx.db, opened.partnership.id, outcome.value, user))
    await notifyPartnership(ctx, user, opened.partnership.id, { kind: 'invitation-answered', urn, answer });
  return ok(true);
}

/**
 * A lifecycle step (start, review, close) taken by an administrator of a school taking part, as
 * the domain allows; `conflict` when the rules refuse it or someone changed the partnership
 * meanwhile. Those who hear of it are told.
 */
export async function takeLifecycleStep(
  ctx: Ctx,
  user: SessionUser,
  opened: Opened,
  decide: (p: Partnership, change: { byUserId: number; at: string }) => Outcome<Transition>,
  announce?: Extract<Happening['kind'], 'started' | 'closed'>,
): Promise<Result<true>> {
  if (!opened.steer) return fail('forbidden', 'Only an administrator of a school taking part can do this.');
  const p = opened.partnership;
  const outcome = decide(p, { byUserId: user.id, at: ctx.now().toISOString() });
  if (!outcome.ok) return fail('conflict', outcome.error.message);
  if (!(await applyTransition(ctx.db, p.id, p.status, outcome.value, user)))
    return fail('conflict', 'Someone else changed this partnership; check it and try again');
  if (announce) await notifyPartnership(ctx, user, p.id, { kind: announce });
  return ok(true);
}

export interface SignaturesView {
  step: SignedStep;
  /** What the step does, as in "waiting for … to confirm starting the partnership". */
  doing: string;
  signed: (RecordedEvent & { member: Member })[];
  waiting: Member[];
  /** The waiting schools this person may sign for (as their administrator). */
  maySignFor: Member[];
}

/** Who has signed the step the partnership is at, and which schools it still waits for. */
export async function signaturesView(
  ctx: Pick<AppContext, 'db'>,
  user: SessionUser | null,
  p: Partnership,
  events?: RecordedEvent[],
): Promise<SignaturesView | null> {
  const state = signatureState(p, events ?? (await listEvents(ctx.db, p.id)));
  if (!state) return null;
  return {
    ...state,
    doing: SIGNED_STEP_DOING[state.step],
    maySignFor: state.waiting.filter((m) => user?.schools.some((s) => s.urn === m.urn && s.role === 'admin')),
  };
}

/**
 * An administrator of a taking-part school signs, for that school, the step the partnership is
 * at (start, review or a completed close). The step is taken when this was the last school to
 * sign; until then the other schools' administrators are asked to confirm it.
 */
export async function signLifecycleStep(
  ctx: Ctx,
  user: SessionUser,
  opened: Opened,
  step: SignedStep,
  reason: string | null = null,
): Promise<Result<{ taken: boolean }>> {
  const id = opened.partnership.id;
  const mine = opened.partnership.members.filter((m) =>
    user.schools.some((s) => s.urn === m.urn && s.role === 'admin'),
  );
  if (!opened.steer || mine.length === 0)
    return fail('forbidden', 'Only an administrator of a school taking part can sign for it.');
  const outcome = await withLockedPlan(ctx.db, id, async (trx) => {
    const p = (await getPartnership(trx, id))!;
    // A deployment starts only once every member of its team has accepted their place.
    if (step === 'start' && p.type === 'deployment' && (await membersNotAccepted(trx, id)) > 0)
      return fail('conflict', TEAM_NOT_READY);
    const events = await listEvents(trx, id);
    const signed = new Set((signatureState(p, events)?.signed ?? []).map((s) => s.urn));
    // The first of this person's schools still to sign; with none left, the domain says so.
    const urn = (mine.find((m) => !signed.has(m.urn)) ?? mine[0]!).urn;
    const signing = signStep(
      p,
      events,
      urn,
      step,
      { byUserId: user.id, at: ctx.now().toISOString() },
      reason,
    );
    if (!signing.ok) return fail('conflict', signing.error.message);
    await recordSignature(trx, id, signing.value, user);
    return ok({
      urn,
      taken: signing.value.transition !== null,
      waiting: signing.value.waiting.map((m) => m.urn),
    });
  });
  if (!outcome) return fail('not-found', 'There is no such partnership.');
  if (!outcome.ok) return outcome;
  const { urn, taken, waiting } = outcome.value;
  if (!taken)
    await notifyPartnership(ctx, user, id, { kind: 'signature-needed', step, byUrn: urn, urns: waiting });
  else if (step === 'start') await notifyPartnership(ctx, user, id, { kind: 'started' });
  else if (step === 'complete') await notifyPartnership(ctx, user, id, { kind: 'closed' });
  return ok({ taken });
}
