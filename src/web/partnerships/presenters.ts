import type { RecordedEvent } from '../../app/partnerships/access.ts';
import { EVENT_LABELS } from '../../domain/partnerships/lifecycle.ts';
import { isOverdue } from '../../domain/partnerships/actions.ts';
import { milestoneState, type MilestoneState } from '../../domain/partnerships/milestones.ts';
import {
  ACTION_STATUS_LABELS,
  MEMBER_ROLE_LABELS,
  PARTNERSHIP_STATUS_LABELS,
  PARTNERSHIP_TYPE_LABELS,
  type Action,
  type Member,
  type Milestone,
  type Partnership,
  type PartnershipStatus,
} from '../../domain/partnerships/model.ts';
import { FOCUS_AREA_LABELS } from '../../domain/focus-areas.ts';
import { REGISTRY_MEASURE_INFO } from '../../domain/partnerships/impact/measures.ts';
import type { Objective } from '../../domain/partnerships/model.ts';
import { practiceHref } from '../practice/presenters.ts';
import type { Language } from '../../domain/language.ts';
import { translateMessage } from '../../i18n/index.ts';

const STATUS_COLOURS: Record<PartnershipStatus, string> = {
  proposed: 'govuk-tag--yellow',
  agreed: 'govuk-tag--blue',
  active: 'govuk-tag--green',
  reviewing: 'govuk-tag--purple',
  closed: 'govuk-tag--grey',
};

export function statusTag(p: Pick<Partnership, 'status' | 'closure'>, language: Language = 'en') {
  const text =
    p.status === 'closed'
      ? p.closure === 'ended-early'
        ? 'Closed: ended early'
        : 'Closed: completed'
      : PARTNERSHIP_STATUS_LABELS[p.status];
  return { text: translateMessage(language, { message: text }), classes: STATUS_COLOURS[p.status] };
}

const INVITATION_TEXT: Record<Member['invitation'], string> = {
  proposer: 'Proposed the partnership',
  invited: 'Invited, not yet answered',
  accepted: 'Accepted',
  declined: 'Declined',
};

/** A label the domain wrote in English, in the reader's language. */
export const say = (language: Language, message: string, values?: Record<string, string | number>) =>
  translateMessage(language, { message, ...(values ? { template: message, values } : {}) });

export const memberLine = (m: Member, language: Language = 'en') =>
  say(language, '{{school}} ({{urn, schoolId}}): {{role}}. {{invitation}}', {
    school: m.name,
    urn: m.urn,
    role: say(language, MEMBER_ROLE_LABELS[m.role]),
    invitation: say(language, INVITATION_TEXT[m.invitation]),
  });

export function describe(p: Partnership, language: Language = 'en') {
  const focus = (f: (typeof p.focusAreas)[number]) => say(language, FOCUS_AREA_LABELS[f]);
  return {
    typeLabel: say(language, PARTNERSHIP_TYPE_LABELS[p.type]),
    focusLabels: p.focusAreas.map(focus),
    /** Each focus area leads to the library's practice in it. */
    focusLinks: p.focusAreas.map((f) => ({ text: focus(f), href: practiceHref([f]) })),
    status: statusTag(p, language),
    memberLines: p.members.map((m) => memberLine(m, language)),
  };
}

export const measureLabel = (o: Objective, language: Language = 'en') =>
  o.measure === 'custom'
    ? (o.customMeasureName ?? say(language, 'Recorded by the partnership'))
    : say(language, REGISTRY_MEASURE_INFO[o.measure].label);

export function actionRows(actions: Action[], today: string) {
  return actions.map((a) => ({
    ...a,
    overdue: isOverdue(a, today),
    statusLabel: ACTION_STATUS_LABELS[a.status],
  }));
}

function eventLabel(e: RecordedEvent, language: Language): string {
  const label = say(language, EVENT_LABELS[e.kind]);
  if (!e.schoolName || e.kind === 'proposed' || e.fromStatus !== e.toStatus) return label;
  if (e.kind === 'agreement-withdrawn')
    return say(language, 'Agreement of {{school}} withdrawn: the plan changed', { school: e.schoolName });
  return say(language, '{{event}} by {{school}}', { event: label, school: e.schoolName });
}

export const eventRows = (events: RecordedEvent[], language: Language = 'en') =>
  events.map((e) => ({ ...e, label: eventLabel(e, language) }));

const MILESTONE_TAGS: Record<MilestoneState, { text: string; classes: string }> = {
  done: { text: 'Done', classes: 'govuk-tag--green' },
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  due: { text: 'Not yet done', classes: 'govuk-tag--grey' },
};

export const milestoneRows = (milestones: Milestone[], today: string) =>
  [...milestones]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id - b.id)
    .map((m) => ({ ...m, tag: MILESTONE_TAGS[milestoneState(m, today)] }));
