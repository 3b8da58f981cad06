import {
  participants,
  PARTNERSHIP_STATUS_LABELS,
  type Closure,
  type Member,
  type Partnership,
  type PartnershipStatus,
} from './model.ts';
import { ok, refuse, type Outcome } from './outcome.ts';
import { setupComplete } from './setup.ts';

/**
 * proposed → agreed → active → reviewing → closed (completed), or closed early from any open
 * status with a reason. Invitations are answered while the partnership is proposed. Every change
 * is an event saying who made it and when, so the history can be shown and audited.
 */
export type EventKind =
  | 'proposed'
  | 'invitation-accepted'
  | 'invitation-declined'
  | 'school-agreed'
  | 'agreement-withdrawn'
  | 'agreed'
  | 'start-signed'
  | 'review-signed'
  | 'close-signed'
  | 'started'
  | 'review-started'
  | 'completed'
  | 'ended-early';

export const EVENT_LABELS: Record<EventKind, string> = {
  proposed: 'Proposed',
  'invitation-accepted': 'Invitation accepted',
  'invitation-declined': 'Invitation declined',
  'school-agreed': 'Plan agreed',
  'agreement-withdrawn': 'Agreement withdrawn',
  agreed: 'Agreed',
  'start-signed': 'Start signed',
  'review-signed': 'Review signed',
  'close-signed': 'Closing signed',
  started: 'Started',
  'review-started': 'Review started',
  completed: 'Closed: completed',
  'ended-early': 'Closed: ended early',
};

export interface LifecycleEvent {
  kind: EventKind;
  fromStatus: PartnershipStatus | null;
  toStatus: PartnershipStatus;
  /** The school whose invitation was answered, or that agreed or whose agreement was withdrawn. */
  urn: number | null;
  byUserId: number;
  at: string;
  reason: string | null;
}

export interface Change {
  byUserId: number;
  /** When the change is made (ISO timestamp). */
  at: string;
}

export interface Transition {
  status: PartnershipStatus;
  closure: Closure | null;
  endReason: string | null;
  event: LifecycleEvent;
}

type LifecycleView = Pick<Partnership, 'status' | 'startDate' | 'members'> &
  Parameters<typeof setupComplete>[0];

function wrongStatus(p: { status: PartnershipStatus }, doing: string, allowed: PartnershipStatus[]) {
  const names = allowed.map((s) => PARTNERSHIP_STATUS_LABELS[s].toLowerCase()).join(' or ');
  return refuse(
    'wrong-status',
    `You can only ${doing} a partnership that is ${names}; this one is ${PARTNERSHIP_STATUS_LABELS[p.status].toLowerCase()}`,
  );
}

function move(
  p: { status: PartnershipStatus },
  kind: EventKind,
  to: PartnershipStatus,
  change: Change,
  extra: Partial<Pick<Transition, 'closure' | 'endReason'>> = {},
): Outcome<Transition> {
  return ok({
    status: to,
    closure: extra.closure ?? null,
    endReason: extra.endReason ?? null,
    event: {
      kind,
      fromStatus: p.status,
      toStatus: to,
      urn: null,
      byUserId: change.byUserId,
      at: change.at,
      reason: extra.endReason ?? null,
    },
  });
}

/**
 * All schools have answered, at least two take part, and every setup task is complete. Each
 * school then agrees for itself (`agreeFor` in agreement.ts); this is the step the last one takes.
 */
export function agree(p: LifecycleView, change: Change): Outcome<Transition> {
  if (p.status !== 'proposed') return wrongStatus(p, 'agree', ['proposed']);
  const pending = p.members.filter((m) => m.invitation === 'invited');
  if (pending.length > 0) {
    return refuse(
      'invitations-pending',
      `Waiting for ${pending.map((m) => m.name).join(', ')} to accept or decline the invitation`,
    );
  }
  if (participants(p.members).length < 2) {
    return refuse(
      'too-few-schools',
      'At least one invited school must accept before the partnership is agreed',
    );
  }
  if (!setupComplete(p)) {
    return refuse('setup-incomplete', 'Complete every section of the set-up before agreeing the partnership');
  }
  return move(p, 'agreed', 'agreed', change);
}

/** Work starts on or after the agreed start date. */
export function start(p: LifecycleView, change: Change): Outcome<Transition> {
  if (p.status !== 'agreed') return wrongStatus(p, 'start', ['agreed']);
  if (p.startDate && change.at.slice(0, 10) < p.startDate) {
    return refuse('before-start', `The partnership cannot start before its start date, ${p.startDate}`);
  }
  return move(p, 'started', 'active', change);
}

export function beginReview(p: LifecycleView, change: Change): Outcome<Transition> {
  if (p.status !== 'active') return wrongStatus(p, 'review', ['active']);
  return move(p, 'review-started', 'reviewing', change);
}

/** Completed once reviewed; ended early from any open status, always with the reason. */
export function close(
  p: LifecycleView,
  how: { closure: Closure; reason?: string | null },
  change: Change,
): Outcome<Transition> {
  if (how.closure === 'completed') {
    if (p.status !== 'reviewing') return wrongStatus(p, 'complete', ['reviewing']);
    return move(p, 'completed', 'closed', change, {
      closure: 'completed',
      endReason: how.reason?.trim() || null,
    });
  }
  if (p.status === 'closed') return wrongStatus(p, 'end', ['proposed', 'agreed', 'active', 'reviewing']);
  const reason = how.reason?.trim();
  if (!reason) return refuse('reason-required', 'Enter why the partnership is ending early');
  return move(p, 'ended-early', 'closed', change, { closure: 'ended-early', endReason: reason });
}

export interface InvitationAnswer {
  member: Member;
  event: LifecycleEvent;
}

/** An invited school accepts or declines while the partnership is still a proposal. */
export function answerInvitation(
  p: Pick<Partnership, 'status' | 'members'>,
  urn: number,
  answer: 'accept' | 'decline',
  change: Change,
): Outcome<InvitationAnswer> {
  const member = p.members.find((m) => m.urn === urn);
  if (!member || member.invitation !== 'invited') {
    return refuse('not-invited', `School ${urn} has no open invitation to this partnership`);
  }
  if (p.status !== 'proposed') return wrongStatus(p, 'answer an invitation to', ['proposed']);
  const invitation = answer === 'accept' ? 'accepted' : 'declined';
  return ok({
    member: { ...member, invitation, respondedAt: change.at },
    event: {
      kind: answer === 'accept' ? 'invitation-accepted' : 'invitation-declined',
      fromStatus: p.status,
      toStatus: p.status,
      urn,
      byUserId: change.byUserId,
      at: change.at,
      reason: null,
    },
  });
}
