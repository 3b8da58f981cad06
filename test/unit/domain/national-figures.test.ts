import { describe, expect, it } from 'vitest';
import { nationalFiguresFor, schoolTypeOf } from '../../../src/domain/national-figures.ts';
import type { Performance } from '../../../src/domain/school.ts';

const ks4 = (year: number, progress8: number | null, attainment8: number | null): Performance => ({
  urn: 1,
  year,
  keyStage: 4,
  status: 'final',
  cohort: 150,
  rwmExpectedPercent: null,
  readingExpectedPercent: null,
  writingExpectedPercent: null,
  mathsExpectedPercent: null,
  readingProgress: null,
  writingProgress: null,
  mathsProgress: null,
  progress8,
  attainment8,
  englishMaths5Percent: null,
  raw: {},
});

describe('national figures', () => {
  it("compares a mainstream school with the DfE's published figures, naming the source", () => {
    const figures = nationalFiguresFor(ks4(2019, -0.1, 44), 'mainstream', {
      progress8: -0.2,
      attainment8: 43,
    });
    expect(figures).toEqual([
      expect.objectContaining({
        measure: 'progress8',
        value: 0,
        comparedWith: 'state-funded mainstream schools',
      }),
      expect.objectContaining({
        measure: 'attainment8',
        value: 46.7,
        year: 2019,
        comparedWith: 'state-funded schools',
      }),
    ]);
    expect(figures[1]!.source).toMatch(/Key stage 4 performance, 2019/);
  });

  it('compares a special school only with special schools', () => {
    expect(schoolTypeOf({ phase: 'special' })).toBe('special');
    const figures = nationalFiguresFor(ks4(2019, -1.1, 14), 'special', {
      progress8: -1.234,
      attainment8: 13.1,
    });
    expect(figures.map((f) => [f.measure, f.value, f.comparedWith])).toEqual([
      ['progress8', -1.23, 'special schools in this registry'],
      ['attainment8', 13.1, 'special schools in this registry'],
    ]);
  });

  it('falls back to the registry of the same type, saying so, for a year with no published figures', () => {
    const [p8] = nationalFiguresFor(ks4(2023, 0.2, null), 'mainstream', { progress8: -0.02 });
    expect(p8).toMatchObject({
      year: 2023,
      value: -0.02,
      comparedWith: 'mainstream schools in this registry',
    });
    expect(p8!.source).toMatch(/no published national figure/);
  });

  it('gives no figure for a measure the school does not publish', () => {
    expect(nationalFiguresFor(ks4(2019, null, null), 'mainstream', {})).toEqual([]);
  });
});
