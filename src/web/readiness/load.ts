import type { FastifyReply, FastifyRequest } from 'fastify';
import {
  findAssessment,
  listSchoolAssessmentsWithShares,
  type AssessmentWithAnswers,
} from '../../data/readiness.ts';
import { listOrganisationSchoolLinks } from '../../data/organisations.ts';
import { organisationsSharedWith, type SessionUser } from '../../domain/access.ts';
import {
  accessWithSchoolWide,
  canAnswer,
  canManage,
  canRead,
  type ReadinessAccess,
  type ReadinessViewer,
} from '../../domain/readiness/access.ts';
import type { Catalogue } from '../../domain/readiness/catalogue.ts';
import type { Framework } from '../../domain/readiness/framework.ts';
import type { Db } from '../../data/db.ts';
import { forbid } from '../http/guards.ts';

export interface ReadinessDeps {
  db: Db;
  catalogue: Catalogue;
}

export function viewerOf(user: SessionUser | null): ReadinessViewer | null {
  if (!user) return null;
  return {
    userId: user.id,
    memberOf: user.schools.map((s) => s.urn),
    administers: user.schools.filter((s) => s.role === 'admin').map((s) => s.urn),
    organisationIds: user.organisations.map((o) => o.id),
  };
}

export interface Opened {
  assessment: AssessmentWithAnswers;
  framework: Framework;
  access: ReadinessAccess;
}

const NEEDS = { read: canRead, answer: canAnswer, manage: canManage } as const;

/**
 * The assessment a request names, if the signed-in user may do what the route needs. A user who
 * may not read it is told it does not exist (404), so ids reveal nothing; a reader who may not
 * change it gets 403. Readers are the school's members, whom it shared this assessment with, and
 * officers of organisations the school shares all its records with.
 */
export async function openAssessment(
  { db, catalogue }: ReadinessDeps,
  request: FastifyRequest,
  reply: FastifyReply,
  need: keyof typeof NEEDS,
  idParam: string = 'id',
): Promise<Opened | undefined> {
  const id = Number((request.params as Record<string, unknown>)[idParam]);
  const assessment = Number.isSafeInteger(id) && id > 0 ? await findAssessment(db, id) : undefined;
  const framework = assessment && catalogue.find(assessment.frameworkId, assessment.frameworkVersion);
  if (!assessment || !framework) {
    reply.callNotFound();
    return undefined;
  }
  const schoolWide = organisationsSharedWith(
    assessment.urn,
    await listOrganisationSchoolLinks(db, assessment.urn),
  );
  const access = accessWithSchoolWide(assessment, schoolWide, viewerOf(request.user));
  if (!canRead(access)) {
    reply.callNotFound();
    return undefined;
  }
  if (!NEEDS[need](access)) {
    await forbid(request, reply);
    return undefined;
  }
  return { assessment, framework, access };
}

/** The school's assessments this user may read, newest first, each with what the user may do. */
export async function readableSchoolAssessments(db: Db, urn: number, user: SessionUser | null) {
  const viewer = viewerOf(user);
  if (!viewer) return [];
  const [assessments, links] = await Promise.all([
    listSchoolAssessmentsWithShares(db, urn),
    listOrganisationSchoolLinks(db, urn),
  ]);
  const schoolWide = organisationsSharedWith(urn, links);
  return assessments
    .map((a) => ({ ...a, access: accessWithSchoolWide(a, schoolWide, viewer) }))
    .filter((a) => canRead(a.access));
}

/** The profile's link to the school's assessments: for its members, and whoever may read one. */
export async function readinessLink(db: Db, urn: number, user: SessionUser | null) {
  if (!user) return [];
  const member = user.schools.some((s) => s.urn === urn);
  const readable = (await readableSchoolAssessments(db, urn, user)).length;
  if (!member && readable === 0) return [];
  return [{ text: `Readiness assessments (${readable})`, href: `/schools/${urn}/readiness` }];
}
