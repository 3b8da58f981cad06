import { DEFAULT_CONFLICT_SETTINGS, type ConflictSettings } from './conflicts.ts';
import { DEFAULT_REVIEWER_SETTINGS, type ReviewerSettings } from './reviewers.ts';
import { DEFAULT_MODERATION_SETTINGS, type ModerationSettings } from './review.ts';
import { DEFAULT_SUPPRESSION_THRESHOLD } from './summary.ts';

/** Peer review's configurable rules, read from the environment in config.ts. */
export interface PeerReviewSettings {
  conflicts: ConflictSettings;
  reviewers: ReviewerSettings;
  moderation: ModerationSettings;
  /** Anonymised figures are withheld when they rest on fewer schools than this. */
  suppressBelow: number;
}

export const DEFAULT_PEER_REVIEW_SETTINGS: PeerReviewSettings = {
  conflicts: DEFAULT_CONFLICT_SETTINGS,
  reviewers: DEFAULT_REVIEWER_SETTINGS,
  moderation: DEFAULT_MODERATION_SETTINGS,
  suppressBelow: DEFAULT_SUPPRESSION_THRESHOLD,
};
