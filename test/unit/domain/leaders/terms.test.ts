import { describe, expect, it } from 'vitest';
import {
  overlapDays,
  termContaining,
  termLabel,
  termsBetween,
} from '../../../../src/domain/leaders/terms.ts';

describe('school terms', () => {
  it('places a date in its term, and August in none', () => {
    expect(termContaining('2025-10-15')).toMatchObject({
      schoolYear: 2025,
      name: 'autumn',
      start: '2025-09-01',
      end: '2025-12-31',
    });
    expect(termContaining('2026-02-28')).toMatchObject({
      schoolYear: 2025,
      name: 'spring',
      end: '2026-03-31',
    });
    expect(termContaining('2026-07-31')).toMatchObject({ schoolYear: 2025, name: 'summer' });
    expect(termContaining('2026-08-10')).toBeUndefined();
  });

  it('labels a term by the calendar year it falls in', () => {
    expect(termsBetween('2025-09-01', '2026-07-31').map(termLabel)).toEqual([
      'Autumn 2025',
      'Spring 2026',
      'Summer 2026',
    ]);
  });

  it('lists every term a span touches, across a summer holiday', () => {
    expect(termsBetween('2026-06-15', '2026-09-02').map(termLabel)).toEqual(['Summer 2026', 'Autumn 2026']);
    expect(termsBetween('2026-08-01', '2026-08-31')).toEqual([]);
  });

  it('counts the days of a span inside a term, both ends included', () => {
    const spring = termContaining('2026-01-10')!;
    expect(overlapDays(spring, '2026-03-30', '2026-04-05')).toBe(2);
    expect(overlapDays(spring, '2026-04-01', '2026-04-05')).toBe(0);
  });
});
