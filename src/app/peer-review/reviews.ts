import { listOrganisationSchoolLinks, listSchoolOrganisations } from '../../data/organisations.ts';
import { partnershipLinksOf, schoolFacts, schoolsOfUser } from '../../data/peer-review/conflict-facts.ts';
import {
  addFinding,
  challengeFinding,
  decideChallenge,
  moveReport,
  removeFinding,
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
import {
  addFindingAction,
  createFollowUpPartnership,
  updateFindingAction,
} from '../../data/peer-review/support.ts';
import { addToTeam, removeFromTeam } from '../../data/peer-review/team.ts';
import type { SessionUser } from '../../domain/access.ts';
import { conflictsOf, type Conflict } from '../../domain/peer-review/conflicts.ts';
import { findArea, focusAreasOf, type PeerReviewFramework } from '../../domain/peer-review/framework.ts';
import { reviewRights, type ReviewRights } from '../../domain/peer-review/access.ts';
import {
  statusAfterSubmission,
  submissionProblems,
  type ReviewStatus,
} from '../../domain/peer-review/review.ts';
import { candidateRefusal, teamProblems } from '../../domain/peer-review/team.ts';
import { today, type AppContext } from '../context.ts';
import { fail, invalidField, ok, type Result, worded } from '../result.ts';
import { peerReviewCatalogue } from './frameworks.ts';
import {
  actionInput,
  actionStatusInput,
  challengeDecisionInput,
  challengeInput,
  chosenId,
  findingInput,
  judgementInput,
  moderationInput,
  selfEvaluationInput,
  sharingInput,
  teamInput,
} from './input.ts';
import { NO_INPUT, step, written, type Check } from './step.ts';
import { tellAboutReview } from './notify.ts';
import { notifyPeople } from '../notifications/notifications.ts';
import { wordsOf, writePhrase } from '../../domain/words.ts';
import { proposePartnership, type Proposal } from '../partnerships/lifecycle.ts';

/**
 * One review: who may see and do what (domain/peer-review/access.ts), forming its team under the
 * conflict rules, the host's self-evaluation, the team's judgements and findings, submission and
 * moderation, sharing, and turning an area to develop into an action and a need.
 */

export interface OpenedReview {
  review: Review;
  rights: ReviewRights;
  framework: PeerReviewFramework;
  /** The person leads the review team. */
  isLead: boolean;
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
    return fail(
      'not-found',
      worded("The review's framework {{framework}} is no longer on hand.", {
        framework: review.cycle.framework.id,
      }),
    );
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
  return ok({
    review: shown,
    rights,
    framework,
    isLead: review.team.some((t) => t.userId === user.id && t.role === 'lead'),
  });
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
  /** The visit is still to come: the team may still lose a member. */
  beforeVisit: boolean;
}

const beforeVisit = (ctx: AppContext, review: Review) => today(ctx) < review.visitOn;

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
    beforeVisit: beforeVisit(ctx, review),
  });
}

type Opened = OpenedReview;

/** The person has this right on the review, or is refused with the message. */
const may =
  (right: keyof ReviewRights | ((o: Opened) => boolean), refusal: string): Check<Opened> =>
  (o) =>
    (typeof right === 'function' ? right(o) : o.rights[right]) ? null : fail('forbidden', refusal);

/** The review is still planned (its team and findings may change), or is refused with the message. */
const whilePlanned =
  (refusal: string): Check<Opened> =>
  (o) =>
    o.review.status === 'planned' ? null : fail('conflict', refusal);

const SUBMITTED = 'The report has been submitted.';
const TEAM_FIXED = 'The team cannot change once the report is submitted.';
const formsTeam = may(
  (o) => o.rights.formTeam || o.rights.moderate,
  'Only the group’s schools’ administrators and the moderator form the team.',
);
const onTeam = may('recordFindings', 'Only the review team records judgements and findings.');

/**
 * Puts a reviewer from the register on the team. A conflicted reviewer is refused unless the
 * person adding them is the cycle's moderator and records a reason: that is the override.
 */
export function addReviewer(
  ctx: AppContext,
  user: SessionUser,
  reviewId: number,
  raw: unknown,
): Promise<Result<true>> {
  return step(
    openReview(ctx, user, reviewId),
    [formsTeam, whilePlanned(TEAM_FIXED)],
    teamInput,
    raw,
    async ({ review, rights }, input) => {
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
      if (refusal) return invalidField('userId', { message: writePhrase(refusal), phrase: refusal });
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
      if (added)
        await notifyPeople(ctx, input.userId === user.id ? [] : [input.userId], 'review-team', {
          subject: wordsOf('You are on the team for the peer review of {{school}}', {
            school: review.hostName,
          }),
          link: `/peer-review/reviews/${reviewId}`,
        });
      return written(added, TEAM_FIXED);
    },
  );
}

