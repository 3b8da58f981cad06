import { participants, type Member } from './partnerships/model.ts';
import type { SignedStep } from './partnerships/signatures.ts';
import { wordsOf, type Words } from './words.ts';

const CONFIRM: Record<SignedStep, string> = {
  start: '{{school}} asks your school to confirm starting the partnership of {{schools}}',
  review: '{{school}} asks your school to confirm beginning the review of the partnership of {{schools}}',
  complete: '{{school}} asks your school to confirm closing as completed the partnership of {{schools}}',
};

/**
 * Everyone hears what happens to the partnerships their schools take part in: each step that
 * needs someone's action or changes their commitments. Who hears what is decided here; the words
 * carry no plan text, only what happened, so an email can travel safely.
 */
export const NOTIFICATION_KINDS = [
  'proposed',
  'invitation-answered',
  'plan-changed',
  'agreed',
  'signature-needed',
  'started',
  'milestone-due',
  'milestone-overdue',
  'issue-raised',
  'review-due',
  'closed',
  'join-request',
  'administrator-appointed',
  'deployment-commissioned',
  'deployment-answered',
  'deployment-withdrawn',
  'review-group-invitation',
  'review-team',
  'review-report',
  'review-challenge',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const NOTIFICATION_KIND_LABELS: Record<NotificationKind, string> = {
  proposed: 'A school proposes a partnership to your school',
  'invitation-answered': 'A school answers your partnership invitation',
  'plan-changed': 'The plan changes after your school agreed',
  agreed: 'A partnership is agreed',
  'signature-needed': 'A school asks yours to confirm starting, reviewing or closing a partnership',
  started: 'A partnership starts',
  'milestone-due': 'A milestone is due within a week',
  'milestone-overdue': 'A milestone is overdue',
  'review-due': 'A partnership’s review is due (four weeks before its planned end)',
  'issue-raised': 'An issue is raised in a partnership',
  closed: 'A partnership closes',
  'join-request': 'Someone asks to join a school, and you decide',
  'administrator-appointed': 'A platform administrator invites someone into a school with no administrator',
  'deployment-commissioned': 'You are asked to accept a deployment as a system leader',
  'deployment-answered': 'A system leader accepts or declines a deployment for your school',
  'deployment-withdrawn': 'A deployment of you as a system leader is withdrawn before it starts',
  'review-group-invitation': 'Your school is invited to a peer-review group, and you answer',
  'review-team': 'You are put on a peer-review team',
  'review-report': 'A peer-review report goes to its moderator, comes back to its team, or is final',
  'review-challenge': 'A finding of a peer-review report is challenged, or its challenge decided',
};

/** Kinds that ask the person to act (answer, agree again): they can be delayed, never switched off. */
export const ACTION_NEEDED: readonly NotificationKind[] = [
  'proposed',
  'plan-changed',
  'signature-needed',
  'join-request',
  'deployment-commissioned',
  'review-group-invitation',
];

export const DELIVERIES = ['immediately', 'daily', 'off'] as const;
export type Delivery = (typeof DELIVERIES)[number];
export const DELIVERY_LABELS: Record<Delivery, string> = {
  immediately: 'An email straight away',
  daily: 'One email a day with everything new',
  off: 'No email',
};

/** The delivery a person chose for a kind; straight away unless they chose otherwise, never off when action is needed. */
export function deliveryFor(kind: NotificationKind, chosen: Delivery | undefined): Delivery {
  const delivery = chosen ?? 'immediately';
  return delivery === 'off' && ACTION_NEEDED.includes(kind) ? 'immediately' : delivery;
}

/** Someone with a role in a school. */
export interface SchoolPerson {
  userId: number;
  urn: number;
  role: 'member' | 'admin';
}

/** What happened to a partnership, and to which school when it concerns one. */
export type Happening =
  | { kind: 'proposed'; urns: number[] }
  | { kind: 'invitation-answered'; urn: number; answer: 'accept' | 'decline' }
  | { kind: 'plan-changed'; urns: number[] }
  /** A school signed a step; the schools in `urns` are still to sign it. */
  | { kind: 'signature-needed'; step: SignedStep; byUrn: number; urns: number[] }
  | { kind: 'agreed' | 'started' | 'closed' }
  | { kind: 'milestone-due' | 'milestone-overdue' | 'review-due' }
  | { kind: 'issue-raised' };

/**
 * Who is told: an invitation goes to the invited schools' administrators; an answer to the
 * administrators of the other taking-part schools; a withdrawn agreement to the administrators
 * of that school (they agree again); everything else to everyone in the taking-part schools.
 * Never the person who did it, and each person once.
 */
export function recipients(
  happening: Happening,
  members: Member[],
  people: SchoolPerson[],
  actorId: number | null,
): number[] {
  const taking = participants(members).map((m) => m.urn);
  const admins = (urns: number[]) => people.filter((p) => p.role === 'admin' && urns.includes(p.urn));
  const chosen = (() => {
    switch (happening.kind) {
      case 'proposed':
        return admins(happening.urns);
      case 'invitation-answered':
        return admins(taking.filter((urn) => urn !== happening.urn));
      case 'plan-changed':
      case 'signature-needed':
        return admins(happening.urns);
      default:
        return people.filter((p) => taking.includes(p.urn));
    }
  })();
  return [...new Set(chosen.map((p) => p.userId))].filter((id) => id !== actorId);
}

/** The one line a person reads, in the list and as the email's subject. School names only. */
export function notificationSubject(happening: Happening, members: Member[], forUrns: number[] = []): Words {
  const name = (urn: number) => members.find((m) => m.urn === urn)?.name ?? `School ${urn}`;
  const schools = participants(members).map((m) => m.name);
  switch (happening.kind) {
    case 'proposed': {
      const proposer = members.find((m) => m.invitation === 'proposer');
      return proposer
        ? wordsOf('{{school}} proposes a partnership to your school', { school: proposer.name })
        : wordsOf('A school proposes a partnership to your school');
    }
    case 'invitation-answered':
      return wordsOf(
        happening.answer === 'accept'
          ? '{{school}} accepted your partnership invitation'
          : '{{school}} declined your partnership invitation',
        { school: name(happening.urn) },
      );
    case 'plan-changed': {
      const yours = happening.urns.filter((urn) => forUrns.includes(urn));
      return wordsOf('The partnership plan changed after {{schools}} agreed: check it and agree again', {
        schools: (yours.length ? yours : happening.urns).map(name),
      });
    }
    case 'agreed':
      return wordsOf('The partnership of {{schools}} is agreed', { schools });
    case 'signature-needed':
      return wordsOf(CONFIRM[happening.step], { school: name(happening.byUrn), schools });
    case 'started':
      return wordsOf('The partnership of {{schools}} has started', { schools });
    case 'milestone-due':
      return wordsOf('A milestone of the partnership of {{schools}} is due within a week', { schools });
    case 'milestone-overdue':
      return wordsOf('A milestone of the partnership of {{schools}} is overdue', { schools });
    case 'review-due':
      return wordsOf(
        'The review of the partnership of {{schools}} is due: it is planned to end within four weeks',
        { schools },
      );
    case 'issue-raised':
      return wordsOf('An issue was raised in the partnership of {{schools}}', { schools });
    case 'closed':
      return wordsOf('The partnership of {{schools}} has closed', { schools });
  }
}
