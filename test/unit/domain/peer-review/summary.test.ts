import { describe, expect, it } from 'vitest';
import {
  summarise,
  supportedWithinTerm,
  type SummaryFinding,
} from '../../../../src/domain/peer-review/summary.ts';

const finding = (urn: number, over: Partial<SummaryFinding> = {}): SummaryFinding => ({
  urn,
  focusArea: 'literacy',
  kind: 'area-to-develop',
  supportedWithinTerm: false,
  ...over,
});
const schools = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('anonymised figures', () => {
  it('withhold every count resting on fewer schools than the threshold', () => {
    const figures = summarise(
      { schoolsInCycles: schools(4), findings: schools(4).map((u) => finding(u)) },
      5,
    );
    expect(figures).toEqual({
      schoolsInCycles: null,
      schoolsReviewed: null,
      areas: [],
      areasToDevelop: null,
      supportedWithinTerm: null,
    });
  });

  it('show counts resting on enough schools', () => {
    const findings = [
      ...schools(5).map((u) => finding(u, { supportedWithinTerm: u <= 2 })),
      ...schools(5).map((u) => finding(u, { kind: 'strength', focusArea: 'leadership' })),
    ];
    const figures = summarise({ schoolsInCycles: schools(6), findings }, 5);
    expect(figures.schoolsInCycles).toBe(6);
    expect(figures.schoolsReviewed).toBe(5);
    expect(figures.areasToDevelop).toBe(5);
    expect(figures.supportedWithinTerm).toBe(2);
    expect(figures.areas).toEqual([
      { focusArea: 'literacy', strengths: null, areasToDevelop: 5 },
      { focusArea: 'leadership', strengths: 5, areasToDevelop: null },
    ]);
  });

  it('count schools, not findings: many findings at one school cannot lift a count over the threshold', () => {
    const findings = Array.from({ length: 10 }, () => finding(1));
    expect(summarise({ schoolsInCycles: schools(9), findings }, 5).areas).toEqual([]);
  });

  it('list the areas most often found to develop first', () => {
    const findings = [
      ...schools(5).map((u) => finding(u, { focusArea: 'numeracy' })),
      ...schools(6).map((u) => finding(u, { focusArea: 'send' })),
    ];
    expect(summarise({ schoolsInCycles: schools(6), findings }, 5).areas.map((a) => a.focusArea)).toEqual([
      'send',
      'numeracy',
    ]);
  });
});

describe('support within a term', () => {
  it('counts support up to thirteen weeks after the report is final', () => {
    expect(supportedWithinTerm('2026-01-05', '2026-04-06')).toBe(true);
    expect(supportedWithinTerm('2026-01-05', '2026-04-07')).toBe(false);
    expect(supportedWithinTerm('2026-01-05', null)).toBe(false);
  });
});
