import { describe, expect, it } from 'vitest';
import { answerRows, buildReport } from '../../../../src/domain/readiness/report.ts';
import { answers, buildFramework } from '../../../fixtures/readiness/build-framework.ts';

describe('the readiness report', () => {
  const framework = buildFramework();

  it('suggests the next steps of the most important gaps for the partnership type', () => {
    const report = buildReport(framework, answers({ a: 1, b: 2, c: 4, d: 4 }), {
      partnershipType: 'deployment',
      nextStepCount: 1,
    });
    expect(report.nextSteps).toEqual([{ itemId: 'b', question: 'B?', step: 'Do B.' }]);
    expect(report.changes).toBeNull();
  });

  it('shows the change in each section since the previous completed assessment', () => {
    const report = buildReport(framework, answers({ a: 4, b: 4, c: 2, d: 2 }), {
      partnershipType: 'peer-to-peer',
      previousAnswers: answers({ a: 1, b: 1, c: 2, d: 2 }),
    });
    expect(report.changes!.map((c) => [c.sectionId, c.before, c.now, c.change])).toEqual([
      ['first', 0, 100, 100],
      ['second', 33, 33, 0],
    ]);
  });

  it('gives one export row per item with its label, gap and strength flags', () => {
    const rows = answerRows(framework, answers({ a: 1, b: 4 }));
    expect(rows.map((r) => [r.item, r.rating, r.ratingLabel, r.gap, r.strength])).toEqual([
      ['a', '1', 'Level 1', 'yes', 'no'],
      ['b', '4', 'Level 4', 'no', 'yes'],
      ['c', '', 'Not answered', 'no', 'no'],
      ['d', '', 'Not answered', 'no', 'no'],
    ]);
  });
});
