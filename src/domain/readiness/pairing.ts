import { allItems, type Framework, type FrameworkItem } from './framework.ts';
import { answersByItem, ratingOf, type Answer } from './scoring.ts';

export interface PairedItem {
  sectionId: string;
  sectionTitle: string;
  /** The item asked of the framework that declares the pair (e.g. the system leader's). */
  ours: { item: FrameworkItem; rating: number | null; evidence: string };
  theirs: { item: FrameworkItem; rating: number | null; evidence: string };
  /** Absolute difference in rating; null unless both sides have answered. */
  difference: number | null;
  disagree: boolean;
}

/**
 * Lines up the two sides of a deployment item by item (through `pairsWith`) and flags where their
 * ratings differ by at least the framework's disagreement threshold.
 */
export function comparePair(
  ours: { framework: Framework; answers: readonly Answer[] },
  theirs: { framework: Framework; answers: readonly Answer[] },
): PairedItem[] {
  const threshold = ours.framework.pair?.disagreementAtLeast;
  if (threshold === undefined || ours.framework.pair?.with !== theirs.framework.id) {
    throw new Error(`"${ours.framework.id}" is not paired with "${theirs.framework.id}"`);
  }
  const ourAnswers = answersByItem(ours.answers);
  const theirAnswers = answersByItem(theirs.answers);
  const theirItems = new Map(allItems(theirs.framework).map((it) => [it.id, it]));
  const titles = new Map(ours.framework.sections.map((s) => [s.id, s.title]));
  const rows: PairedItem[] = [];
  for (const item of allItems(ours.framework)) {
    const other = item.pairsWith ? theirItems.get(item.pairsWith) : undefined;
    if (!other) continue;
    const ourRating = ratingOf(ours.framework, ourAnswers.get(item.id));
    const theirRating = ratingOf(theirs.framework, theirAnswers.get(other.id));
    const difference = ourRating !== null && theirRating !== null ? Math.abs(ourRating - theirRating) : null;
    const { sectionId, ...ourItem } = item;
    const { sectionId: _theirSection, ...theirItem } = other;
    rows.push({
      sectionId,
      sectionTitle: titles.get(sectionId) ?? sectionId,
      ours: { item: ourItem, rating: ourRating, evidence: ourAnswers.get(item.id)?.evidence ?? '' },
      theirs: { item: theirItem, rating: theirRating, evidence: theirAnswers.get(other.id)?.evidence ?? '' },
      difference,
      disagree: difference !== null && difference >= threshold,
    });
  }
  return rows;
}
