import { phrase, phraseList, type Phrase } from '../words.ts';
import type { Conflict } from './conflicts.ts';
import { leadRefusal, reviewRefusal, type Reviewer, type ReviewerSettings } from './reviewers.ts';

/**
 * Who may be on a review team. A team has one trained lead with enough reviews behind them;
 * nobody reviews a school they serve at; a conflicted reviewer joins only with a named
 * moderator's override and its reason, recorded.
 */

export const TEAM_ROLES = ['lead', 'reviewer'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
export const TEAM_ROLE_LABELS: Record<TeamRole, string> = { lead: 'Lead reviewer', reviewer: 'Reviewer' };

export interface Override {
  moderatorUserId: number;
  reason: string;
}

export interface Candidate {
  reviewer: Reviewer;
  role: TeamRole;
  /** The reviewer is a member of the host school (or has it as their home school). */
  servesHost: boolean;
  conflicts: readonly Conflict[];
  override: Override | null;
}

export interface TeamMember {
  userId: number;
  role: TeamRole;
}

/** Why this candidate cannot join the team as it stands; null when they can. A phrase, for the reader's language. */
export function candidateRefusal(
  candidate: Candidate,
  team: readonly TeamMember[],
  settings: ReviewerSettings,
): Phrase | null {
  const { reviewer, role } = candidate;
  const name = { name: reviewer.name };
  if (team.some((m) => m.userId === reviewer.userId)) return phrase('{{name}} is already on the team.', name);
  if (candidate.servesHost)
    return phrase('{{name}} serves at the host school, and nobody reviews their own school.', name);
  const refusal = role === 'lead' ? leadRefusal(reviewer, settings) : reviewRefusal(reviewer);
  if (refusal) return refusal;
  if (role === 'lead' && team.some((m) => m.role === 'lead'))
    return phrase('The team already has a lead reviewer.');
  if (candidate.conflicts.length > 0 && !candidate.override) {
    return phrase(
      "{{name}} has a conflict of interest with the host school: {{reasons}} Only the cycle's moderator can add them, with a recorded reason.",
      {
        ...name,
        reasons: phraseList(
          candidate.conflicts.map((c) => c.reason),
          ' ',
        ),
      },
    );
  }
  if (candidate.override && candidate.override.reason.trim() === '')
    return phrase('An override needs its reason.');
  return null;
}

/** What the team still lacks before its visit's findings can be submitted; empty when complete. */
export function teamProblems(team: readonly TeamMember[]): string[] {
  const problems: string[] = [];
  const leads = team.filter((m) => m.role === 'lead').length;
  if (leads === 0) problems.push('The team needs a trained lead reviewer.');
  if (team.length < 2) problems.push('The team needs at least one reviewer beside the lead.');
  return problems;
}
