import { describe, expect, it } from 'vitest';
import {
  caseStudyDraft,
  schoolYearOf,
  type CaseStudySource,
} from '../../../../src/domain/practice/case-study.ts';
import { findPersonalData } from '../../../../src/domain/practice/personal-data.ts';
import { partnership } from '../../../builders/partnership.ts';

const source = (over: Partial<CaseStudySource> = {}): CaseStudySource => ({
  partnership: partnership({
    id: 42,
    status: 'closed',
    closure: 'completed',
    milestones: [
      { id: 1, title: 'Joint reading training day', dueDate: '2024-10-01', doneOn: '2024-10-03' },
      { id: 2, title: 'Summer moderation', dueDate: '2025-06-30', doneOn: null },
    ],
  }),
  phases: ['primary'],
  actions: [
    {
      id: 1,
      description: 'Paired reading every morning',
      owner: 'A Head',
      dueDate: '2024-11-01',
      status: 'done',
    },
    {
      id: 2,
      description: 'Parents’ reading café',
      owner: 'B Lead',
      dueDate: '2025-01-01',
      status: 'cancelled',
    },
  ],
  updates: [{ body: 'Fluency checks up in both schools', writtenAt: '2025-03-01T10:00:00.000Z' }],
  estimates: [
    {
      measure: 'ks2.rwmExpectedPercent',
      label: 'Reading, writing and maths at the expected standard',
      unit: 'percentage points',
      estimate: 4.2,
      interval: [1.1, 7.3],
      comparisonSchools: 48,
    },
  ],
  ownMeasures: [
    {
      name: 'Pupils reading at age-related expectations (%)',
      baseline: 60,
      target: 70,
      latest: 72,
      reached: true,
    },
  ],
  ...over,
});

describe('the draft case study of a completed partnership', () => {
  it('is built from the plan, the running record and the impact report, naming the partnership as its evidence', () => {
    const draft = caseStudyDraft(source());
    expect(draft).toMatchObject({
      title: 'Reading together',
      focusAreas: ['literacy'],
      collaboration: 'peer-to-peer',
      phases: ['primary'],
      partnershipId: 42,
      startedIn: 2024,
      language: 'en',
    });
    expect(draft.summary).toBe(
      'School 100001 and School 100002: a peer-to-peer and joint practice development partnership on literacy (reading, writing, English), 1 September 2024 to 28 February 2026.',
    );
    expect(draft.whatWeDid).toContain('Why: Reading results have fallen for three years.');
    expect(draft.whatWeDid).toContain('- Joint reading training day (3 October 2024)');
    expect(draft.whatWeDid).not.toContain('Summer moderation');
    expect(draft.whatWeDid).toContain('- Paired reading every morning');
    expect(draft.whatWeDid).not.toContain('reading café');
    expect(draft.whatWeDid).toContain('1 March 2025: Fluency checks up in both schools');
    expect(draft.resources).toContain('12 staff days were planned.');
    expect(draft.resources).toContain('Costs: £2,400 in all (Supply cover).');
    expect(draft.whatChanged).toContain(
      'Reading, writing and maths at the expected standard: an estimated effect of +4.2 percentage points (95% interval 1.1 to 7.3) against 48 schools like ours',
    );
    expect(draft.whatChanged).toContain('from 60 to 72 against a target of 70 (target reached)');
    expect(draft.howWeKnow).toContain('difference in differences');
  });

  it('shows only the parts the schools choose', () => {
    const draft = caseStudyDraft(source(), ['milestones']);
    expect(draft.whatWeDid).toContain('Joint reading training day');
    expect(draft.whatWeDid).not.toContain('Why:');
    expect(draft.whatWeDid).not.toContain('Paired reading');
    expect(draft.whatWeDid).not.toContain('Fluency checks');
    expect(draft.resources).not.toContain('£');
    expect(draft.whatChanged).toBe('Write what changed for pupils and staff.');
  });

  it('never copies the names of staff or action owners', () => {
    const draft = caseStudyDraft(source());
    const text = JSON.stringify(draft);
    expect(text).not.toContain('A Head');
    expect(text).not.toContain('B Lead');
    expect(findPersonalData({ all: text })).toEqual([]);
  });

  it('stays within the library’s limits however long the record', () => {
    const long = 'Another long step. '.repeat(100);
    const draft = caseStudyDraft(
      source({
        updates: Array.from({ length: 50 }, () => ({ body: long, writtenAt: '2025-03-01T00:00:00Z' })),
      }),
    );
    expect(draft.whatWeDid.length).toBeLessThanOrEqual(6000);
    expect(draft.whatWeDid.endsWith('…')).toBe(true);
  });

  it('counts the school year from September', () => {
    expect(schoolYearOf('2024-09-01')).toBe(2024);
    expect(schoolYearOf('2025-08-31')).toBe(2024);
  });
});
