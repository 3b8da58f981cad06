import { peopleOfSchools } from '../../data/notifications.ts';
import { createCycle } from '../../data/peer-review/cycles.ts';
import {
  answerGroup,
  createGroup,
  getGroup,
  listGroupsOf,
  type ReviewGroup,
} from '../../data/peer-review/groups.ts';
import { schoolFacts, schoolsOfUser } from '../../data/peer-review/conflict-facts.ts';
import { listReviewers, type RegisteredReviewer } from '../../data/peer-review/reviewers.ts';
import type { SessionUser } from '../../domain/access.ts';
import { groupSizeProblem, joinedSchools, schedulingProblem } from '../../domain/peer-review/groups.ts';
import { inModerationSample } from '../../domain/peer-review/review.ts';
import type { PeerReviewFramework } from '../../domain/peer-review/framework.ts';
import { reviewRefusal } from '../../domain/peer-review/reviewers.ts';
import { wordsOf, writePhrase, type Phrase } from '../../domain/words.ts';
import type { AppContext } from '../context.ts';
import { notifyPeople } from '../notifications/notifications.ts';
import { fail, invalidField, ok, parseInput, type Result, worded, wordingOf } from '../result.ts';
import { cyclesFor, type CycleAnswer } from './cycles.ts';
import { peerReviewCatalogue } from './frameworks.ts';
import { answerInput, cycleInput, groupInput, isoDate } from './input.ts';
import { step } from './step.ts';

/** Review groups (clusters and hubs), the schools' answers to joining, and scheduling a cycle. */

const adminOf = (user: SessionUser, urn: number) =>
  user.schools.some((s) => s.urn === urn && s.role === 'admin');
const memberOf = (user: SessionUser, urn: number) => user.schools.some((s) => s.urn === urn);

export interface PeerReviewHome {
  groups: (ReviewGroup & { mayAnswer: number[]; mayManage: boolean })[];
  cycles: CycleAnswer[];
  /** The person's schools they administer: those that can start a group. */
  adminSchools: { urn: number; name: string }[];
}

export async function peerReviewHome(ctx: AppContext, user: SessionUser): Promise<PeerReviewHome> {
  const urns = user.schools.map((s) => s.urn);
  const [groups, cycles, facts] = await Promise.all([
    listGroupsOf(ctx.db, urns),
    cyclesFor(ctx, user),
    schoolFacts(
      ctx.db,
      user.schools.filter((s) => s.role === 'admin').map((s) => s.urn),
    ),
  ]);
  return {
    groups: groups.map((g) => decorate(user, g)),
    cycles,
    adminSchools: [...facts.values()].map((f) => ({ urn: f.urn, name: f.name })),
  };
}

function decorate(user: SessionUser, g: ReviewGroup) {
  return {
    ...g,
    mayAnswer: g.schools.filter((s) => s.consent === 'invited' && adminOf(user, s.urn)).map((s) => s.urn),
    mayManage: g.schools.some((s) => s.consent === 'joined' && adminOf(user, s.urn)),
  };
}

/** A school's administrator proposes a group: their school joins, the others are invited. */
export async function createReviewGroup(
  ctx: AppContext,
  user: SessionUser,
  raw: unknown,
): Promise<Result<number>> {
  const parsed = parseInput(groupInput, raw);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  if (!adminOf(user, input.proposerUrn)) return invalidField('proposerUrn', 'Choose a school you administer');
  const invited = input.invitedUrns.filter((u) => u !== input.proposerUrn);
  const facts = await schoolFacts(ctx.db, invited);
  const unknown = invited.filter((u) => !facts.has(u));
  if (unknown.length > 0)
    return invalidField(
      'invitedUrns',
      worded('No school has the {{urn, schoolIdInSentence}}', { urn: unknown.join(', ') }),
    );
  const size = groupSizeProblem(input.model, invited.length + 1);
  if (size) return invalidField('invitedUrns', { message: writePhrase(size), phrase: size });
  const id = await createGroup(
    ctx.db,
    { name: input.name, model: input.model, proposerUrn: input.proposerUrn, invitedUrns: invited },
    user,
  );
  const admins = (await peopleOfSchools(ctx.db, invited)).filter(
    (p) => p.role === 'admin' && p.userId !== user.id,
  );
  await notifyPeople(ctx, [...new Set(admins.map((p) => p.userId))], 'review-group-invitation', {
    subject: wordsOf('Your school is invited to the peer-review group {{group}}', { group: input.name }),
    link: `/peer-review/groups/${id}`,
  });
  return ok(id);
}

export interface GroupPage {
  group: ReturnType<typeof decorate>;
  cycles: CycleAnswer[];
  /** Why a cycle cannot be scheduled yet, or null. */
  schedulingProblem: Phrase | null;
}

