import { describe, expect, it } from 'vitest';
import { costing, suggestedDayRate, summariseBySchool } from '../../../../src/domain/leaders/costing.ts';

describe('what a deployment costs', () => {
  it('is the days times the agreed day rate, with who pays', () => {
    expect(costing(6, 450, 'client-school')).toEqual({
      days: 6,
      dayRatePounds: 450,
      totalPounds: 2700,
      paidBy: 'client-school',
    });
  });

  it('counts half days and pence exactly', () => {
    expect(costing(2.5, 333.33, 'organisation').totalPounds).toBe(833.33);
  });

  it('is nothing at no charge', () => {
    expect(costing(4, 0, 'leader-school').totalPounds).toBe(0);
  });
});

describe('the day rate a commissioner starts from', () => {
  const outside = { sameTrust: false, sameLocalAuthority: false };

  it('is the leader’s published rate for a school outside their circle', () => {
    expect(suggestedDayRate({ dayRatePounds: 450, freeWithin: 'trust' }, outside)).toBe(450);
  });

  it('is nothing within the trust or local authority where the leader makes no charge', () => {
    expect(
      suggestedDayRate({ dayRatePounds: 450, freeWithin: 'trust' }, { ...outside, sameTrust: true }),
    ).toBe(0);
    expect(
      suggestedDayRate(
        { dayRatePounds: 450, freeWithin: 'local-authority' },
        { ...outside, sameLocalAuthority: true },
      ),
    ).toBe(0);
  });

  it('keeps the rate when the leader is free only in the other circle', () => {
    expect(
      suggestedDayRate({ dayRatePounds: 450, freeWithin: 'trust' }, { ...outside, sameLocalAuthority: true }),
    ).toBe(450);
  });

  it('is nothing for a leader who makes no charge', () => {
    expect(suggestedDayRate({ dayRatePounds: null, freeWithin: null }, outside)).toBe(0);
  });
});

describe('an officer’s summary of days and cost by school', () => {
  it('adds each school’s deployments, schools by name, with totals', () => {
    const summary = summariseBySchool([
      { clientUrn: 2, clientName: 'Birchfield', costing: costing(4, 450, 'organisation') },
      { clientUrn: 1, clientName: 'Ashgrove', costing: costing(2.5, 400, 'client-school') },
      { clientUrn: 2, clientName: 'Birchfield', costing: costing(1, 0, 'leader-school') },
    ]);
    expect(summary.schools).toEqual([
      { urn: 1, name: 'Ashgrove', deployments: 1, days: 2.5, totalPounds: 1000 },
      { urn: 2, name: 'Birchfield', deployments: 2, days: 5, totalPounds: 1800 },
    ]);
    expect(summary.total).toEqual({ deployments: 3, days: 7.5, totalPounds: 2800 });
  });

  it('is empty with zero totals when nothing was commissioned', () => {
    expect(summariseBySchool([])).toEqual({
      schools: [],
      total: { deployments: 0, days: 0, totalPounds: 0 },
    });
  });
});