/**
 * Takes a reviewer off the team before the visit: after it, the team is who visited, and each
 * member's count of reviews done depends on it.
 */
export function removeReviewer(
  ctx: AppContext,
  user: SessionUser,
  reviewId: number,
  raw: unknown,
): Promise<Result<true>> {
  const beforeVisit: Check<Opened> = ({ review }) =>
    today(ctx) < review.visitOn
      ? null
      : fail('conflict', 'The team cannot change on or after the day of the visit.');
  return step(
    openReview(ctx, user, reviewId),
    [formsTeam, whilePlanned(TEAM_FIXED), beforeVisit],
    chosenId('userId', 'Choose a reviewer on the team'),
    raw,
    async ({ review }, { userId }) => {
      if (!review.team.some((t) => t.userId === userId))
        return invalidField('userId', 'Choose a reviewer on the team');
      return written(await removeFromTeam(ctx.db, reviewId, userId, user), TEAM_FIXED);
    },
  );
}

export function recordSelfEvaluation(
  ctx: AppContext,
  user: SessionUser,
  reviewId: number,
  raw: unknown,
): Promise<Result<true>> {
  return step(
    openReview(ctx, user, reviewId),
    [may('actAsHost', 'Only the host school’s people can do this.')],
    selfEvaluationInput,
    raw,
    async (_, input) =>
      written(
        await saveSelfEvaluation(ctx.db, reviewId, input, user),
        'The report has been submitted: the self-evaluation can no longer change.',
      ),
  );
}

export function recordJudgement(
  ctx: AppContext,
  user: SessionUser,
  reviewId: number,
  raw: unknown,
): Promise<Result<true>> {
  return step(
    openReview(ctx, user, reviewId),
    [onTeam, whilePlanned(SUBMITTED)],
    judgementInput,
    raw,
    async ({ framework }, input) => {
      if (!findArea(framework, input.areaId))
        return invalidField('areaId', 'Choose an area of the framework');
      if (!framework.scale.levels.some((l) => l.value === input.judgement))
        return invalidField('judgement', 'Choose a judgement');
      return written(await saveJudgement(ctx.db, reviewId, input, user), SUBMITTED);
    },
  );
}

export function recordFinding(
  ctx: AppContext,
  user: SessionUser,
  reviewId: number,
  raw: unknown,
): Promise<Result<true>> {
  return step(
    openReview(ctx, user, reviewId),
    [onTeam, whilePlanned(SUBMITTED)],
    findingInput,
    raw,
    async ({ framework, review }, input) => {
      const area = findArea(framework, input.areaId);
      if (!area) return invalidField('areaId', 'Choose an area of the framework');
      const allowed = focusAreasOf(area, review.chosenFocus);
      const focusArea = input.focusArea ?? allowed[0];
      if (!focusArea || !allowed.includes(focusArea)) {
        return invalidField(
          'focusArea',
          allowed.length === 0
            ? 'The host school has not chosen its focus yet'
            : 'Choose a focus area of this area',
        );
      }
      const { areaId, kind, finding, evidence } = input;
      return written(
        await addFinding(ctx.db, reviewId, { areaId, kind, finding, evidence, focusArea }, user),
        SUBMITTED,
      );
    },
  );
}

/** The team takes a finding out of the report before it is submitted. */
export function deleteFinding(
  ctx: AppContext,
  user: SessionUser,
  reviewId: number,
  raw: unknown,
): Promise<Result<true>> {
  return step(
    openReview(ctx, user, reviewId),
    [onTeam, whilePlanned(SUBMITTED)],
    chosenId('findingId', 'Choose a finding of this report'),
    raw,
    async ({ review }, { findingId }) => {
      if (!review.findings.some((f) => f.id === findingId))
        return invalidField('findingId', 'Choose a finding of this report');
      return written(await removeFinding(ctx.db, reviewId, findingId, user), SUBMITTED);
    },
  );
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
  if (moved) await tellReportMoved(ctx, user, page.value.review, to);
  return moved
    ? ok(to === 'final' ? 'final' : 'submitted')
    : fail('conflict', 'The report has already been submitted.');
}

