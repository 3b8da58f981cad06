import { describe, expect, it } from 'vitest';
import type { Conflict } from '../../../../src/domain/peer-review/conflicts.ts';
import { leadRefusal, type Reviewer } from '../../../../src/domain/peer-review/reviewers.ts';
import { phrase, writePhrase } from '../../../../src/domain/words.ts';
import { candidateRefusal, teamProblems, type Candidate } from '../../../../src/domain/peer-review/team.ts';

const settings = { reviewsBeforeLeading: 2 };
const reviewer = (over: Partial<Reviewer> = {}): Reviewer => ({
  userId: 10,
  name: 'Ada Reviewer',
  homeUrn: 2,
  trainedOn: '2025-09-01',
  trainedBy: 'Northern Hub',
  earlierReviews: 2,
  reviewsOnS2S: 0,
  agreedAt: '2025-09-02',
  ...over,
});
const candidate = (over: Partial<Candidate> = {}): Candidate => ({
  reviewer: reviewer(),
  role: 'reviewer',
  servesHost: false,
  conflicts: [],
  override: null,
  ...over,
});
const conflict: Conflict = {
  kind: 'same-trust',
  source: 'detected',
  reason: phrase('{{school}} and {{host}} are both in {{trust}}.', {
    school: 'Oak Primary',
    host: 'Ash Primary',
    trust: 'Northern Lights Trust',
  }),
};

/** The refusal as an English reader reads it. */
const refusalOf = (...args: Parameters<typeof candidateRefusal>) => {
  const refusal = candidateRefusal(...args);
  return refusal && writePhrase(refusal);
};

describe('who may join a review team', () => {
  it('a trained reviewer with no conflict', () => {
    expect(refusalOf(candidate(), [], settings)).toBeNull();
  });

  it('never someone who serves at the host school, override or not', () => {
    const refusal = refusalOf(
      candidate({ servesHost: true, override: { moderatorUserId: 9, reason: 'short of reviewers' } }),
      [],
      settings,
    );
    expect(refusal).toMatch(/serves at the host school/);
  });

  it('not someone without recorded training', () => {
    expect(refusalOf(candidate({ reviewer: reviewer({ trainedOn: null }) }), [], settings)).toMatch(
      /no training/,
    );
  });

  it('not someone who has not agreed to the reviewer’s undertaking', () => {
    expect(refusalOf(candidate({ reviewer: reviewer({ agreedAt: null }) }), [], settings)).toMatch(
      /undertaking/,
    );
  });

  it('a conflicted reviewer is refused, naming the conflict and the moderator’s override', () => {
    const refusal = refusalOf(candidate({ conflicts: [conflict] }), [], settings);
    expect(refusal).toMatch(/Northern Lights Trust/);
    expect(refusal).toMatch(/moderator/);
  });

  it('a conflicted reviewer joins with a moderator’s override and its reason', () => {
    const override = { moderatorUserId: 9, reason: 'The trust link ended last year.' };
    expect(refusalOf(candidate({ conflicts: [conflict], override }), [], settings)).toBeNull();
  });

  it('an override without a reason is no override', () => {
    const override = { moderatorUserId: 9, reason: '  ' };
    expect(refusalOf(candidate({ conflicts: [conflict], override }), [], settings)).toMatch(/reason/);
  });

  it('nobody twice', () => {
    expect(refusalOf(candidate(), [{ userId: 10, role: 'reviewer' }], settings)).toMatch(
      /already on the team/,
    );
  });
});

describe('leading a review', () => {
  const writtenLead = (r: Reviewer) => {
    const refusal = leadRefusal(r, settings);
    return refusal && writePhrase(refusal);
  };

  it('needs the set number of reviews, counting earlier ones and those on S2S', () => {
    expect(writtenLead(reviewer({ earlierReviews: 1, reviewsOnS2S: 0 }))).toMatch(/taken part in 1 review;/);
    expect(leadRefusal(reviewer({ earlierReviews: 1, reviewsOnS2S: 1 }), settings)).toBeNull();
  });

  it('needs training, however many reviews', () => {
    expect(writtenLead(reviewer({ trainedBy: null, earlierReviews: 9 }))).toMatch(/no training/);
  });

  it('one lead per team', () => {
    expect(refusalOf(candidate({ role: 'lead' }), [{ userId: 11, role: 'lead' }], settings)).toMatch(
      /already has a lead/,
    );
  });
});

describe('a complete team', () => {
  it('has a lead and at least one other reviewer', () => {
    expect(teamProblems([])).toHaveLength(2);
    expect(
      teamProblems([
        { userId: 1, role: 'reviewer' },
        { userId: 2, role: 'reviewer' },
      ]),
    ).toEqual(['The team needs a trained lead reviewer.']);
    expect(teamProblems([{ userId: 1, role: 'lead' }])).toEqual([
      'The team needs at least one reviewer beside the lead.',
    ]);
    expect(
      teamProblems([
        { userId: 1, role: 'lead' },
        { userId: 2, role: 'reviewer' },
      ]),
    ).toEqual([]);
  });
});
