import { describe, expect, it } from 'vitest';
import { comparePair } from '../../../../src/domain/readiness/pairing.ts';
import { answers, buildFramework } from '../../../fixtures/readiness/build-framework.ts';

const sections = (prefix: string, other: string) => [
  {
    id: 'trust',
    title: 'Trust',
    items: [
      { id: `${prefix}-trust`, question: 'Trust?', guidance: 'G', whenLow: 'W', pairsWith: `${other}-trust` },
    ],
  },
  {
    id: 'time',
    title: 'Time',
    items: [
      { id: `${prefix}-time`, question: 'Time?', guidance: 'G', whenLow: 'W', pairsWith: `${other}-time` },
    ],
  },
];

describe('the paired view of a deployment', () => {
  const leader = buildFramework({
    id: 'leader',
    pair: { with: 'client', disagreementAtLeast: 2 },
    sections: sections('sl', 'cl'),
  });
  const client = buildFramework({
    id: 'client',
    pair: { with: 'leader', disagreementAtLeast: 2 },
    sections: sections('cl', 'sl'),
  });

  it('flags items where the two sides’ ratings differ by the threshold or more', () => {
    const rows = comparePair(
      { framework: leader, answers: answers({ 'sl-trust': 4, 'sl-time': 3 }) },
      { framework: client, answers: answers({ 'cl-trust': 1, 'cl-time': 2 }) },
    );
    expect(rows.map((r) => [r.sectionTitle, r.ours.rating, r.theirs.rating, r.disagree])).toEqual([
      ['Trust', 4, 1, true],
      ['Time', 3, 2, false],
    ]);
  });

  it('does not call an item a disagreement until both sides have answered', () => {
    const rows = comparePair(
      { framework: leader, answers: answers({ 'sl-trust': 4 }) },
      { framework: client, answers: [] },
    );
    expect(rows[0]).toMatchObject({ difference: null, disagree: false });
  });

  it('refuses to compare frameworks that are not a pair', () => {
    expect(() => comparePair({ framework: leader, answers: [] }, { framework: leader, answers: [] })).toThrow(
      /not paired/,
    );
  });
});
