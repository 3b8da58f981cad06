import { phrase, type Phrase } from '../words.ts';

/**
 * The reviewer register: who has been trained to review (when, and by whom), how many reviews
 * they have done, and whether that is enough to lead one. Confidence in the people doing the
 * reviews (seed 004) starts here.
 */

export interface Reviewer {
  userId: number;
  name: string;
  /** The school the reviewer serves at: reviewers are serving leaders. */
  homeUrn: number;
  /** yyyy-mm-dd; null until the training is recorded. */
  trainedOn: string | null;
  trainedBy: string | null;
  /** Reviews done before S2S (declared with the training). */
  earlierReviews: number;
  /** Reviews the person has been on in S2S whose report is final. */
  reviewsOnS2S: number;
  /** When they agreed to the reviewer's undertaking (confidentiality, declaring conflicts). */
  agreedAt: string | null;
}

export interface ReviewerSettings {
  /** A person leads a review only after taking part in this many. */
  reviewsBeforeLeading: number;
}

export const DEFAULT_REVIEWER_SETTINGS: ReviewerSettings = { reviewsBeforeLeading: 2 };

export const reviewsDone = (r: Reviewer): number => r.earlierReviews + r.reviewsOnS2S;

export const isTrained = (r: Reviewer): boolean => r.trainedOn !== null && r.trainedBy !== null;

/** Why a reviewer may not take part in a review at all; null when they may. */
export function reviewRefusal(r: Reviewer): Phrase | null {
  if (!isTrained(r))
    return phrase('{{name}} has no training recorded in the reviewer register.', { name: r.name });
  if (r.agreedAt === null)
    return phrase("{{name}} has not agreed to the reviewer's undertaking.", { name: r.name });
  return null;
}

/** Why a reviewer may not lead a review; null when they may. The count is for the reader's language. */
export function leadRefusal(r: Reviewer, settings: ReviewerSettings): Phrase | null {
  const refusal = reviewRefusal(r);
  if (refusal) return refusal;
  const done = reviewsDone(r);
  if (done >= settings.reviewsBeforeLeading) return null;
  const reviews = done === 1 ? 'review' : 'reviews';
  return phrase(`{{name}} has taken part in {{done}} ${reviews}; a lead reviewer needs {{needed}}.`, {
    name: r.name,
    done,
    needed: settings.reviewsBeforeLeading,
    count: done,
  });
}