/** Tells those a report's move concerns: the moderator of one to moderate, the team of one returned, all of a final one. */
function tellReportMoved(ctx: AppContext, user: SessionUser, review: Review, to: ReviewStatus) {
  const host = { school: review.hostName };
  if (to === 'submitted')
    return tellAboutReview(ctx, user, review, 'review-report', ['moderator'], {
      subject: wordsOf('The peer-review report of {{school}} waits for your moderation', host),
    });
  if (to === 'planned')
    return tellAboutReview(ctx, user, review, 'review-report', ['team'], {
      subject: wordsOf('The moderator returned the peer-review report of {{school}} to its team', host),
    });
  return tellAboutReview(ctx, user, review, 'review-report', ['host', 'team', 'moderator'], {
    subject: wordsOf('The peer-review report of {{school}} is final', host),
  });
}

/** The moderator makes a sampled report final, or returns it to the team, with a note. */
export function moderateReport(
  ctx: AppContext,
  user: SessionUser,
  reviewId: number,
  raw: unknown,
): Promise<Result<true>> {
  return step(
    openReview(ctx, user, reviewId),
    [may('moderate', 'Only the cycle’s moderator moderates its reports.')],
    moderationInput,
    raw,
    async ({ review }, { decision, note }) => {
      if (decision === 'planned' && note === '')
        return invalidField('note', 'Say what the team should look at again');
      const moved = await moveReport(
        ctx.db,
        reviewId,
        { from: 'submitted', to: decision, today: today(ctx), note: note || null },
        user,
      );
      if (moved) await tellReportMoved(ctx, user, review, decision);
      return written(moved, 'The report is not with the moderator.');
    },
  );
}

