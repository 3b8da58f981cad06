import { getProfileOfUser, saveProfile, setProfilePublished } from '../../data/leaders.ts';
import { getSchoolNames } from '../../data/school-names.ts';
import type { SessionUser } from '../../domain/access.ts';
import type { SystemLeaderProfile } from '../../domain/leaders/profile.ts';
import { today, type AppContext } from '../context.ts';
import { fail, invalidField, ok, parseInput, worded, type Result } from '../result.ts';
import { capacityOf, type LeaderCapacity } from './capacity.ts';
import { profileInput } from './profile-input.ts';

/**
 * A person's own system-leader profile. Only they change it, publish it or withdraw it; nobody
 * else, administrators included, acts for them (a designation is the administrators' part).
 */
export interface OwnProfile {
  profile: SystemLeaderProfile | undefined;
  capacity: LeaderCapacity | undefined;
}

export async function ownProfile(
  ctx: Pick<AppContext, 'db' | 'now'>,
  actor: SessionUser,
): Promise<OwnProfile> {
  const profile = await getProfileOfUser(ctx.db, actor.id);
  return { profile, capacity: profile && (await capacityOf(ctx, [profile], today(ctx))).get(profile.id) };
}

/** Saves what the person says of themselves; a published profile shows the change at once. */
export async function saveOwnProfile(
  ctx: Pick<AppContext, 'db'>,
  actor: SessionUser,
  input: unknown,
): Promise<Result<{ id: number }>> {
  const parsed = parseInput(profileInput, input);
  if (!parsed.ok) return parsed;
  const { urn } = parsed.value;
  if (!(await getSchoolNames(ctx.db, [urn])).has(urn))
    return invalidField('urn', worded('There is no school with {{urn, schoolIdInSentence}}', { urn }));
  return ok({ id: await saveProfile(ctx.db, actor.id, parsed.value, actor) });
}

/** Shows the profile in the directory, the map and capacity figures, from now on. */
export async function publishOwnProfile(
  ctx: Pick<AppContext, 'db' | 'now'>,
  actor: SessionUser,
): Promise<Result<true>> {
  const done = await setProfilePublished(ctx.db, actor.id, ctx.now().toISOString(), actor);
  return done ? ok(true) : fail('not-found', 'Fill in your profile before you publish it.');
}

/** Hides the profile from everyone but its owner, at once; it is kept to publish again. */
export async function withdrawOwnProfile(
  ctx: Pick<AppContext, 'db'>,
  actor: SessionUser,
): Promise<Result<true>> {
  const done = await setProfilePublished(ctx.db, actor.id, null, actor);
  return done ? ok(true) : fail('not-found', 'You have no profile to withdraw.');
}
