import { FOCUS_AREA_LABELS } from '../focus-areas.ts';
import { longDate } from '../format.ts';
import { schoolIdInEnglish } from '../wales.ts';
import { REGISTRY_MEASURE_INFO } from './impact/measures.ts';
import { agree, type Change, type LifecycleEvent, type Transition } from './lifecycle.ts';
import {
  MEMBER_ROLE_LABELS,
  participants,
  PARTNERSHIP_TYPE_LABELS,
  SENIORITY_LABELS,
  type Member,
  type Partnership,
} from './model.ts';
import { ok, refuse, type Outcome } from './outcome.ts';

/**
 * Agreement is mutual: a partnership is agreed only when an administrator of every taking-part
 * school has agreed to the same version of the plan. Each agreement keeps the plan as the school
 * read it (its readable text, section by section), so that a change made afterwards withdraws the
 * agreement and can tell that school exactly what changed.
 */

/** The plan's sections in the order of the set-up task list. */
export const PLAN_SECTIONS = [
  'schools',
  'focus',
  'objectives',
  'resources',
  'costs',
  'timescales',
  'milestones',
  'staff',
  'exit',
] as const;
export type PlanSectionName = (typeof PLAN_SECTIONS)[number];
export const PLAN_SECTION_LABELS: Record<PlanSectionName, string> = {
  schools: 'Schools and their roles',
  focus: 'Focus, need and priorities',
  objectives: 'Objectives and success criteria',
  resources: 'Resources',
  costs: 'Costings',
  timescales: 'Start and end',
  milestones: 'Milestones',
  staff: 'Named staff and system leaders',
  exit: 'Exit strategy',
};

/** The plan as a reader sees it: each section's lines of text. */
export type PlanText = Record<PlanSectionName, string[]>;

const given = (label: string, value: string | number | null) =>
  `${label}: ${value === null || value === '' ? 'not given' : value}`;
const pounds = (n: number) =>
  `£${n.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

export function planText(p: Partnership): PlanText {
  const schoolName = (urn: number) => p.members.find((m) => m.urn === urn)?.name ?? schoolIdInEnglish(urn);
  return {
    schools: [
      given('Name', p.title),
      given('Type', PARTNERSHIP_TYPE_LABELS[p.type]),
      ...p.members
        .filter((m) => m.invitation !== 'declined')
        .map((m) => `${m.name} (${schoolIdInEnglish(m.urn)}): ${MEMBER_ROLE_LABELS[m.role]}`),
    ],
    focus: [
      given('Focus areas', p.focusAreas.map((f) => FOCUS_AREA_LABELS[f]).join(', ')),
      given('Why the support is needed', p.need),
      given('Priorities it serves', p.priorities),
    ],
    objectives: p.objectives.map((o) => {
      const measure =
        o.measure === 'custom'
          ? (o.customMeasureName ?? 'recorded by the partnership')
          : REGISTRY_MEASURE_INFO[o.measure].label;
      return `${o.description}. Success criteria: ${o.successCriteria}. Measure: ${measure}, from ${o.baseline ?? 'not given'} to ${o.target ?? 'not given'}`;
    }),
    resources: [given('Staff days', p.staffDays), given('Release time', p.releaseTime)],
    costs: p.costs.map((c) => `${c.item}: ${pounds(c.amountPounds)}, paid by ${c.paidBy}`),
    timescales: [
      given('Start', p.startDate && longDate(p.startDate)),
      given('End', p.endDate && longDate(p.endDate)),
    ],
    milestones: p.milestones.map((m) => `${m.title}: ${longDate(m.dueDate)}`),
    staff: p.staff.map(
      (s) =>
        `${s.name}, ${s.jobTitle} (${SENIORITY_LABELS[s.seniority]}), ${schoolName(s.urn)}${s.systemLeader ? `, ${s.systemLeader}` : ''}`,
    ),
    exit: [
      given('Exit strategy', p.exitStrategy),
      given('How improvements are sustained and celebrated', p.sustainability),
    ],
  };
}

/** One section's difference: the lines no longer in the plan and the lines new to it. */
export interface SectionChange {
  section: PlanSectionName;
  removed: string[];
  added: string[];
}

/** What changed between two readings of the plan, section by section; empty when nothing did. */
export function planChanges(before: PlanText, after: PlanText): SectionChange[] {
  return PLAN_SECTIONS.flatMap((section) => {
    const was = before[section] ?? [];
    const now = after[section] ?? [];
    const removed = was.filter((line) => !now.includes(line));
    const added = now.filter((line) => !was.includes(line));
    return removed.length || added.length ? [{ section, removed, added }] : [];
  });
}

/** A school's standing agreement to one version of the plan. */
export interface Agreement {
  urn: number;
  planVersion: number;
  agreedByUserId: number;
  agreedAt: string;
}

export interface AgreementStep {
  agreement: Agreement;
  event: LifecycleEvent;
  /** Set when this agreement was the last one needed: the partnership becomes agreed. */
  transition: Transition | null;
}

/**
 * One school agrees to the plan as it is now (version `planVersion`). The partnership must be
 * ready to agree (every invitation answered, two schools taking part, the set-up complete); the
 * school must take part and not already stand agreed to this version.
 */
export function agreeFor(
  p: Parameters<typeof agree>[0],
  standing: Agreement[],
  urn: number,
  planVersion: number,
  change: Change,
): Outcome<AgreementStep> {
  const ready = agree(p, change);
  if (!ready.ok) return ready;
  const taking = participants(p.members);
  if (!taking.some((m) => m.urn === urn)) {
    return refuse('not-taking-part', `School ${urn} does not take part in this partnership`);
  }
  const current = standing.filter((a) => a.planVersion === planVersion);
  if (current.some((a) => a.urn === urn)) {
    return refuse('already-agreed', 'Your school has already agreed to this version of the plan');
  }
  const agreement = { urn, planVersion, agreedByUserId: change.byUserId, agreedAt: change.at };
  const agreed = new Set([...current.map((a) => a.urn), urn]);
  return ok({
    agreement,
    event: {
      kind: 'school-agreed',
      fromStatus: p.status,
      toStatus: p.status,
      urn,
      byUserId: change.byUserId,
      at: change.at,
      reason: null,
    },
    transition: taking.every((m) => agreed.has(m.urn)) ? ready.value : null,
  });
}

/** Who stands agreed to the current version and which taking-part schools are still to agree. */
export function agreementState<A extends Agreement>(
  members: Member[],
  standing: A[],
  planVersion: number,
): { agreed: (A & { member: Member })[]; waiting: Member[] } {
  const current = standing.filter((a) => a.planVersion === planVersion);
  const taking = participants(members);
  return {
    agreed: taking.flatMap((member) => {
      const a = current.find((x) => x.urn === member.urn);
      return a ? [{ ...a, member }] : [];
    }),
    waiting: taking.filter((m) => !current.some((a) => a.urn === m.urn)),
  };
}
