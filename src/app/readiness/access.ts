import {
  findAssessment,
  listSchoolAssessmentsWithShares,
  type AssessmentWithAnswers,
} from '../../data/readiness.ts';
import { deploymentOfAssessment } from '../../data/deployments.ts';
import { listOrganisationSchoolLinks } from '../../data/organisations.ts';
import { organisationsSharedWith } from '../../domain/access.ts';
import { isCommissioner, standingIn } from '../../domain/leaders/deployment.ts';
import { deploymentReadinessAccess, strongerAccess } from '../../domain/leaders/readiness.ts';
import {
  accessWithSchoolWide,
  canAnswer,
  canManage,
  canRead,
  type ReadinessAccess,
  type ReadinessViewer,
} from '../../domain/readiness/access.ts';
import type { Framework } from '../../domain/readiness/framework.ts';
import type { Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { fail, ok, worded, type Result } from '../result.ts';
import { frameworkCatalogue } from './catalogue.ts';

type Ctx = Pick<AppContext, 'db'>;

export function viewerOf(actor: Actor): ReadinessViewer | null {
  if (!actor) return null;
  return {
    userId: actor.id,
    memberOf: actor.schools.map((s) => s.urn),
    administers: actor.schools.filter((s) => s.role === 'admin').map((s) => s.urn),
    organisationIds: actor.organisations.map((o) => o.id),
  };
}

export interface Opened {
  assessment: AssessmentWithAnswers;
  framework: Framework;
  access: ReadinessAccess;
}

const NEEDS = { read: canRead, answer: canAnswer, manage: canManage } as const;
export type ReadinessNeed = keyof typeof NEEDS;

/**
 * An assessment, if the person may do what they ask. One who may not read it is told it does not
 * exist ('not-found'), so ids reveal nothing; a reader who may not change it is 'forbidden'.
 * Readers are the school's members, whom it shared this assessment with, and officers of
 * organisations the school shares all its records with.
 */
export async function openAssessment(
  ctx: Ctx,
  actor: Actor,
  id: number,
  need: ReadinessNeed,
): Promise<Result<Opened>> {
  const missing = fail('not-found', worded('no readiness assessment has the id {{id}}', { id }));
  const assessment = Number.isSafeInteger(id) && id > 0 ? await findAssessment(ctx.db, id) : undefined;
  const framework =
    assessment && (await frameworkCatalogue()).find(assessment.frameworkId, assessment.frameworkVersion);
  if (!assessment || !framework) return missing;
  const schoolWide = organisationsSharedWith(
    assessment.urn,
    await listOrganisationSchoolLinks(ctx.db, assessment.urn),
  );
  const access = strongerAccess(
    accessWithSchoolWide(assessment, schoolWide, viewerOf(actor)),
    await deploymentGrant(ctx, actor, id),
  );
  if (!canRead(access)) return missing;
  if (!NEEDS[need](access)) return fail('forbidden', 'you may read this assessment but not change it');
  return ok({ assessment, framework, access });
}

/**
 * What being party to a deployment gives on one side of its paired questions: the leader answers
 * theirs (they may not belong to their school in S2S), the commissioner reads both.
 */
async function deploymentGrant(ctx: Ctx, actor: Actor, assessmentId: number): Promise<ReadinessAccess> {
  if (!actor) return 'none';
  const deployment = await deploymentOfAssessment(ctx.db, assessmentId);
  if (!deployment) return 'none';
  const standing = standingIn(actor, deployment);
  return deploymentReadinessAccess(deployment.side, standing, isCommissioner(standing, deployment));
}

/** The school's assessments this person may read, newest first, each with what they may do. */
export async function readableSchoolAssessments(ctx: Ctx, urn: number, actor: Actor) {
  const viewer = viewerOf(actor);
  if (!viewer) return [];
  const [assessments, links] = await Promise.all([
    listSchoolAssessmentsWithShares(ctx.db, urn),
    listOrganisationSchoolLinks(ctx.db, urn),
  ]);
  const schoolWide = organisationsSharedWith(urn, links);
  return assessments
    .map((a) => ({ ...a, access: accessWithSchoolWide(a, schoolWide, viewer) }))
    .filter((a) => canRead(a.access));
}

/**
 * The profile's link to the school's assessments, with how many the reader may read: for its
 * members, and whoever may read one. The page words it in the reader's language.
 */
export async function readinessLink(ctx: Ctx, urn: number, actor: Actor) {
  if (!actor) return [];
  const member = actor.schools.some((s) => s.urn === urn);
  const readable = (await readableSchoolAssessments(ctx, urn, actor)).length;
  if (!member && readable === 0) return [];
  return [{ readable, href: `/schools/${urn}/readiness` }];
}
