import { describe, expect, it } from 'vitest';
import { planFromGaps } from '../../../../src/domain/readiness/action-plan.ts';
import { rankGaps } from '../../../../src/domain/readiness/gaps.ts';
import { frameworkSchema } from '../../../../src/domain/readiness/framework.ts';
import { answers, buildFramework, frameworkDocument } from '../../../fixtures/readiness/build-framework.ts';

describe('ranking gaps', () => {
  const framework = buildFramework();
  const rated = answers({ a: 1, b: 2, c: 2, d: 3 });

  it('treats only ratings at or below the gap level as gaps', () => {
    expect(rankGaps(framework, rated, 'sponsorship').map((g) => g.item.id)).toEqual(['a', 'b', 'c']);
  });

  it('puts the item emphasised for deployments first when a deployment is considered', () => {
    // a: shortfall 1 × 1; b: 2/3 × 2 = 1.333; c: 2/3 × 1
    const gaps = rankGaps(framework, rated, 'deployment');
    expect(gaps.map((g) => [g.item.id, g.priority])).toEqual([
      ['b', 1.333],
      ['a', 1],
      ['c', 0.667],
    ]);
    expect(gaps[0]!.reasons).toEqual(['B matters in deployments.']);
  });

  it('applies a section’s emphasis to its items for the partnership type it names', () => {
    const gaps = rankGaps(framework, rated, 'peer-to-peer');
    expect(gaps.map((g) => [g.item.id, g.weight])).toEqual([
      ['a', 1],
      ['c', 1.5],
      ['b', 1],
    ]);
    expect(gaps.find((g) => g.item.id === 'c')!.reasons).toEqual(['Second matters to peers.']);
  });

  it('offers the framework’s next step for each gap', () => {
    expect(rankGaps(framework, rated, 'peer-to-peer').map((g) => g.nextStep)).toEqual([
      'Do A.',
      'Do C.',
      'Do B.',
    ]);
  });

  it('offers the next step the framework gives for the rating, and the general one for other ratings', () => {
    const document = frameworkDocument();
    const [first] = document.sections as Array<{ items: Array<Record<string, unknown>> }>;
    first!.items[0]!.nextStepByRating = { '1': 'Start A from scratch.', '2': 'Widen A beyond a few people.' };
    first!.items[1]!.nextStepByRating = { '1': 'Start B from scratch.' };
    const byLevel = frameworkSchema.parse(document);
    const steps = (ratings: Record<string, number>) =>
      Object.fromEntries(
        rankGaps(byLevel, answers(ratings), 'sponsorship').map((g) => [g.item.id, g.nextStep]),
      );
    expect(steps({ a: 1, b: 2 })).toEqual({ a: 'Start A from scratch.', b: 'Do B.' });
    expect(steps({ a: 2, b: 1 })).toEqual({ a: 'Widen A beyond a few people.', b: 'Start B from scratch.' });
  });
});

describe('the action plan from gaps', () => {
  const framework = buildFramework();

  it('makes one action per gap, most important first and due soonest', () => {
    const gaps = rankGaps(framework, answers({ a: 1, b: 2, c: 2, d: 1 }), 'deployment');
    const plan = planFromGaps(gaps, { startedOn: '2026-01-31', urgentCount: 2 });
    expect(plan.map((p) => [p.priority, p.itemId, p.dueOn, p.status])).toEqual([
      [1, 'b', '2026-03-14', 'not-started'],
      [2, 'a', '2026-03-14', 'not-started'],
      [3, 'd', '2026-04-25', 'not-started'],
      [4, 'c', '2026-04-25', 'not-started'],
    ]);
    expect(plan[0]!.action).toBe('Do B.');
  });

  it('refuses a start date that is not a date', () => {
    expect(() =>
      planFromGaps(rankGaps(framework, answers({ a: 1 }), 'peer-to-peer'), { startedOn: 'soon' }),
    ).toThrow(/startedOn must be a date/);
  });
});
