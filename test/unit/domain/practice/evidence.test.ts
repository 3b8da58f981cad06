import { describe, expect, it } from 'vitest';
import {
  evidenceLevel,
  figuresFor,
  levelsAtLeast,
  type ComparisonEstimate,
  type FigureChange,
} from '../../../../src/domain/practice/evidence.ts';
import { ks2Results, ks4Results } from '../../../builders/school-records.ts';

const estimate = (value: number): ComparisonEstimate => ({
  measure: 'ks2.readingProgress',
  label: 'KS2 reading progress score',
  unit: 'points',
  estimate: value,
  interval: [value - 1, value + 1],
  comparisonSchools: 120,
});
const rose: FigureChange = {
  measure: 'ks2.readingProgress',
  label: 'KS2 reading progress score',
  unit: 'points',
  before: { year: 2022, value: -1 },
  after: { year: 2024, value: 1.5 },
  change: 2.5,
  improved: true,
};
const fell: FigureChange = { ...rose, after: { year: 2024, value: -2 }, change: -1, improved: false };
const nothing = { figures: [], estimates: [], externalEvaluation: '', externalChecked: false };

describe('the evidence level of a practice record', () => {
  it('is the school’s own account when S2S can check nothing', () => {
    expect(evidenceLevel(nothing)).toBe('own-account');
  });

  it('is backed by data only when a published figure rose since the practice began', () => {
    expect(evidenceLevel({ ...nothing, figures: [rose] })).toBe('data-backed');
    expect(evidenceLevel({ ...nothing, figures: [fell] })).toBe('own-account');
  });

  it('is evaluated against a comparison group when a completed partnership’s estimate points the right way', () => {
    expect(evidenceLevel({ ...nothing, figures: [rose], estimates: [estimate(1.2)] })).toBe(
      'comparison-group',
    );
    expect(evidenceLevel({ ...nothing, figures: [rose], estimates: [estimate(-0.4)] })).toBe('data-backed');
  });

  it('is external only once a moderator has checked the reference the author gave', () => {
    const claimed = { ...nothing, externalEvaluation: 'University of Leeds evaluation, 2024' };
    expect(evidenceLevel(claimed)).toBe('own-account');
    expect(evidenceLevel({ ...claimed, externalChecked: true })).toBe('external');
    expect(evidenceLevel({ ...nothing, externalChecked: true })).toBe('own-account');
  });

  it('filters "at least" a level by the published order', () => {
    expect(levelsAtLeast('data-backed')).toEqual(['data-backed', 'comparison-group', 'external']);
    expect(levelsAtLeast('own-account')).toHaveLength(4);
  });
});

describe('the published figures either side of the start', () => {
  const results = [
    ks2Results({ year: 2019, readingProgress: -1.2, writingProgress: 0.4, mathsProgress: 2 }),
    ks2Results({ year: 2022, readingProgress: -0.5, writingProgress: 0.1, mathsProgress: 1 }),
    ks2Results({ year: 2023, readingProgress: 0.8, writingProgress: null, mathsProgress: 0.5 }),
    ks2Results({ year: 2024, readingProgress: 1.5, writingProgress: null, mathsProgress: 0.2 }),
  ];

  it('compares the summer before the practice began with the latest summer since, in the record’s areas', () => {
    const figures = figuresFor(results, ['literacy'], 2022);
    expect(figures.map((f) => [f.measure, f.before, f.after, f.improved])).toEqual([
      ['ks2.readingProgress', { year: 2022, value: -0.5 }, { year: 2024, value: 1.5 }, true],
    ]);
    // Writing has no result since the start, so it is left out rather than guessed.
    expect(figures[0]!.change).toBeCloseTo(2);
  });

  it('takes the latest summer before the start when the summer itself has no results', () => {
    const [maths] = figuresFor(results, ['numeracy'], 2020);
    expect(maths).toMatchObject({
      before: { year: 2019, value: 2 },
      after: { year: 2024, value: 0.2 },
      improved: false,
    });
  });

  it('has nothing to show without a start, for areas the results tables do not measure, or with no results since', () => {
    expect(figuresFor(results, ['literacy'], null)).toEqual([]);
    expect(figuresFor(results, ['governance', 'wellbeing'], 2022)).toEqual([]);
    expect(figuresFor(results, ['literacy'], 2024)).toEqual([]);
  });

  it('reads key stage 4 measures for a secondary school’s record', () => {
    const secondary = [
      ks4Results({ year: 2022, progress8: -0.3, attainment8: 40 }),
      ks4Results({ year: 2024, progress8: 0.1, attainment8: 44 }),
    ];
    expect(figuresFor(secondary, ['teaching-and-learning'], 2022).map((f) => f.measure)).toEqual([
      'ks4.progress8',
      'ks4.attainment8',
    ]);
  });
});
