import { listOrganisationSchoolLinks, listSchoolOrganisations } from '../../data/organisations.ts';
import { partnershipLinksOf, schoolFacts, schoolsOfUser } from '../../data/peer-review/conflict-facts.ts';
import {
  addFinding,
  moveReport,
  saveJudgement,
  saveSelfEvaluation,
  setReportSharing,
} from '../../data/peer-review/report.ts';
import { getReview, reviewIdOfFinding, type Finding, type Review } from '../../data/peer-review/reviews.ts';
import {
  listDeclaredConflicts,
  listReviewers,
  type RegisteredReviewer,
} from '../../data/peer-review/reviewers.ts';
import { addFindingAction } from '../../data/peer-review/support.ts';
import { addToTeam } from '../../data/peer-review/team.ts';
import type { SessionUser } from '../../domain/access.ts';
import { conflictsOf, type Conflict } from '../../domain/peer-review/conflicts.ts';
import { findArea, focusAreasOf, type PeerReviewFramework } from '../../domain/peer-review/framework.ts';
import { reviewRights, type ReviewRights } from '../../domain/peer-review/access.ts';
import { statusAfterSubmission, submissionProblems } from '../../domain/peer-review/review.ts';
import { candidateRefusal, teamProblems } from '../../domain/peer-review/team.ts';
import { today, type AppContext } from '../context.ts';
import { fail, invalidField, ok, parseInput, type Result } from '../result.ts';
import { peerReviewCatalogue } from './frameworks.ts';
import {
  actionInput,
  findingInput,
  judgementInput,
  selfEvaluationInput,
  sharingInput,
  teamInput,
} from './input.ts';

/**
 * One review: who may see and do what (domain/peer-review/access.ts), forming its team under the
 * conflict rules, the host's self-evaluation, the team's judgements and findings, submission and
 * moderation, sharing, and turning an area to develop into an action and a need.
 */

export interface OpenedReview {
  review: Review;
  rights: ReviewRights;
  framework: PeerReviewFramework;
}

const NOT_FOUND = 'No such review, or it is not yours to see.';

/** A review as the person may see it: without its report's content unless they may read it. */
export async function openReview(
  ctx: AppContext,
  user: SessionUser,
  id: number,
): Promise<Result<OpenedReview>> {
  const review = await getReview(ctx.db, id);
  if (!review) return fail('not-found', NOT_FOUND);
  const rights = reviewRights(user, {
    hostUrn: review.hostUrn,
    groupUrns: review.group.schools.filter((s) => s.consent === 'joined').map((s) => s.urn),
    teamUserIds: review.team.map((t) => t.userId),
    moderatorUserId: review.cycle.moderator?.userId ?? null,
    sharedWithGroup: review.sharedWithGroup,
    sharedOrganisationIds: review.sharedOrganisationIds,
  });
  if (!rights.seePlan) return fail('not-found', NOT_FOUND);
  const framework = (await peerReviewCatalogue()).find(
    review.cycle.framework.id,
    review.cycle.framework.version,
  );
  if (!framework)
    return fail('not-found', `The review's framework ${review.cycle.framework.id} is no longer on hand.`);
  const shown: Review = rights.readReport
    ? review
    : {
        ...review,
        selfEvaluation: null,
        chosenFocus: null,
        judgements: [],
        findings: [],
        moderationNote: null,
      };
  return ok({ review: shown, rights, framework });
}

export interface TeamCandidate {
  reviewer: RegisteredReviewer;
  conflicts: Conflict[];
  servesHost: boolean;
}

