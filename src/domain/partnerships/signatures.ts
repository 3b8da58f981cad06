import {
  beginReview,
  close,
  start,
  type Change,
  type EventKind,
  type LifecycleEvent,
  type Transition,
} from './lifecycle.ts';
import { participants, type Member, type Partnership, type PartnershipStatus } from './model.ts';
import { ok, refuse, type Outcome } from './outcome.ts';

/**
 * Starting, the review and a completed close change what both schools are committed to, so each
 * school signs for itself: one school's administrator proposes the step and the step is taken
 * when an administrator of every taking-part school has signed it. Ending early is the one step
 * a school takes alone (no school can be held in a partnership), always with its reason.
 *
 * A signature is the school's event (`start-signed`, `review-signed`, `close-signed`) recorded
 * while the partnership has the status the step leaves; once the status moves on, earlier
 * signatures no longer count.
 */
export const SIGNED_STEPS = ['start', 'review', 'complete'] as const;
export type SignedStep = (typeof SIGNED_STEPS)[number];

export const SIGNATURE_EVENT: Record<SignedStep, EventKind> = {
  start: 'start-signed',
  review: 'review-signed',
  complete: 'close-signed',
};

/** What a step does, in the words of "waiting for … to confirm <doing>". */
export const SIGNED_STEP_DOING: Record<SignedStep, string> = {
  start: 'starting the partnership',
  review: 'beginning the review',
  complete: 'closing the partnership as completed',
};

/** The step each open status leads to by signature. */
export const NEXT_SIGNED_STEP: Partial<Record<PartnershipStatus, SignedStep>> = {
  agreed: 'start',
  active: 'review',
  reviewing: 'complete',
};

/** A school's signature of a step, as recorded in the history. */
export type Signature = Pick<LifecycleEvent, 'kind' | 'fromStatus' | 'urn' | 'byUserId' | 'at' | 'reason'>;

const stepOf = (kind: EventKind): SignedStep | undefined =>
  SIGNED_STEPS.find((s) => SIGNATURE_EVENT[s] === kind);

/** The signatures of `step` that still count: made while the partnership had its present status. */
export function standingSignatures<S extends Signature>(
  p: Pick<Partnership, 'status'>,
  events: S[],
  step: SignedStep,
): S[] {
  return events.filter((e) => stepOf(e.kind) === step && e.fromStatus === p.status && e.urn !== null);
}

export interface SignatureStep {
  event: LifecycleEvent;
  /** Set when this signature was the last one needed: the step is taken. */
  transition: Transition | null;
  /** The taking-part schools still to sign after this one. */
  waiting: Member[];
}

type SignView = Parameters<typeof start>[0] & Pick<Partnership, 'members'>;

/**
 * A school signs a step. The step must be one the partnership may take now (the same rules as
 * for a school taking it alone: start on or after the start date, review once active, complete
 * once reviewing); the school must take part and not have signed it already. A completed close
 * keeps the reasons the schools gave, in the order they signed.
 */
export function signStep(
  p: SignView,
  events: Signature[],
  urn: number,
  step: SignedStep,
  change: Change,
  reason: string | null = null,
): Outcome<SignatureStep> {
  const signed = standingSignatures(p, events, step);
  const reasons = [...signed.map((s) => s.reason), reason?.trim() || null].filter(
    (r, i, all): r is string => !!r && all.indexOf(r) === i,
  );
  const decided =
    step === 'start'
      ? start(p, change)
      : step === 'review'
        ? beginReview(p, change)
        : close(p, { closure: 'completed', reason: reasons.join('\n\n') || null }, change);
  if (!decided.ok) return decided;
  const taking = participants(p.members);
  if (!taking.some((m) => m.urn === urn)) {
    return refuse('not-taking-part', `School ${urn} does not take part in this partnership`);
  }
  const done = new Set([...signed.map((s) => s.urn), urn]);
  const waiting = taking.filter((m) => !done.has(m.urn));
  if (signed.some((s) => s.urn === urn)) {
    const names = waiting.map((m) => m.name).join(' and ');
    return refuse(
      'already-signed',
      `Your school has already signed; waiting for ${names} to confirm ${SIGNED_STEP_DOING[step]}`,
    );
  }
  return ok({
    event: {
      kind: SIGNATURE_EVENT[step],
      fromStatus: p.status,
      toStatus: p.status,
      urn,
      byUserId: change.byUserId,
      at: change.at,
      reason: reason?.trim() || null,
    },
    transition: waiting.length === 0 ? decided.value : null,
    waiting,
  });
}

/** For the step the partnership is at: the schools that signed it and those it waits for. */
export function signatureState<S extends Signature>(
  p: Pick<Partnership, 'status' | 'members'>,
  events: S[],
): { step: SignedStep; signed: (S & { member: Member })[]; waiting: Member[] } | null {
  const step = NEXT_SIGNED_STEP[p.status];
  if (!step) return null;
  const taking = participants(p.members);
  const standing = standingSignatures(p, events, step);
  return {
    step,
    signed: taking.flatMap((member) => {
      const s = standing.find((x) => x.urn === member.urn);
      return s ? [{ ...s, member }] : [];
    }),
    waiting: taking.filter((m) => !standing.some((s) => s.urn === m.urn)),
  };
}