/** A group, to its schools (invited ones too) and to those on its cycles. */
export async function groupPage(ctx: AppContext, user: SessionUser, id: number): Promise<Result<GroupPage>> {
  const group = await getGroup(ctx.db, id);
  if (!group) return fail('not-found', 'No such review group.');
  const cycles = (await cyclesFor(ctx, user)).filter((c) => c.group.id === id);
  const inGroup = group.schools.some(
    (s) => (s.consent === 'joined' || s.consent === 'invited') && memberOf(user, s.urn),
  );
  if (!inGroup && cycles.length === 0) return fail('not-found', 'No such review group.');
  return ok({
    group: decorate(user, group),
    cycles,
    schedulingProblem: schedulingProblem(group.model, group.schools),
  });
}

/** An invited school's administrator agrees to take part, or declines. */
export async function answerInvitation(
  ctx: AppContext,
  user: SessionUser,
  groupId: number,
  raw: unknown,
): Promise<Result<true>> {
  const parsed = parseInput(answerInput, raw);
  if (!parsed.ok) return parsed;
  if (!adminOf(user, parsed.value.urn))
    return fail('forbidden', 'Only the school’s administrators can answer for it.');
  const done = await answerGroup(ctx.db, groupId, parsed.value.urn, 'invited', parsed.value.answer, user);
  return done ? ok(true) : fail('conflict', 'The school has already answered this invitation.');
}

export interface ScheduleForm {
  group: ReviewGroup;
  frameworks: PeerReviewFramework[];
  /** Trained reviewers from outside the group, who can moderate its cycle. */
  moderators: RegisteredReviewer[];
  hosts: { urn: number; name: string }[];
}

/** Trained reviewers who serve at none of the group's schools. */
async function outsideModerators(ctx: AppContext, group: ReviewGroup): Promise<RegisteredReviewer[]> {
  const inGroup = new Set(group.schools.map((s) => s.urn));
  const reviewers = await listReviewers(ctx.db);
  const outside: RegisteredReviewer[] = [];
  for (const r of reviewers) {
    if (reviewRefusal(r) || inGroup.has(r.homeUrn)) continue;
    const schools = await schoolsOfUser(ctx.db, r.userId);
    if (!schools.some((u) => inGroup.has(u))) outside.push(r);
  }
  return outside;
}

export async function scheduleForm(
  ctx: AppContext,
  user: SessionUser,
  groupId: number,
): Promise<Result<ScheduleForm>> {
  const page = await groupPage(ctx, user, groupId);
  if (!page.ok) return page;
  const { group } = page.value;
  if (!group.mayManage)
    return fail('forbidden', 'Only administrators of the group’s schools can schedule a cycle.');
  const problem = page.value.schedulingProblem;
  if (problem) return fail('conflict', { message: writePhrase(problem), phrase: problem });
  const joined = new Set(joinedSchools(group.schools));
  return ok({
    group,
    frameworks: (await peerReviewCatalogue()).current(),
    moderators: await outsideModerators(ctx, group),
    hosts: group.schools.filter((s) => joined.has(s.urn)).map((s) => ({ urn: s.urn, name: s.name })),
  });
}

/** Schedules a cycle: a visit to each school that agreed, in date order; the moderator's sample fixed now. */
export function scheduleCycle(
  ctx: AppContext,
  user: SessionUser,
  groupId: number,
  raw: unknown,
): Promise<Result<number>> {
  return step(scheduleForm(ctx, user, groupId), [], cycleInput, raw, async (form, input) => {
    const framework = (await peerReviewCatalogue()).find(input.frameworkId);
    if (!framework) return invalidField('frameworkId', 'Choose a framework from the list');
    if (input.endsOn < input.startsOn)
      return invalidField('endsOn', 'The cycle must end on or after the day it starts');
    if (!form.moderators.some((m) => m.userId === input.moderatorUserId)) {
      return invalidField('moderatorUserId', 'Choose a trained reviewer from outside the group as moderator');
    }
    const visits: { urn: number; visitOn: string }[] = [];
    for (const host of form.hosts) {
      const field = `visit-${host.urn}`;
      const school = { school: host.name };
      const date = isoDate('the date of the visit to {{school}}', school).safeParse(
        input.visits[field] ?? '',
      );
      if (!date.success) {
        const issue = date.error.issues[0]!;
        const words = wordingOf(issue);
        return invalidField(field, words ? { message: issue.message, ...words } : issue.message);
      }
      if (date.data < input.startsOn || date.data > input.endsOn) {
        return invalidField(field, worded('The visit to {{school}} must fall within the cycle', school));
      }
      visits.push({ urn: host.urn, visitOn: date.data });
    }
    visits.sort((a, b) => a.visitOn.localeCompare(b.visitOn) || a.urn - b.urn);
    return ok(
      await createCycle(
        ctx.db,
        {
          groupId,
          title: input.title,
          framework: { id: framework.id, version: framework.version },
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          moderatorUserId: input.moderatorUserId,
          visits: visits.map((v, i) => ({
            ...v,
            sampled: inModerationSample(i, ctx.config.peerReview.moderation),
          })),
        },
        user,
      ),
    );
  });
}
