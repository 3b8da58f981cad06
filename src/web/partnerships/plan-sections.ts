import { z } from 'zod';
import { schoolIdField } from '../../app/input.ts';
import { longDate } from '../../domain/format.ts';
import type { Language } from '../../domain/language.ts';
import { FOCUS_AREAS, FOCUS_AREA_LABELS } from '../../domain/focus-areas.ts';
import { REGISTRY_MEASURE_INFO } from '../../domain/partnerships/impact/measures.ts';
import {
  MEMBER_ROLES,
  MEMBER_ROLE_LABELS,
  REGISTRY_MEASURES,
  SENIORITIES,
  SENIORITY_LABELS,
  SYSTEM_LEADER_DESIGNATIONS,
  SYSTEM_LEADER_LABELS,
  participants,
  type Partnership,
} from '../../domain/partnerships/model.ts';
import {
  choice,
  dateField,
  dateParts,
  numberField,
  optional,
  options,
  required,
  type FormPage,
} from './fields.ts';
import { measureLabel, memberLine, say } from './presenters.ts';

/** A table of what a list section already holds, each row with where to post its removal. */
export interface Existing {
  caption: string;
  head: string[];
  rows: { cells: string[]; remove?: string }[];
}

/** One form page of a partnership: the plan while it is proposed, or the running record. */
export interface PlanSection {
  form(p: Partnership): FormPage;
  schema: z.ZodType;
  /** What the form shows before the user types (scalar sections show what is saved). */
  initial(p: Partnership): Record<string, unknown>;
  /** What the section holds so far, its cells in the reader's language. */
  existing?(p: Partnership, language: Language): Existing;
  /** Lists stay on their page to add another; the rest return to the task list. */
  addsToList: boolean;
  next?: (p: Partnership) => { href: string; text: string };
  /** Inviting or withdrawing a school commits schools: only their administrators may. */
  administratorsOnly?: boolean;
}