/** The host school's administrators share the report with the rest of the group and their organisations. */
export function shareReport(
  ctx: AppContext,
  user: SessionUser,
  reviewId: number,
  raw: unknown,
): Promise<Result<true>> {
  return step(
    openReview(ctx, user, reviewId),
    [may('shareReport', 'Only the host school’s administrators share its report.')],
    sharingInput,
    raw,
    async ({ review }, input) => {
      const links = (await listOrganisationSchoolLinks(ctx.db, review.hostUrn)).map((l) => l.organisationId);
      if (input.organisationIds.some((id) => !links.includes(id))) {
        return invalidField('organisationIds', 'Choose organisations your school belongs to');
      }
      await setReportSharing(ctx.db, reviewId, input, user);
      return ok(true);
    },
  );
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

type OpenedFinding = OpenedReview & { finding: Finding };

const findingMay =
  (right: (o: OpenedFinding) => boolean, refusal: string): Check<OpenedFinding> =>
  (o) =>
    right(o) ? null : fail('forbidden', refusal);
const asHost = findingMay((o) => o.rights.actAsHost, 'Only the host school’s people act on its report.');

/** An area to develop of a final report that was not withdrawn on challenge: what support answers. */
export const actionable = (review: Review, finding: Finding) =>
  finding.kind === 'area-to-develop' && review.status === 'final' && finding.challengeOutcome !== 'withdrawn';
const isActionable: Check<OpenedFinding> = ({ review, finding }) =>
  actionable(review, finding)
    ? null
    : fail('conflict', 'Only an area to develop of a final report becomes an action.');

/** The host turns an area to develop into an action in its plan and, if it chooses, a declared need. */
export function addAction(
  ctx: AppContext,
  user: SessionUser,
  findingId: number,
  raw: unknown,
): Promise<Result<true>> {
  return step(
    openFinding(ctx, user, findingId),
    [asHost, isActionable],
    actionInput,
    raw,
    async ({ rights, finding }, input) => {
      const { description, owner, dueOn, declareNeed } = input;
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
      return written(done, 'The report is not final yet.');
    },
  );
}

/** The host records how far an action has got: not started, in progress or done. */
export function setActionStatus(
  ctx: AppContext,
  user: SessionUser,
  findingId: number,
  raw: unknown,
): Promise<Result<true>> {
  return step(
    openFinding(ctx, user, findingId),
    [asHost],
    actionStatusInput,
    raw,
    async ({ finding }, input) => {
      const action = finding.actions.find((a) => a.id === input.actionId);
      if (!action) return invalidField('actionId', 'Choose an action of this finding');
      const done = await updateFindingAction(
        ctx.db,
        findingId,
        action.id,
        { owner: action.owner, dueOn: action.dueOn, status: input.status },
        user,
      );
      return written(done, 'The action is no longer there.');
    },
  );
}

/** The host challenges a finding of a submitted or final report, once, with its reason. */
export function raiseChallenge(
  ctx: AppContext,
  user: SessionUser,
  findingId: number,
  raw: unknown,
): Promise<Result<true>> {
  const submitted: Check<OpenedFinding> = ({ review }) =>
    review.status === 'planned'
      ? fail('conflict', 'A finding can be challenged once the report is submitted.')
      : null;
  return step(
    openFinding(ctx, user, findingId),
    [
      findingMay((o) => o.rights.actAsHost, 'Only the host school challenges a finding of its report.'),
      submitted,
    ],
    challengeInput,
    raw,
    async ({ review }, { challenge }) => {
      const done = await challengeFinding(ctx.db, review.id, findingId, challenge, user);
      if (done)
        await tellAboutReview(ctx, user, review, 'review-challenge', ['lead', 'moderator'], {
          subject: wordsOf('{{school}} challenges a finding of its peer-review report', {
            school: review.hostName,
          }),
          link: `/peer-review/findings/${findingId}#challenge-history`,
        });
      return written(done, 'The finding has already been challenged.');
    },
  );
}

/** Who decides a challenge: the review's lead reviewer or the cycle's moderator, never the host. */
export const decidesChallenges = (o: OpenedReview) => o.isLead || o.rights.moderate;

/** The lead reviewer or moderator records the outcome: the finding stands, is changed, or is withdrawn. */
export function decideFindingChallenge(
  ctx: AppContext,
  user: SessionUser,
  findingId: number,
  raw: unknown,
): Promise<Result<true>> {
  const pending: Check<OpenedFinding> = ({ finding }) =>
    finding.challenge !== null && finding.challengeOutcome === null
      ? null
      : fail('conflict', 'There is no challenge waiting for an outcome.');
  return step(
    openFinding(ctx, user, findingId),
    [findingMay(decidesChallenges, 'Only the lead reviewer or the moderator decides a challenge.'), pending],
    challengeDecisionInput,
    raw,
    async ({ review }, { outcome, response, amended }) => {
      if (outcome === 'amended' && !amended) return invalidField('amended', 'Enter the finding as changed');
      const done = await decideChallenge(
        ctx.db,
        review.id,
        findingId,
        { outcome, response, amended: outcome === 'amended' ? amended! : null },
        user,
      );
      if (done)
        await tellAboutReview(ctx, user, review, 'review-challenge', ['host', 'team', 'moderator'], {
          subject: wordsOf('The challenge to a finding of {{school}}’s peer-review report is decided', {
            school: review.hostName,
          }),
          link: `/peer-review/findings/${findingId}#challenge-history`,
        });
      return written(done, 'The challenge has already been decided.');
    },
  );
}

export interface FollowUp {
  findingId: number;
  hostUrn: number;
  hostName: string;
  focusArea: Finding['focusArea'];
}

const noFollowUpYet: Check<OpenedFinding> = ({ finding }) =>
  finding.partnershipId === null
    ? null
    : fail('conflict', 'This finding already has a follow-up partnership.');

/** An area to develop the host school's administrator may propose a follow-up partnership on. */
export function followUpOf(ctx: AppContext, user: SessionUser, findingId: number): Promise<Result<FollowUp>> {
  return step(
    openFinding(ctx, user, findingId),
    [
      findingMay((o) => o.rights.shareReport, 'Only the host school’s administrators propose a partnership.'),
      isActionable,
      noFollowUpYet,
    ],
    NO_INPUT,
    undefined,
    async ({ review, finding }) =>
      ok({ findingId, hostUrn: review.hostUrn, hostName: review.hostName, focusArea: finding.focusArea }),
  );
}

/**
 * Proposes a partnership on an area to develop, through the partnership proposal itself (its
 * checks, the partner's confirmation, the notification); the partnership takes the finding's
 * focus area and the finding records it as support found, in the same transaction.
 */
export async function proposeFollowUp(
  ctx: AppContext,
  user: SessionUser,
  findingId: number,
  proposal: Proposal,
): ReturnType<typeof proposePartnership> {
  const followUp = await followUpOf(ctx, user, findingId);
  if (!followUp.ok) return followUp;
  if (proposal.proposerUrn !== followUp.value.hostUrn)
    return invalidField(
      'proposerUrn',
      worded('Propose it from {{school}}, whose report it is', { school: followUp.value.hostName }),
    );
  return proposePartnership(ctx, user, proposal, async (partnership) => {
    const id = await createFollowUpPartnership(ctx.db, findingId, partnership, today(ctx));
    return id === undefined ? fail('conflict', 'This finding already has a follow-up partnership.') : ok(id);
  });
}
