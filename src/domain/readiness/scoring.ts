import { allItems, type Framework, type FrameworkItem } from './framework.ts';

/** One answer: a rating on the framework's scale (null while unanswered) and the evidence for it. */
export interface Answer {
  itemId: string;
  rating: number | null;
  evidence: string;
}

export interface SectionScore {
  sectionId: string;
  title: string;
  itemCount: number;
  answered: number;
  /** Mean rating of the answered items, on the framework's scale. */
  meanRating: number | null;
  /** The mean placed on 0–100 between the scale's lowest and highest level. */
  percent: number | null;
}

export interface RatedItem {
  sectionId: string;
  item: FrameworkItem;
  rating: number;
  evidence: string;
}

export interface Profile {
  sections: SectionScore[];
  overall: { itemCount: number; answered: number; meanRating: number | null; percent: number | null };
  /** Items rated at or above the scale's strength level, highest first. */
  strengths: RatedItem[];
  /** Items not yet answered, in framework order. */
  unanswered: Array<{ sectionId: string; item: FrameworkItem }>;
}

function round1(n: number): number {
  return Math.round(n * 10) / 10;
}

export function answersByItem(answers: readonly Answer[]): Map<string, Answer> {
  return new Map(answers.map((a) => [a.itemId, a]));
}

/** Ratings that are on the scale; anything else counts as unanswered. */
export function ratingOf(framework: Framework, answer: Answer | undefined): number | null {
  const rating = answer?.rating;
  if (rating === null || rating === undefined) return null;
  return framework.scale.levels.some((l) => l.value === rating) ? rating : null;
}

function summarise(framework: Framework, ratings: number[], itemCount: number) {
  const { levels } = framework.scale;
  const lowest = levels[0]!.value;
  const highest = levels[levels.length - 1]!.value;
  if (ratings.length === 0) return { itemCount, answered: 0, meanRating: null, percent: null };
  const mean = ratings.reduce((s, r) => s + r, 0) / ratings.length;
  return {
    itemCount,
    answered: ratings.length,
    meanRating: round1(mean),
    percent: Math.round(((mean - lowest) / (highest - lowest)) * 100),
  };
}

/** The scored profile of one assessment: by section, overall, strengths and what is left to answer. */
export function scoreAssessment(framework: Framework, answers: readonly Answer[]): Profile {
  const byItem = answersByItem(answers);
  const sections = framework.sections.map((s) => {
    const ratings = s.items.map((it) => ratingOf(framework, byItem.get(it.id))).filter((r) => r !== null);
    return { sectionId: s.id, title: s.title, ...summarise(framework, ratings, s.items.length) };
  });
  const items = allItems(framework);
  const rated: RatedItem[] = [];
  const unanswered: Profile['unanswered'] = [];
  for (const item of items) {
    const answer = byItem.get(item.id);
    const rating = ratingOf(framework, answer);
    if (rating === null) unanswered.push({ sectionId: item.sectionId, item });
    else rated.push({ sectionId: item.sectionId, item, rating, evidence: answer?.evidence ?? '' });
  }
  const strengths = rated
    .filter((r) => r.rating >= framework.scale.strengthAtOrAbove)
    .sort((a, b) => b.rating - a.rating);
  return {
    sections,
    overall: summarise(
      framework,
      rated.map((r) => r.rating),
      items.length,
    ),
    strengths,
    unanswered,
  };
}
