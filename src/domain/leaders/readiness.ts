import type { ReadinessAccess } from '../readiness/access.ts';
import type { Framework } from '../readiness/framework.ts';
import { comparePair } from '../readiness/pairing.ts';
import { sectionProgress } from '../readiness/progress.ts';
import type { Answer } from '../readiness/scoring.ts';
import type { DeploymentStanding } from './deployment.ts';

/**
 * Seed 003's paired questions before a deployment: the client school answers the client-side
 * questions and the system leader the leader-side ones. Each side's answers are its own, as any
 * readiness assessment is its school's; the commissioner, who agreed the deployment on the
 * client's behalf and pays for it, reads both. The leader agrees the deployment only once both
 * sides have completed their questions, so neither starts without having faced them.
 */
export const READINESS_SIDES = ['client', 'leader'] as const;
export type ReadinessSide = (typeof READINESS_SIDES)[number];

/** The frameworks of the two sides, by id, as the catalogue pairs them. */
export const SIDE_FRAMEWORKS: Record<ReadinessSide, string> = {
  client: 'deployment-client-school',
  leader: 'deployment-system-leader',
};

/** What the deployment grants on one side's assessment, beside what its own school gives. */
export function deploymentReadinessAccess(
  side: ReadinessSide,
  standing: DeploymentStanding,
  commissioner: boolean,
): ReadinessAccess {
  if (side === 'leader' && standing.leader) return 'answer';
  if (commissioner) return 'read';
  return 'none';
}

const RANK: Record<ReadinessAccess, number> = { none: 0, read: 1, answer: 2, manage: 3 };

/** The stronger of two grants. */
export const strongerAccess = (a: ReadinessAccess, b: ReadinessAccess): ReadinessAccess =>
  RANK[a] >= RANK[b] ? a : b;

export interface SideAnswers {
  framework: Framework;
  answers: readonly Answer[];
  completed: boolean;
}

export interface SideProgress {
  side: ReadinessSide;
  rated: number;
  itemCount: number;
  completed: boolean;
}

export interface PairedReadiness {
  sides: SideProgress[];
  /** Themes (sections of the leader's questions) where the two sides' ratings differ by the framework's threshold or more. */
  disagreeingThemes: string[];
  /** Whether both sides have completed their questions, so the deployment may be agreed. */
  bothCompleted: boolean;
}

function progressOf(side: ReadinessSide, s: SideAnswers): SideProgress {
  const sections = sectionProgress(s.framework, s.answers);
  return {
    side,
    rated: sections.reduce((n, x) => n + x.rated, 0),
    itemCount: sections.reduce((n, x) => n + x.itemCount, 0),
    completed: s.completed,
  };
}

/** Both sides' progress and the themes where they disagree (only where both have rated). */
export function pairedReadiness(client: SideAnswers, leader: SideAnswers): PairedReadiness {
  const rows = comparePair(
    { framework: leader.framework, answers: leader.answers },
    { framework: client.framework, answers: client.answers },
  );
  const themes: string[] = [];
  for (const r of rows) if (r.disagree && !themes.includes(r.sectionTitle)) themes.push(r.sectionTitle);
  return {
    sides: [progressOf('client', client), progressOf('leader', leader)],
    disagreeingThemes: themes,
    bothCompleted: client.completed && leader.completed,
  };
}
