/**
 * A review's course and the rules that keep it rigorous: every judgement and finding cites its
 * evidence; a report is submitted only with a complete team, the host's self-evaluation and at
 * least one finding; a sample of reports is moderated before it is final; the host can challenge
 * a finding and the outcome is recorded.
 */

export const REVIEW_STATUSES = ['planned', 'submitted', 'final'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export const REVIEW_STATUS_LABELS: Record<ReviewStatus, string> = {
  planned: 'Planned',
  submitted: 'With the moderator',
  final: 'Final',
};

export const FINDING_KINDS = ['strength', 'area-to-develop'] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];
export const FINDING_KIND_LABELS: Record<FindingKind, string> = {
  strength: 'What went well',
  'area-to-develop': 'Even better if',
};

export const CHALLENGE_OUTCOMES = ['upheld', 'amended', 'withdrawn'] as const;
export type ChallengeOutcome = (typeof CHALLENGE_OUTCOMES)[number];
export const CHALLENGE_OUTCOME_LABELS: Record<ChallengeOutcome, string> = {
  upheld: 'The finding stands',
  amended: 'The finding was amended',
  withdrawn: 'The finding was withdrawn',
};

// A finding's action joins the host school's plan, so it moves through the plan's own statuses.
export { ACTION_STATUSES, ACTION_STATUS_LABELS, type ActionStatus } from '../readiness/action-plan.ts';

export interface ModerationSettings {
  /** The share of a cycle's reviews the moderator reads before they are final, e.g. 1/3. */
  sampleShare: number;
}

export const DEFAULT_MODERATION_SETTINGS: ModerationSettings = { sampleShare: 1 / 3 };

/**
 * Whether the review at this place in the cycle's schedule (0 first) is in the moderator's
 * sample: the first, and then one in every 1/share. Fixed when the cycle is scheduled, so nobody
 * can steer a report out of the sample.
 */
export function inModerationSample(position: number, settings: ModerationSettings): boolean {
  const every = Math.max(1, Math.round(1 / settings.sampleShare));
  return position % every === 0;
}

export interface SubmissionFacts {
  status: ReviewStatus;
  teamProblems: readonly string[];
  selfEvaluationDone: boolean;
  findings: number;
  judgements: number;
}

/** What stops the lead reviewer from submitting the report; empty when it can go. */
export function submissionProblems(facts: SubmissionFacts): string[] {
  if (facts.status !== 'planned') return ['The report has already been submitted.'];
  const problems = [...facts.teamProblems];
  if (!facts.selfEvaluationDone)
    problems.push('The host school has not shared its self-evaluation and chosen focus.');
  if (facts.judgements === 0) problems.push('Record a judgement, with its evidence, for at least one area.');
  if (facts.findings === 0) problems.push('Record at least one finding, with its evidence.');
  return problems;
}

/** Where a submitted report goes: to the moderator when sampled, otherwise straight to final. */
export const statusAfterSubmission = (sampled: boolean): ReviewStatus => (sampled ? 'submitted' : 'final');
