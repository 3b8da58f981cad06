import { describe, expect, it } from 'vitest';
import {
  inModerationSample,
  submissionProblems,
  statusAfterSubmission,
} from '../../../../src/domain/peer-review/review.ts';

describe('the moderator’s sample', () => {
  it('takes the first review of a cycle and one in every three after it', () => {
    const sampled = [0, 1, 2, 3, 4, 5].filter((p) => inModerationSample(p, { sampleShare: 1 / 3 }));
    expect(sampled).toEqual([0, 3]);
  });

  it('takes every review when the share is one', () => {
    expect([0, 1, 2].every((p) => inModerationSample(p, { sampleShare: 1 }))).toBe(true);
  });

  it('a sampled report goes to the moderator; another is final at once', () => {
    expect(statusAfterSubmission(true)).toBe('submitted');
    expect(statusAfterSubmission(false)).toBe('final');
  });
});

describe('submitting a report', () => {
  const ready = {
    status: 'planned' as const,
    teamProblems: [],
    selfEvaluationDone: true,
    findings: 2,
    judgements: 3,
  };

  it('goes when the team is complete, the host has evaluated itself and there are judgements and findings', () => {
    expect(submissionProblems(ready)).toEqual([]);
  });

  it('names everything missing', () => {
    expect(
      submissionProblems({
        ...ready,
        teamProblems: ['The team needs a trained lead reviewer.'],
        selfEvaluationDone: false,
        findings: 0,
        judgements: 0,
      }),
    ).toHaveLength(4);
  });

  it('cannot be submitted twice', () => {
    expect(submissionProblems({ ...ready, status: 'final' })).toEqual([
      'The report has already been submitted.',
    ]);
  });
});
