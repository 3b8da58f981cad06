import { describe, expect, it } from 'vitest';
import { countOf, formatMedian, formatNumber, longDate, signedNumber } from '../../../src/domain/format.ts';

describe('numbers and dates as the service writes them', () => {
  it('writes a median of counts whole, or with the one decimal of a half', () => {
    expect([3, 2.5, 0, 1200].map(formatMedian)).toEqual(['3', '2.5', '0', '1,200']);
  });

  it('writes a date as "13 March 2019", from a date or a timestamp', () => {
    expect(longDate('2019-03-13')).toBe('13 March 2019');
    expect(longDate('2024-09-01T10:00:00Z')).toBe('1 September 2024');
  });

  it('never writes "-0.0" for a value that rounds to zero', () => {
    expect(formatNumber(-0.04, 1)).toBe('0.0');
    expect(formatNumber(-0.0001, 2)).toBe('0.00');
    expect(signedNumber(-0.04, 1)).toBe('0.0');
    expect(formatNumber(-0.06, 1)).toBe('-0.1');
  });

  it('gives progress scores their sign and thousands their separator', () => {
    expect(signedNumber(0.25, 2)).toBe('+0.25');
    expect(signedNumber(-0.8, 2)).toBe('−0.80');
    expect(formatNumber(21536)).toBe('21,536');
  });

  it('counts in the singular for one', () => {
    expect(countOf(1, 'school')).toBe('1 school');
    expect(countOf(2, 'school')).toBe('2 schools');
    expect(countOf(1500, 'person', 'people')).toBe('1,500 people');
  });

  it('writes every number as Intl does, separators and rounding alike', () => {
    // formatNumber adds the separators itself below 1e11; Intl (en-GB) is the reference.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < 20_000; i++) {
      const digits = i % 4;
      const value = (next() - 0.5) * 10 ** Math.floor(next() * 13) + (i % 7 === 0 ? 0.005 : 0);
      const rounded = Number(value.toFixed(digits));
      const intl = new Intl.NumberFormat('en-GB', {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      }).format(rounded === 0 ? 0 : rounded);
      expect(formatNumber(value, digits), `${value} to ${digits}`).toBe(intl);
    }
  });
});
