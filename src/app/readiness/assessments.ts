import {
  completeAssessment,
  createAssessment,
  listActions,
  listSchoolAssessments,
  listSharedWith,
  previousCompletedAnswers,
  saveAnswers,
} from '../../data/readiness.ts';
import type { SessionUser } from '../../domain/access.ts';
import { planFromGaps } from '../../domain/readiness/action-plan.ts';
import { rankGaps } from '../../domain/readiness/gaps.ts';
import { PARTNERSHIP_TYPE_LABELS, type PartnershipType } from '../../domain/partnerships/model.ts';
import type { Answer } from '../../domain/readiness/scoring.ts';
import { phrase, phraseList, writePhrase } from '../../domain/words.ts';
import { exportDocument } from '../../domain/readiness/export.ts';
import type { AppContext } from '../context.ts';
import { withSchoolNames } from '../schools/names.ts';
import { fail, invalidField, ok, type Result } from '../result.ts';
import type { Opened } from './access.ts';
import { frameworkCatalogue } from './catalogue.ts';

type Ctx = Pick<AppContext, 'db'>;

/** Assessments of the person's schools and those shared with them, each once, newest first. */
export async function assessmentsFor(ctx: Ctx, user: SessionUser) {
  const urns = user.schools.map((s) => s.urn);
  const own = (await Promise.all(urns.map((urn) => listSchoolAssessments(ctx.db, urn)))).flat();
  const shared = await listSharedWith(ctx.db, {
    urns,
    organisationIds: user.organisations.map((o) => o.id),
  });
  const seen = new Set<number>();
  return [...own, ...shared]
    .filter((a) => !seen.has(a.id) && seen.add(a.id))
    .sort((a, b) => b.startedAt.getTime() - a.startedAt.getTime() || b.id - a.id)
    .map((a) => ({ ...a, ownSchool: urns.includes(a.urn) }));
}

/** The names of the person's schools, for choosing which one to assess. */
export async function ownSchools(ctx: Ctx, user: SessionUser) {
  return (await withSchoolNames(ctx, user.schools)).map(({ urn, name }) => ({ urn, name }));
}

/** Starts an assessment of one of the person's schools against a framework that fits the partnership. */
export async function startAssessment(
  ctx: Ctx,
  user: SessionUser,
  input: { urn: number; frameworkId: string; partnershipType: PartnershipType },
): Promise<Result<{ id: number }>> {
  const framework = (await frameworkCatalogue()).find(input.frameworkId);
  if (!framework) return invalidField('frameworkId', 'Choose what to assess your school against');
  if (!user.schools.some((s) => s.urn === input.urn))
    return invalidField('urn', 'Choose a school you are a member of');
  if (!framework.appliesTo.includes(input.partnershipType)) {
    const kinds = framework.appliesTo.map((t) => phrase(PARTNERSHIP_TYPE_LABELS[t].toLowerCase()));
    const refusal = phrase('{{framework}} is for {{kinds}}', {
      framework: framework.title,
      kinds: phraseList(kinds, 'or'),
    });
    return invalidField('partnershipType', { message: writePhrase(refusal), phrase: refusal });
  }
  const id = await createAssessment(ctx.db, {
    urn: input.urn,
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    partnershipType: input.partnershipType,
    startedBy: user.id,
  });
  return ok({ id });
}

const LOCKED =
  'This assessment has been completed, so its answers can no longer be changed. Start a new one to record changes.';

/** Saves one section's answers to a draft; a completed assessment keeps its answers. */
export async function saveSection(
  ctx: Ctx,
  opened: Opened,
  answers: readonly Answer[],
): Promise<Result<true>> {
  const saved = await saveAnswers(ctx.db, opened.assessment.id, answers);
  return saved.ok ? ok(true) : fail('conflict', LOCKED);
}

/**
 * Completes a fully rated assessment, locking it and writing its action plan from the ranked gaps.
 * The plan's next steps are stored as the framework file writes them, whatever language the page
 * was in; each page shows them in its reader's (`ShownFramework.fromEnglish`).
 */
export async function completeOpened(
  ctx: Ctx & Pick<AppContext, 'now'>,
  user: SessionUser,
  { assessment }: Opened,
): Promise<Result<true>> {
  const at = ctx.now();
  const framework = (await frameworkCatalogue()).find(assessment.frameworkId, assessment.frameworkVersion);
  if (!framework) return fail('not-found', 'the framework has gone');
  const plan = planFromGaps(rankGaps(framework, assessment.answers, assessment.partnershipType), {
    startedOn: at.toISOString().slice(0, 10),
  });
  const result = await completeAssessment(ctx.db, assessment.id, at, plan, user);
  if (!result.ok && result.reason === 'not-found') return fail('not-found', 'the assessment has gone');
  return ok(true);
}

/** The assessment's action plan. */
export function actionsOf(ctx: Ctx, opened: Opened) {
  return listActions(ctx.db, opened.assessment.id);
}

/** The answers of the school's previous completed assessment of the same framework, to show change. */
export async function previousAnswers(ctx: Ctx, { assessment }: Opened) {
  return assessment.status === 'completed' ? previousCompletedAnswers(ctx.db, assessment) : undefined;
}

/** The scored report, gaps and actions: the API's body. */
export async function assessmentDocument(ctx: Ctx, opened: Opened) {
  return exportDocument(
    opened.framework,
    opened.assessment,
    await actionsOf(ctx, opened),
    await previousAnswers(ctx, opened),
  );
}
