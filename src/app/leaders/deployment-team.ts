import { addTeamMember, removeTeamMember } from '../../data/deployment-team.ts';
import { getProfile, listPublishedProfiles } from '../../data/leaders.ts';
import type { SessionUser } from '../../domain/access.ts';
import { isCommissioner } from '../../domain/leaders/deployment.ts';
import type { LeaderRuleCode } from '../../domain/leaders/outcome.ts';
import type { SystemLeaderProfile } from '../../domain/leaders/profile.ts';
import { wordsOf } from '../../domain/words.ts';
import type { AppContext } from '../context.ts';
import { notifyPeople } from '../notifications/notifications.ts';
import { fail, invalidField, ok, parseInput, type Result } from '../result.ts';
import { teamMemberInput } from './deployment-input.ts';
import { fitting, refusalWords } from './deployment-terms.ts';
import { agreedRate, deploymentFor, type SeenDeploymentInFull } from './deployments.ts';

type Ctx = Pick<AppContext, 'db' | 'snapshots' | 'now' | 'config' | 'mailer'>;

const ONLY_COMMISSIONER = 'Only whoever commissioned the deployment changes its team.';
const TOO_LATE = 'The deployment has started, closed or been withdrawn: its team can no longer change.';

/**
 * The deployment, for whoever commissioned it while its team may still change: 404 to those who
 * may not see it, 403 to its other parties, 409 once it has started or closed.
 */
async function asCommissioner(
  ctx: Pick<AppContext, 'db'>,
  actor: SessionUser,
  id: number,
): Promise<Result<SeenDeploymentInFull>> {
  const seen = await deploymentFor(ctx, actor, id);
  if (!seen.ok) return seen;
  if (!isCommissioner(seen.value.standing, seen.value.deployment))
    return fail('forbidden', ONLY_COMMISSIONER);
  if (!seen.value.canChangeTeam) return fail('conflict', TOO_LATE);
  return seen;
}

/** Published system leaders who could join the team: not on it already, nor the person commissioning. */
export async function teamCandidates(
  ctx: Pick<AppContext, 'db'>,
  actor: SessionUser,
  seen: Pick<SeenDeploymentInFull, 'deployment'>,
): Promise<SystemLeaderProfile[]> {
  const onTeam = new Set(seen.deployment.team.map((m) => m.userId));
  return (await listPublishedProfiles(ctx.db))
    .filter((p) => !onTeam.has(p.userId) && p.userId !== actor.id)
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'));
}

/** Which field of the team form a broken rule of the member's availability is about. */
const fieldOf = (code: LeaderRuleCode) =>
  code === 'no-days' || code === 'over-availability' ? 'days' : 'profileId';

/**
 * The commissioner adds a published system leader to the team before the deployment starts,
 * with their own days between the deployment's dates and their own day rate (blank for theirs,
 * nothing within their trust or local authority as they declared). Refused, naming the field,
 * when the days would take them past the availability they declared. They are asked to accept.
 */
export async function addToTeam(
  ctx: Ctx,
  actor: SessionUser,
  id: number,
  input: unknown,
): Promise<Result<{ userId: number }>> {
  const seen = await asCommissioner(ctx, actor, id);
  if (!seen.ok) return seen;
  const parsed = parseInput(teamMemberInput, input);
  if (!parsed.ok) return parsed;
  const form = parsed.value;
  const profile = await getProfile(ctx.db, form.profileId);
  if (!profile?.publishedAt) return invalidField('profileId', 'Choose a published system leader');
  if (profile.userId === actor.id) return invalidField('profileId', 'You cannot add yourself to the team');
  const d = seen.value.deployment;
  const rate = agreedRate(await ctx.snapshots.get(), profile, d.clientUrn, form.dayRatePounds);
  const added = await addTeamMember(
    ctx.db,
    id,
    { userId: profile.userId, days: form.days, dayRatePounds: rate },
    (dates) => fitting({ days: form.days, ...dates }),
    { userId: actor.id, at: ctx.now().toISOString(), actor },
  );
  if ('closed' in added) return fail('conflict', TOO_LATE);
  if ('already' in added) return invalidField('profileId', 'That system leader is already on the team');
  if ('noProfile' in added) return invalidField('profileId', 'Choose a published system leader');
  if ('refused' in added) return invalidField(fieldOf(added.refused.code), refusalWords(added.refused));
  await notifyPeople(ctx, [profile.userId], 'deployment-commissioned', {
    subject: wordsOf('{{name}} asks you to join the team of the deployment to {{school}}', {
      name: actor.name,
      school: d.clientName,
    }),
    link: `/deployments/${id}`,
  });
  return ok({ userId: profile.userId });
}

/**
 * The commissioner removes a further member from the team before the deployment starts (one
 * who declined, to replace them); their days are free again and they are told. The lead is
 * not removed this way: the deployment is withdrawn instead.
 */
export async function removeFromTeam(
  ctx: Ctx,
  actor: SessionUser,
  id: number,
  userId: number,
): Promise<Result<null>> {
  const seen = await asCommissioner(ctx, actor, id);
  if (!seen.ok) return seen;
  const d = seen.value.deployment;
  if (!d.team.some((m) => !m.lead && m.userId === userId))
    return fail('not-found', 'That person is not a member of the team.');
  const done = await removeTeamMember(ctx.db, id, userId, { at: ctx.now().toISOString(), actor });
  if (!done) return fail('conflict', TOO_LATE);
  await notifyPeople(ctx, [userId], 'deployment-withdrawn', {
    subject: wordsOf('You are no longer on the team of the deployment to {{school}}', {
      school: d.clientName,
    }),
    link: '/deployments',
  });
  return ok(null);
}
