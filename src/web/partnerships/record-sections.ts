import { z } from 'zod';
import { ACTION_STATUSES, ACTION_STATUS_LABELS, participants } from '../../domain/partnerships/model.ts';
import { choice, dateField, numberField, options, required, type FormPage } from './fields.ts';
import type { PlanSection } from './plan-sections.ts';

const returnTo = (title: string, fields: FormPage['fields'], submit: string, intro?: string): FormPage => ({
  title,
  fields,
  submit,
  ...(intro ? { intro } : {}),
});

const actions: PlanSection = {
  addsToList: false,
  form: () =>
    returnTo(
      'Add an action',
      [
        { kind: 'textarea', name: 'description', label: 'Action' },
        { kind: 'text', name: 'owner', label: 'Owner', hint: 'The person responsible' },
        { kind: 'date', name: 'dueDate', label: 'Due date' },
        {
          kind: 'radios',
          name: 'status',
          label: 'Status',
          items: options(ACTION_STATUSES, ACTION_STATUS_LABELS),
        },
      ],
      'Add the action',
    ),
  schema: z.object({
    description: required('Enter the action'),
    owner: required('Enter the owner', 200),
    dueDate: dateField('the due date'),
    status: choice(ACTION_STATUSES, 'Choose the status'),
  }),
  initial: () => ({ status: 'not-started' }),
};

const updates: PlanSection = {
  addsToList: false,
  form: () =>
    returnTo(
      'Add a progress update',
      [{ kind: 'textarea', name: 'body', label: 'What has happened, and what it has changed' }],
      'Add the update',
    ),
  schema: z.object({ body: required('Enter the progress update') }),
  initial: () => ({}),
};

const issues: PlanSection = {
  addsToList: false,
  form: () =>
    returnTo(
      'Record an issue or setback',
      [
        { kind: 'textarea', name: 'description', label: 'What is the issue, block or setback?' },
        { kind: 'textarea', name: 'handling', label: 'How is it being handled?' },
        { kind: 'date', name: 'raisedOn', label: 'When did it arise?' },
        {
          kind: 'radios',
          name: 'resolved',
          label: 'Is it resolved?',
          items: [
            { value: 'no', text: 'No, still open' },
            { value: 'yes', text: 'Yes, resolved' },
          ],
        },
      ],
      'Record the issue',
      'Paying attention to issues, blocks and setbacks is part of the partnership: record them and how they were handled.',
    ),
  schema: z.object({
    description: required('Enter the issue'),
    handling: z.string().trim().max(5000, 'How it is handled must be 5000 characters or fewer'),
    raisedOn: dateField('the date it arose'),
    resolved: choice(['yes', 'no'], 'Choose whether the issue is resolved').transform((v) => v === 'yes'),
  }),
  initial: () => ({ resolved: 'no' }),
};

const feedback: PlanSection = {
  addsToList: false,
  form: (p) =>
    returnTo(
      'Give feedback',
      [
        {
          kind: 'radios',
          name: 'fromUrn',
          label: 'Which school is giving the feedback?',
          items: participants(p.members).map((m) => ({ value: String(m.urn), text: m.name })),
        },
        { kind: 'textarea', name: 'body', label: 'Feedback to the other schools or the system leaders' },
      ],
      'Send the feedback',
    ),
  schema: z.object({
    fromUrn: z.string().regex(/^\d+$/, 'Choose the school giving the feedback').transform(Number),
    body: required('Enter the feedback'),
  }),
  initial: () => ({}),
};

const outcomes: PlanSection = {
  addsToList: false,
  form: (p) =>
    returnTo(
      'Record an outcome',
      [
        {
          kind: 'radios',
          name: 'objectiveId',
          label: 'Objective',
          items: p.objectives
            .filter((o) => o.measure === 'custom')
            .map((o) => ({ value: String(o.id), text: `${o.description} (${o.customMeasureName})` })),
        },
        { kind: 'number', name: 'value', label: 'Value', width: 'govuk-input--width-5' },
        { kind: 'date', name: 'recordedOn', label: 'Date measured' },
        { kind: 'textarea', name: 'note', label: 'Note (optional)' },
      ],
      'Record the outcome',
      'Published results are read automatically; record here the measures the partnership keeps itself.',
    ),
  schema: z.object({
    objectiveId: z.string().regex(/^\d+$/, 'Choose the objective').transform(Number),
    value: numberField('the value', { min: -1e9 }),
    recordedOn: dateField('the date measured'),
    note: z.string().trim().max(2000, 'The note must be 2000 characters or fewer'),
  }),
  initial: () => ({}),
};

export const RECORD_SECTIONS: Record<string, PlanSection> = { actions, updates, issues, feedback, outcomes };
