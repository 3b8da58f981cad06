import { deploymentReadiness } from '../../data/deployments.ts';
import { findAssessment } from '../../data/readiness.ts';
import { isCommissioner, type Deployment, type DeploymentStanding } from '../../domain/leaders/deployment.ts';
import {
  pairedReadiness,
  SIDE_FRAMEWORKS,
  type ReadinessSide,
  type SideAnswers,
} from '../../domain/leaders/readiness.ts';
import type { AppContext } from '../context.ts';
import type { Language } from '../../domain/language.ts';
import { localiseFramework } from '../../domain/readiness/localise.ts';
import { frameworkCatalogue } from '../readiness/catalogue.ts';

/** The frameworks a new deployment's two sides answer: the newest version of each. */
export async function readinessFrameworks(leaderUrn: number) {
  const catalogue = await frameworkCatalogue();
  const newest = (side: ReadinessSide) => {
    const f = catalogue.find(SIDE_FRAMEWORKS[side]);
    if (!f) throw new Error(`the readiness framework "${SIDE_FRAMEWORKS[side]}" is missing`);
    return { frameworkId: f.id, frameworkVersion: f.version };
  };
  return { leaderUrn, client: newest('client'), leader: newest('leader') };
}

/** One side's questions as a party to the deployment sees them. */
export interface SideView {
  side: ReadinessSide;
  assessmentId: number;
  rated: number;
  itemCount: number;
  completed: boolean;
  /** Whether this person answers this side's questions. */
  answers: boolean;
  /** Whether this person reads this side's answers (their own side, or as the commissioner). */
  reads: boolean;
}

export interface DeploymentReadinessView {
  sides: SideView[];
  bothCompleted: boolean;
  /** Themes where the two sides disagree, once both have completed. */
  disagreeingThemes: string[];
  /** The side-by-side answers, for the commissioner, who reads both. */
  compareHref: string | null;
}

/**
 * Where each side of a deployment has got to with its paired questions. Anyone party to the
 * deployment sees how far each side is and, once both have completed, the themes on which they
 * disagree; the answers themselves stay with their own side and the commissioner. Null for a
 * deployment commissioned before the questions were given.
 */
export async function readinessOfDeployment(
  ctx: Pick<AppContext, 'db'>,
  d: Pick<Deployment, 'id' | 'organisationId'>,
  standing: DeploymentStanding,
  /** The reader's: the themes are named in it where the framework has the words. */
  language: Language = 'en',
): Promise<DeploymentReadinessView | null> {
  const ids = await deploymentReadiness(ctx.db, d.id);
  if (ids.client === undefined || ids.leader === undefined) return null;
  const catalogue = await frameworkCatalogue();
  const load = async (id: number): Promise<SideAnswers> => {
    const a = await findAssessment(ctx.db, id);
    const framework = a && catalogue.find(a.frameworkId, a.frameworkVersion);
    if (!a || !framework) throw new Error(`readiness assessment ${id} of deployment ${d.id} is missing`);
    return {
      framework: localiseFramework(framework, language),
      answers: a.answers,
      completed: a.status === 'completed',
    };
  };
  const [client, leader] = await Promise.all([load(ids.client), load(ids.leader)]);
  const paired = pairedReadiness(client, leader);
  const commissioner = isCommissioner(standing, d);
  const answers = { client: standing.clientMember, leader: standing.leader };
  return {
    sides: paired.sides.map((s) => ({
      ...s,
      assessmentId: ids[s.side]!,
      answers: answers[s.side],
      reads: answers[s.side] || commissioner,
    })),
    bothCompleted: paired.bothCompleted,
    disagreeingThemes: paired.bothCompleted ? paired.disagreeingThemes : [],
    compareHref: commissioner ? `/readiness/assessments/${ids.leader}/compare/${ids.client}` : null,
  };
}