/** Everyone on the register, with their conflicts with the host school. */
async function candidatesFor(ctx: AppContext, review: Review, only?: number): Promise<TeamCandidate[]> {
  const reviewers = await listReviewers(ctx.db, only === undefined ? undefined : [only]);
  const ids = reviewers.map((r) => r.userId);
  const [declared, links] = await Promise.all([
    listDeclaredConflicts(ctx.db, ids),
    partnershipLinksOf(ctx.db, review.hostUrn),
  ]);
  const schoolsOf = new Map<number, number[]>();
  for (const r of reviewers)
    schoolsOf.set(r.userId, [...new Set([r.homeUrn, ...(await schoolsOfUser(ctx.db, r.userId))])]);
  const facts = await schoolFacts(ctx.db, [review.hostUrn, ...[...schoolsOf.values()].flat()]);
  const host = facts.get(review.hostUrn)!;
  return reviewers.map((reviewer) => {
    const urns = schoolsOf.get(reviewer.userId)!;
    return {
      reviewer,
      servesHost: urns.includes(review.hostUrn),
      conflicts: conflictsOf(
        {
          declared: declared.filter((d) => d.userId === reviewer.userId),
          schools: urns.map((u) => facts.get(u)).filter((f) => f !== undefined),
        },
        host,
        links,
        ctx.config.peerReview.conflicts,
        today(ctx),
      ),
    };
  });
}

export interface ReviewPage extends OpenedReview {
  /** For those forming the team, while it is planned. */
  candidates: TeamCandidate[];
  teamProblems: string[];
  submissionProblems: string[];
  /** The host's organisations, for sharing. */
  organisations: { id: number; name: string }[];
  isLead: boolean;
}

export async function reviewPage(
  ctx: AppContext,
  user: SessionUser,
  id: number,
): Promise<Result<ReviewPage>> {
  const opened = await openReview(ctx, user, id);
  if (!opened.ok) return opened;
  const { review, rights } = opened.value;
  const forming = (rights.formTeam || rights.moderate) && review.status === 'planned';
  const team = review.team.map((t) => ({ userId: t.userId, role: t.role }));
  const problems = teamProblems(team);
  return ok({
    ...opened.value,
    candidates: forming
      ? (await candidatesFor(ctx, review)).filter(
          (c) => !review.team.some((t) => t.userId === c.reviewer.userId),
        )
      : [],
    teamProblems: problems,
    submissionProblems: submissionProblems({
      status: review.status,
      teamProblems: problems,
      selfEvaluationDone: review.selfEvaluation !== null,
      findings: review.findings.length,
      judgements: review.judgements.length,
    }),
    organisations: rights.shareReport
      ? (await listSchoolOrganisations(ctx.db, review.hostUrn)).map((o) => ({ id: o.id, name: o.name }))
      : [],
    isLead: review.team.some((t) => t.userId === user.id && t.role === 'lead'),
  });
}

/**
 * Puts a reviewer from the register on the team. A conflicted reviewer is refused unless the
 * person adding them is the cycle's moderator and records a reason: that is the override.
 */
export async function addReviewer(
  ctx: AppContext,
  user: SessionUser,
  reviewId: number,
  raw: unknown,
): Promise<Result<true>> {
  const opened = await openReview(ctx, user, reviewId);
  if (!opened.ok) return opened;
  const { review, rights } = opened.value;
  if (!rights.formTeam && !rights.moderate)
    return fail('forbidden', 'Only the group’s schools’ administrators and the moderator form the team.');
  if (review.status !== 'planned')
    return fail('conflict', 'The team cannot change once the report is submitted.');
  const parsed = parseInput(teamInput, raw);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const [candidate] = await candidatesFor(ctx, review, input.userId);
  if (!candidate) return invalidField('userId', 'Choose a reviewer from the register');
  const override =
    input.overrideReason && rights.moderate && candidate.conflicts.length > 0
      ? { moderatorUserId: user.id, reason: input.overrideReason }
      : null;
  const refusal = candidateRefusal(
    {
      reviewer: candidate.reviewer,
      role: input.role,
      servesHost: candidate.servesHost,
      conflicts: candidate.conflicts,
      override,
    },
    review.team.map((t) => ({ userId: t.userId, role: t.role })),
    ctx.config.peerReview.reviewers,
  );
  if (refusal) return invalidField('userId', refusal);
  const added = await addToTeam(
    ctx.db,
    reviewId,
    {
      userId: input.userId,
      role: input.role,
      conflicts: candidate.conflicts,
      override: override ? { reason: override.reason } : null,
    },
    user,
  );
  return added ? ok(true) : fail('conflict', 'The team cannot change once the report is submitted.');
}

