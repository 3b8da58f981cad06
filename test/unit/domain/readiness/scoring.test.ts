import { describe, expect, it } from 'vitest';
import { sectionProgress } from '../../../../src/domain/readiness/progress.ts';
import { scoreAssessment } from '../../../../src/domain/readiness/scoring.ts';
import { answers, buildFramework } from '../../../fixtures/readiness/build-framework.ts';

describe('scoring an assessment', () => {
  const framework = buildFramework();

  it('scores each section as the mean rating and as a percentage of the scale', () => {
    const profile = scoreAssessment(framework, answers({ a: 1, b: 4, c: 3, d: 3 }));
    expect(profile.sections.map((s) => [s.sectionId, s.meanRating, s.percent])).toEqual([
      ['first', 2.5, 50],
      ['second', 3, 67],
    ]);
    expect(profile.overall).toEqual({ itemCount: 4, answered: 4, meanRating: 2.8, percent: 58 });
  });

  it('leaves unanswered and off-scale ratings out of the score and lists what is unanswered', () => {
    const profile = scoreAssessment(framework, answers({ a: 4, b: null, c: 9 }));
    expect(profile.sections[0]).toMatchObject({ answered: 1, percent: 100 });
    expect(profile.sections[1]).toMatchObject({ answered: 0, meanRating: null, percent: null });
    expect(profile.unanswered.map((u) => u.item.id)).toEqual(['b', 'c', 'd']);
  });

  it('counts items at the top of the scale as strengths', () => {
    const profile = scoreAssessment(framework, answers({ a: 3, b: 4, c: 4, d: 2 }));
    expect(profile.strengths.map((s) => s.item.id)).toEqual(['b', 'c']);
  });
});

describe('progress through the questionnaire', () => {
  const framework = buildFramework();

  it('marks a section completed only when every item is rated, in progress once anything is written', () => {
    const progress = sectionProgress(framework, [
      { itemId: 'a', rating: 2, evidence: '' },
      { itemId: 'b', rating: 3, evidence: '' },
      { itemId: 'c', rating: null, evidence: 'Thinking about it' },
    ]);
    expect(progress.map((p) => [p.sectionId, p.status, p.rated])).toEqual([
      ['first', 'completed', 2],
      ['second', 'in-progress', 0],
    ]);
    expect(sectionProgress(framework, [])[0]!.status).toBe('not-started');
  });
});
