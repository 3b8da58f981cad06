import { allItems, type Emphasis, type Framework, type FrameworkItem } from './framework.ts';
import type { PartnershipType } from '../partnerships/model.ts';
import { answersByItem, ratingOf, type Answer } from './scoring.ts';

export interface Gap {
  sectionId: string;
  item: FrameworkItem;
  rating: number;
  evidence: string;
  /** How far below the top of the scale, 0–1. */
  shortfall: number;
  /** The emphasis the partnership type gives this item (1 when none applies). */
  weight: number;
  /** shortfall × weight: the ranking key. */
  priority: number;
  /** Why the gap weighs more for this partnership type, from the framework's emphasis. */
  reasons: string[];
  /** The framework's suggested next step for this rating. */
  nextStep: string;
}

function emphasisFor(type: PartnershipType, emphases: readonly Emphasis[]): Emphasis | undefined {
  return emphases
    .filter((e) => e.types.includes(type))
    .reduce<Emphasis | undefined>((best, e) => (!best || e.weight > best.weight ? e : best), undefined);
}

/**
 * The items rated as gaps, most important first for the partnership type being considered.
 * The heaviest emphasis that applies (the item's or its section's) multiplies the shortfall;
 * emphases do not compound, so one item cannot run away with the ranking.
 */
export function rankGaps(framework: Framework, answers: readonly Answer[], type: PartnershipType): Gap[] {
  const byItem = answersByItem(answers);
  const { levels, gapAtOrBelow } = framework.scale;
  const lowest = levels[0]!.value;
  const highest = levels[levels.length - 1]!.value;
  const sectionEmphasis = new Map(framework.sections.map((s) => [s.id, s.emphasis]));
  const gaps: Gap[] = [];
  for (const item of allItems(framework)) {
    const answer = byItem.get(item.id);
    const rating = ratingOf(framework, answer);
    if (rating === null || rating > gapAtOrBelow) continue;
    const applied = [
      emphasisFor(type, item.emphasis),
      emphasisFor(type, sectionEmphasis.get(item.sectionId) ?? []),
    ].filter((e) => e !== undefined);
    const heaviest = applied.reduce((w, e) => Math.max(w, e.weight), 1);
    const shortfall = (highest - rating) / (highest - lowest);
    const { sectionId, ...frameworkItem } = item;
    gaps.push({
      sectionId,
      item: frameworkItem,
      rating,
      evidence: answer?.evidence ?? '',
      shortfall,
      weight: heaviest,
      priority: Math.round(shortfall * heaviest * 1000) / 1000,
      reasons: applied.filter((e) => e.weight === heaviest).map((e) => e.reason),
      nextStep: item.nextStepByRating?.[String(rating)] ?? item.whenLow,
    });
  }
  // Array.prototype.sort is stable, so equal priorities keep the framework's order.
  return gaps.sort((a, b) => b.priority - a.priority || a.rating - b.rating);
}