const base = (p: Partnership) => `/partnerships/${p.id}`;
const pounds = (n: number) =>
  `£${n.toLocaleString('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

const schools: PlanSection = {
  addsToList: true,
  administratorsOnly: true,
  form: () => ({
    title: 'Schools and their roles',
    intro: 'Invite another school. It sees only the invitation until it accepts.',
    fields: [
      {
        kind: 'text',
        name: 'urn',
        label: 'URN or Welsh school number of the school to invite',
        width: 'govuk-input--width-10',
      },
      { kind: 'radios', name: 'role', label: 'Its role', items: options(MEMBER_ROLES, MEMBER_ROLE_LABELS) },
    ],
    submit: 'Invite the school',
  }),
  schema: z.object({
    urn: schoolIdField(
      'Enter the URN or Welsh school number of the school to invite',
      'The URN or Welsh school number must be 5 to 7 digits, like 100001 or 6814002',
    ),
    role: choice(MEMBER_ROLES, "Choose the school's role"),
  }),
  initial: () => ({}),
  existing: (p, language) => ({
    caption: 'Schools so far',
    head: ['School', ''],
    rows: p.members.map((m) => ({
      cells: [memberLine(m, language)],
      remove: m.invitation === 'invited' ? `${base(p)}/plan/schools/${m.urn}/remove` : undefined,
    })),
  }),
};

const focus: PlanSection = {
  addsToList: false,
  form: () => ({
    title: 'Focus, need and priorities',
    fields: [
      {
        kind: 'checkboxes',
        name: 'focusAreas',
        label: 'What will the partnership focus on?',
        hint: 'Select all that apply',
        items: options(FOCUS_AREAS, FOCUS_AREA_LABELS),
      },
      {
        kind: 'textarea',
        name: 'need',
        label: 'Why is the support needed?',
        hint: 'The evidence: results, inspection findings, self-evaluation',
      },
      {
        kind: 'textarea',
        name: 'priorities',
        label: 'How does it serve school, local and national priorities?',
      },
    ],
    submit: 'Save and return to the task list',
  }),
  schema: z.object({
    focusAreas: z
      .array(choice(FOCUS_AREAS, 'Choose focus areas from the list'))
      .min(1, 'Choose at least one focus area'),
    need: required('Enter why the support is needed'),
    priorities: required('Enter the priorities the partnership serves'),
  }),
  initial: (p) => ({ focusAreas: p.focusAreas, need: p.need ?? '', priorities: p.priorities ?? '' }),
};

const measureItems = [
  ...REGISTRY_MEASURES.map((m) => ({
    value: m,
    text: `${REGISTRY_MEASURE_INFO[m].label} (from published results)`,
  })),
  { value: 'custom', text: 'A measure the partnership records itself' },
];

const objectives: PlanSection = {
  addsToList: true,
  form: () => ({
    title: 'Objectives and success criteria',
    intro:
      'Each objective needs a measure with a baseline and a target, so its impact can be evaluated. Published results are used automatically and compared with similar schools.',
    fields: [
      { kind: 'textarea', name: 'description', label: 'Objective' },
      {
        kind: 'textarea',
        name: 'successCriteria',
        label: 'Success criteria',
        hint: 'What will be true when it is achieved',
      },
      { kind: 'select', name: 'measure', label: 'Measure', items: measureItems },
      {
        kind: 'text',
        name: 'customMeasureName',
        label: 'Name of your own measure',
        hint: 'Only if the partnership records the measure itself, for example pupils reading at age-related expectations (%)',
      },
      { kind: 'number', name: 'baseline', label: 'Baseline', width: 'govuk-input--width-5' },
      { kind: 'number', name: 'target', label: 'Target', width: 'govuk-input--width-5' },
    ],
    submit: 'Add the objective',
  }),
  schema: z
    .object({
      description: required('Enter the objective'),
      successCriteria: required('Enter the success criteria'),
      measure: choice([...REGISTRY_MEASURES, 'custom'], 'Choose the measure'),
      customMeasureName: optional(200),
      baseline: numberField('the baseline', { min: -100 }),
      target: numberField('the target', { min: -100 }),
    })
    .refine((o) => o.measure !== 'custom' || o.customMeasureName, {
      path: ['customMeasureName'],
      message: 'Enter the name of your own measure',
    }),
  initial: () => ({}),
  existing: (p, language) => ({
    caption: 'Objectives so far',
    head: ['Objective', 'Measure', 'Baseline to target', ''],
    rows: p.objectives.map((o) => ({
      cells: [
        o.description,
        measureLabel(o, language),
        say(language, '{{baseline}} to {{target}}', { baseline: o.baseline ?? '–', target: o.target ?? '–' }),
      ],
      remove: `${base(p)}/plan/objectives/${o.id}/remove`,
    })),
  }),
};

const resources: PlanSection = {
  addsToList: false,
  form: () => ({
    title: 'Resources',
    intro:
      'The main barrier to collaboration is a reluctance to invest staff time: say what each school commits.',
    fields: [
      {
        kind: 'number',
        name: 'staffDays',
        label: 'Staff days committed in total',
        width: 'govuk-input--width-5',
      },
      {
        kind: 'textarea',
        name: 'releaseTime',
        label: 'Release time',
        hint: 'Who is released from teaching, how often',
      },
    ],
    submit: 'Save and return to the task list',
  }),
  schema: z
    .object({ staffDays: numberField('staff days', { optional: true }), releaseTime: optional() })
    .refine((r) => r.staffDays !== null || r.releaseTime, {
      path: ['staffDays'],
      message: 'Enter the staff days or the release time',
    }),
  initial: (p) => ({
    staffDays: p.staffDays === null ? '' : String(p.staffDays),
    releaseTime: p.releaseTime ?? '',
  }),
  next: (p) => ({ href: `${base(p)}/plan/costs`, text: 'Add costings and who pays' }),
};

const costs: PlanSection = {
  addsToList: true,
  form: () => ({
    title: 'Costings',
    fields: [
      {
        kind: 'text',
        name: 'item',
        label: 'What is paid for',
        hint: 'For example, supply cover for release time',
      },
      { kind: 'number', name: 'amountPounds', label: 'Amount in pounds', width: 'govuk-input--width-10' },
      {
        kind: 'text',
        name: 'paidBy',
        label: 'Who pays',
        hint: 'A school, the local authority, a trust or a grant',
      },
    ],
    submit: 'Add the cost',
  }),
  schema: z.object({
    item: required('Enter what is paid for', 200),
    amountPounds: numberField('the amount'),
    paidBy: required('Enter who pays', 200),
  }),
  initial: () => ({}),
  existing: (p) => ({
    caption: 'Costs so far',
    head: ['Item', 'Amount', 'Paid by', ''],
    rows: p.costs.map((c) => ({
      cells: [c.item, pounds(c.amountPounds), c.paidBy],
      remove: `${base(p)}/plan/costs/${c.id}/remove`,
    })),
  }),
  next: (p) => ({ href: base(p), text: 'Return to the task list' }),
};

const timescales: PlanSection = {
  addsToList: false,
  form: () => ({
    title: 'Start and end',
    fields: [
      { kind: 'date', name: 'startDate', label: 'Start date' },
      {
        kind: 'date',
        name: 'endDate',
        label: 'End date',
        hint: 'For example, 28 2 2027 for an 18-month partnership',
      },
    ],
    submit: 'Save and return to the task list',
  }),
  schema: z
    .object({ startDate: dateField('the start date'), endDate: dateField('the end date') })
    .refine((d) => !d.startDate || !d.endDate || d.endDate > d.startDate, {
      path: ['endDate'],
      message: 'The end date must be after the start date',
    }),
  initial: (p) => ({ startDate: dateParts(p.startDate), endDate: dateParts(p.endDate) }),
  next: (p) => ({ href: `${base(p)}/plan/milestones`, text: 'Add milestones' }),
};

const milestones: PlanSection = {
  addsToList: true,
  form: () => ({
    title: 'Milestones',
    fields: [
      { kind: 'text', name: 'title', label: 'Milestone' },
      { kind: 'date', name: 'dueDate', label: 'Date' },
    ],
    submit: 'Add the milestone',
  }),
  schema: z.object({ title: required('Enter the milestone', 200), dueDate: dateField('the date') }),
  initial: () => ({}),
  existing: (p, language) => ({
    caption: 'Milestones so far',
    head: ['Milestone', 'Date', ''],
    rows: p.milestones.map((m) => ({
      cells: [m.title, longDate(m.dueDate, (month) => say(language, month))],
      remove: `${base(p)}/plan/milestones/${m.id}/remove`,
    })),
  }),
  next: (p) => ({ href: base(p), text: 'Return to the task list' }),
};

const staff: PlanSection = {
  addsToList: true,
  form: (p) => ({
    title: 'Named staff and system leaders',
    intro: 'Partnerships work best with commitment at different levels of seniority in every school.',
    fields: [
      {
        kind: 'select',
        name: 'urn',
        label: 'School',
        items: participants(p.members).map((m) => ({ value: String(m.urn), text: m.name })),
      },
      { kind: 'text', name: 'name', label: 'Name' },
      { kind: 'text', name: 'jobTitle', label: 'Job title' },
      {
        kind: 'radios',
        name: 'seniority',
        label: 'Seniority',
        items: options(SENIORITIES, SENIORITY_LABELS),
      },
      {
        kind: 'select',
        name: 'systemLeader',
        label: 'System leader designation, if any',
        hint: 'For a deployment, name the system leader being deployed',
        items: [
          { value: 'none', text: 'None' },
          ...options(SYSTEM_LEADER_DESIGNATIONS, SYSTEM_LEADER_LABELS),
        ],
      },
    ],
    submit: 'Add the person',
  }),
  schema: z.object({
    urn: z.string().regex(/^\d+$/, 'Choose the school').transform(Number),
    name: required('Enter the name', 200),
    jobTitle: required('Enter the job title', 200),
    seniority: choice(SENIORITIES, 'Choose the seniority'),
    systemLeader: z
      .union([
        z.literal(''),
        z.literal('none'),
        choice(SYSTEM_LEADER_DESIGNATIONS, 'Choose a designation from the list'),
      ])
      .transform((v) => (v === '' || v === 'none' ? null : v)),
  }),
  initial: () => ({ systemLeader: 'none' }),
  existing: (p) => ({
    caption: 'Staff so far',
    head: ['Name', 'School', 'Role', ''],
    rows: p.staff.map((s) => ({
      cells: [
        s.name,
        p.members.find((m) => m.urn === s.urn)?.name ?? String(s.urn),
        `${s.jobTitle}${s.systemLeader ? ` (${s.systemLeader})` : ''}`,
      ],
      remove: `${base(p)}/plan/staff/${s.id}/remove`,
    })),
  }),
  next: (p) => ({ href: base(p), text: 'Return to the task list' }),
};

const exit: PlanSection = {
  addsToList: false,
  form: () => ({
    title: 'Exit strategy',
    fields: [
      {
        kind: 'textarea',
        name: 'exitStrategy',
        label: 'What is the exit strategy?',
        hint: 'How the supported school will carry on without the partnership',
      },
      {
        kind: 'textarea',
        name: 'sustainability',
        label: 'How will improvements be sustained, owned by the school and celebrated?',
      },
    ],
    submit: 'Save and return to the task list',
  }),
  schema: z.object({
    exitStrategy: required('Enter the exit strategy'),
    sustainability: required('Enter how improvements will be sustained and celebrated'),
  }),
  initial: (p) => ({ exitStrategy: p.exitStrategy ?? '', sustainability: p.sustainability ?? '' }),
};

export const PLAN_SECTIONS: Record<string, PlanSection> = {
  schools,
  focus,
  objectives,
  resources,
  costs,
  timescales,
  milestones,
  staff,
  exit,
};