async function asHost(ctx: AppContext, user: SessionUser, reviewId: number) {
  const opened = await openReview(ctx, user, reviewId);
  if (!opened.ok) return opened;
  return opened.value.rights.actAsHost
    ? opened
    : fail('forbidden', 'Only the host school’s people can do this.');
}

export async function recordSelfEvaluation(
  ctx: AppContext,
  user: SessionUser,
  reviewId: number,
  raw: unknown,
): Promise<Result<true>> {
  const opened = await asHost(ctx, user, reviewId);
  if (!opened.ok) return opened;
  const parsed = parseInput(selfEvaluationInput, raw);
  if (!parsed.ok) return parsed;
  return (await saveSelfEvaluation(ctx.db, reviewId, parsed.value, user))
    ? ok(true)
    : fail('conflict', 'The report has been submitted: the self-evaluation can no longer change.');
}

async function asTeam(ctx: AppContext, user: SessionUser, reviewId: number) {
  const opened = await openReview(ctx, user, reviewId);
  if (!opened.ok) return opened;
  if (!opened.value.rights.recordFindings)
    return fail('forbidden', 'Only the review team records judgements and findings.');
  if (opened.value.review.status !== 'planned') return fail('conflict', 'The report has been submitted.');
  return opened;
}

export async function recordJudgement(
  ctx: AppContext,
  user: SessionUser,
  reviewId: number,
  raw: unknown,
): Promise<Result<true>> {
  const opened = await asTeam(ctx, user, reviewId);
  if (!opened.ok) return opened;
  const parsed = parseInput(judgementInput, raw);
  if (!parsed.ok) return parsed;
  const { framework } = opened.value;
  if (!findArea(framework, parsed.value.areaId))
    return invalidField('areaId', 'Choose an area of the framework');
  if (!framework.scale.levels.some((l) => l.value === parsed.value.judgement))
    return invalidField('judgement', 'Choose a judgement');
  return (await saveJudgement(ctx.db, reviewId, parsed.value, user))
    ? ok(true)
    : fail('conflict', 'The report has been submitted.');
}

export async function recordFinding(
  ctx: AppContext,
  user: SessionUser,
  reviewId: number,
  raw: unknown,
): Promise<Result<true>> {
  const opened = await asTeam(ctx, user, reviewId);
  if (!opened.ok) return opened;
  const parsed = parseInput(findingInput, raw);
  if (!parsed.ok) return parsed;
  const { framework, review } = opened.value;
  const area = findArea(framework, parsed.value.areaId);
  if (!area) return invalidField('areaId', 'Choose an area of the framework');
  const allowed = focusAreasOf(area, review.chosenFocus);
  const focusArea = parsed.value.focusArea ?? allowed[0];
  if (!focusArea || !allowed.includes(focusArea)) {
    return invalidField(
      'focusArea',
      allowed.length === 0
        ? 'The host school has not chosen its focus yet'
        : 'Choose a focus area of this area',
    );
  }
  const { areaId, kind, finding, evidence } = parsed.value;
  return (await addFinding(ctx.db, reviewId, { areaId, kind, finding, evidence, focusArea }, user))
    ? ok(true)
    : fail('conflict', 'The report has been submitted.');
}

/** The lead reviewer submits: to the moderator when the report is in the sample, otherwise it is final. */
export async function submitReport(
  ctx: AppContext,
  user: SessionUser,
  reviewId: number,
): Promise<Result<'submitted' | 'final'>> {
  const page = await reviewPage(ctx, user, reviewId);
  if (!page.ok) return page;
  if (!page.value.isLead) return fail('forbidden', 'Only the lead reviewer submits the report.');
  if (page.value.submissionProblems.length > 0)
    return fail('conflict', page.value.submissionProblems.join(' '));
  const to = statusAfterSubmission(page.value.review.sampled);
  const moved = await moveReport(ctx.db, reviewId, { from: 'planned', to, today: today(ctx) }, user);
  return moved
    ? ok(to === 'final' ? 'final' : 'submitted')
    : fail('conflict', 'The report has already been submitted.');
}

