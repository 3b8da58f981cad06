import { describe, expect, it } from 'vitest';
import {
  checkCommitment,
  daysLeft,
  spreadOverTerms,
  termLoads,
  type Availability,
} from '../../../../src/domain/leaders/availability.ts';
import { translatePhrase } from '../../../../src/i18n/index.ts';

const year: Availability = { daysPerTerm: 6, from: '2025-09-01', to: '2026-07-31' };

describe('spreading a deployment over terms', () => {
  it('puts all the days in the one term a deployment lies in', () => {
    expect(Object.fromEntries(spreadOverTerms({ days: 4, start: '2025-10-01', end: '2025-11-30' }))).toEqual({
      'autumn-2025': 4,
    });
  });

  it('shares the days between terms in proportion to the term days covered', () => {
    // 1 to 31 December (31 days of autumn) and 1 to 31 January (31 days of spring): half each.
    expect(Object.fromEntries(spreadOverTerms({ days: 5, start: '2025-12-01', end: '2026-01-31' }))).toEqual({
      'autumn-2025': 2.5,
      'spring-2026': 2.5,
    });
  });

  it('does not count the August holiday as time the days are spread over', () => {
    // July (31 days of summer) and August (none) to 30 September (30 days of autumn).
    const spread = spreadOverTerms({ days: 61, start: '2026-07-01', end: '2026-09-30' });
    expect(spread.get('summer-2026')).toBe(31);
    expect(spread.get('autumn-2026')).toBe(30);
  });
});

describe('what a system leader has left', () => {
  it('is every declared day when nothing is committed', () => {
    expect(termLoads(year, []).map((t) => [t.label, t.declared, t.committed, t.left])).toEqual([
      ['Autumn 2025', 6, 0, 6],
      ['Spring 2026', 6, 0, 6],
      ['Summer 2026', 6, 0, 6],
    ]);
    expect(daysLeft(year, [], '2025-09-01')).toBe(18);
  });

  it('takes each deployment from the terms it covers', () => {
    const loads = termLoads(year, [
      { days: 4, start: '2025-10-01', end: '2025-10-31' },
      { days: 5, start: '2025-12-01', end: '2026-01-31' },
    ]);
    expect(loads.map((t) => t.left)).toEqual([0, 3.5, 6]);
    expect(loads[0]!.committed).toBe(6.5);
  });

  it('leaves out terms already over, so past days are not offered', () => {
    expect(daysLeft(year, [], '2026-02-01')).toBe(12);
    expect(daysLeft(year, [], '2026-08-15')).toBe(0);
  });

  it('counts a term whole when the availability starts part way through it', () => {
    expect(
      termLoads({ daysPerTerm: 3, from: '2025-11-15', to: '2026-01-10' }, []).map((t) => t.declared),
    ).toEqual([3, 3]);
  });
});

describe('whether a new deployment fits', () => {
  const existing = [{ days: 4, start: '2025-10-01', end: '2025-10-31' }];

  it('accepts days within what is left in each term', () => {
    const fits = checkCommitment(year, existing, { days: 2, start: '2025-11-01', end: '2025-11-30' });
    expect(fits.ok && fits.value[0]!.left).toBe(0);
  });

  it('refuses more days than a term has left, naming the term and what is free', () => {
    const fits = checkCommitment(year, existing, { days: 3, start: '2025-11-01', end: '2025-11-30' });
    expect(fits).toEqual({
      ok: false,
      error: {
        code: 'over-availability',
        message:
          'That is more days than the system leader has left in Autumn 2025 (2 of 6 days free): choose fewer days or other dates',
        // Worded by its season, so that a page in Welsh names the term in Welsh.
        template:
          'That is more days than the system leader has left in Autumn {{year}} ({{free}} of {{declared}} days free): choose fewer days or other dates',
        values: { year: '2025', free: 2, declared: 6 },
      },
    });
  });

  it('refuses more days than several terms have left, naming each term and its days free in the reader’s language', () => {
    // Two days a term, all taken in autumn and one taken in spring; four more over both terms.
    const busy = [
      { days: 2, start: '2025-10-01', end: '2025-10-31' },
      { days: 1, start: '2026-02-01', end: '2026-02-28' },
    ];
    const fits = checkCommitment({ ...year, daysPerTerm: 2 }, busy, {
      days: 4,
      start: '2025-12-01',
      end: '2026-01-31',
    });
    if (fits.ok || !fits.error.phrase) throw new Error('expected a refusal written from its phrase');
    expect(fits.error.message).toBe(
      'That is more days than the system leader has left in Autumn 2025 (0 of 2 days free) and Spring 2026 (1 of 2 days free): choose fewer days or other dates',
    );
    expect(translatePhrase('cy', fits.error.phrase)).toBe(
      'Mae hynny’n fwy o ddiwrnodau nag sydd gan yr arweinydd system ar ôl yn nhymhorau Hydref 2025 (0 o 2 ddiwrnod yn rhydd) a Gwanwyn 2026 (1 o 2 ddiwrnod yn rhydd): dewiswch lai o ddiwrnodau neu ddyddiadau eraill',
    );
  });

  it('refuses dates outside the time the leader is available', () => {
    const fits = checkCommitment(year, [], { days: 1, start: '2026-07-01', end: '2026-09-30' });
    expect(!fits.ok && fits.error.code).toBe('outside-availability');
  });

  it('refuses a deployment wholly in the August holiday', () => {
    const fits = checkCommitment({ ...year, to: '2026-08-31' }, [], {
      days: 1,
      start: '2026-08-03',
      end: '2026-08-07',
    });
    expect(!fits.ok && fits.error.code).toBe('no-term-time');
  });

  it('refuses no days, and dates the wrong way round', () => {
    expect(checkCommitment(year, [], { days: 0, start: '2025-10-01', end: '2025-10-02' }).ok).toBe(false);
    const reversed = checkCommitment(year, [], { days: 1, start: '2025-10-02', end: '2025-10-01' });
    expect(!reversed.ok && reversed.error.code).toBe('dates-reversed');
  });
});