/** The moderator makes a sampled report final, or returns it to the team, with a note. */
export async function moderateReport(
  ctx: AppContext,
  user: SessionUser,
  reviewId: number,
  raw: { decision?: unknown; note?: unknown },
): Promise<Result<true>> {
  const opened = await openReview(ctx, user, reviewId);
  if (!opened.ok) return opened;
  if (!opened.value.rights.moderate)
    return fail('forbidden', 'Only the cycle’s moderator moderates its reports.');
  const decision = raw.decision === 'final' || raw.decision === 'planned' ? raw.decision : null;
  if (!decision)
    return invalidField('decision', 'Choose whether the report is final or goes back to the team');
  const note = typeof raw.note === 'string' ? raw.note.trim().slice(0, 2000) : '';
  if (decision === 'planned' && note === '')
    return invalidField('note', 'Say what the team should look at again');
  const moved = await moveReport(
    ctx.db,
    reviewId,
    { from: 'submitted', to: decision, today: today(ctx), note: note || null },
    user,
  );
  return moved ? ok(true) : fail('conflict', 'The report is not with the moderator.');
}

/** The host school's administrators share the report with the rest of the group and their organisations. */
export async function shareReport(
  ctx: AppContext,
  user: SessionUser,
  reviewId: number,
  raw: unknown,
): Promise<Result<true>> {
  const opened = await openReview(ctx, user, reviewId);
  if (!opened.ok) return opened;
  if (!opened.value.rights.shareReport)
    return fail('forbidden', 'Only the host school’s administrators share its report.');
  const parsed = parseInput(sharingInput, raw);
  if (!parsed.ok) return parsed;
  const links = (await listOrganisationSchoolLinks(ctx.db, opened.value.review.hostUrn)).map(
    (l) => l.organisationId,
  );
  if (parsed.value.organisationIds.some((id) => !links.includes(id))) {
    return invalidField('organisationIds', 'Choose organisations your school belongs to');
  }
  await setReportSharing(ctx.db, reviewId, parsed.value, user);
  return ok(true);
}

/** A finding the host may act on: an area to develop of its own final report. */
export async function openFinding(
  ctx: AppContext,
  user: SessionUser,
  findingId: number,
): Promise<Result<OpenedReview & { finding: Finding }>> {
  const reviewId = await reviewIdOfFinding(ctx.db, findingId);
  if (reviewId === undefined) return fail('not-found', 'No such finding.');
  const opened = await openReview(ctx, user, reviewId);
  if (!opened.ok) return opened;
  const finding = opened.value.review.findings.find((f) => f.id === findingId);
  if (!finding) return fail('not-found', 'No such finding.');
  return ok({ ...opened.value, finding });
}

/** The host turns an area to develop into an action in its plan and, if it chooses, a declared need. */
export async function addAction(
  ctx: AppContext,
  user: SessionUser,
  findingId: number,
  raw: unknown,
): Promise<Result<true>> {
  const opened = await openFinding(ctx, user, findingId);
  if (!opened.ok) return opened;
  const { review, rights, finding } = opened.value;
  if (!rights.actAsHost) return fail('forbidden', 'Only the host school’s people act on its report.');
  if (finding.kind !== 'area-to-develop')
    return fail('conflict', 'Only an area to develop becomes an action.');
  if (review.status !== 'final') return fail('conflict', 'The report is not final yet.');
  const parsed = parseInput(actionInput, raw);
  if (!parsed.ok) return parsed;
  const { description, owner, dueOn, declareNeed } = parsed.value;
  if (declareNeed && !rights.shareReport) {
    return invalidField('declareNeed', 'Only the school’s administrators declare what it needs');
  }
  const done = await addFindingAction(
    ctx.db,
    findingId,
    { description, owner, dueOn: dueOn ?? null, declareNeed: declareNeed ? finding.focusArea : null },
    today(ctx),
    user,
  );
  return done ? ok(true) : fail('conflict', 'The report is not final yet.');
}
