import {
  getActiveProfileName,
  getProfileVersion,
  listProfileVersions,
  publishProfileVersion,
  setActiveProfile,
} from '../../data/profiles.ts';
import { countGroups } from '../../domain/classification/counts.ts';
import type { PerformanceProfile } from '../../domain/classification/types.ts';
import { mayAdministerPlatform, type Actor } from '../actor.ts';
import type { AppContext } from '../context.ts';
import { fail, invalidField, ok, worded, type Result } from '../result.ts';

/** Every published version of every profile, newest first per profile, and the active one. */
export async function listProfiles(ctx: Pick<AppContext, 'db'>) {
  const [versions, active] = await Promise.all([listProfileVersions(ctx.db), getActiveProfileName(ctx.db)]);
  return {
    active,
    profiles: versions.map((v) => ({
      ...v,
      createdAt: v.createdAt.toISOString(),
      active: v.name === active,
    })),
  };
}
export type ProfileListing = Awaited<ReturnType<typeof listProfiles>>;

/** Makes a profile the one used when none is named (audited); every answer follows at once. */
export async function activateProfile(
  ctx: Pick<AppContext, 'db' | 'snapshots'>,
  actor: Actor,
  name: string,
): Promise<Result<{ active: string }>> {
  const allowed = mayAdministerPlatform(actor);
  if (!allowed.ok) return allowed;
  if (!(await setActiveProfile(ctx.db, name, actor))) {
    const known = [...new Set((await listProfileVersions(ctx.db)).map((v) => v.name))];
    return invalidField(
      'name',
      worded('There is no performance profile called "{{name}}": choose one of {{known}}', {
        name,
        known: known.join(', '),
      }),
    );
  }
  await ctx.snapshots.refresh();
  return ok({ active: name });
}

/** One profile's versions, newest first, and whether it is the active one. */
export async function profileHistory(ctx: Pick<AppContext, 'db'>, name: string) {
  const versions = await listProfileVersions(ctx.db, name);
  if (versions.length === 0)
    return fail('not-found', worded('There is no performance profile called "{{name}}"', { name }));
  const [profile, active] = await Promise.all([
    getProfileVersion(ctx.db, name),
    getActiveProfileName(ctx.db),
  ]);
  return ok({
    profile: profile!,
    active: active === name,
    versions: versions.map((v) => ({ ...v, createdAt: v.createdAt.toISOString() })),
  });
}

/** The latest version of a profile and the one a new version starts from (the latest unless named). */
export async function profileToEdit(ctx: Pick<AppContext, 'db'>, name: string, from: number | undefined) {
  const [latest, base] = await Promise.all([
    getProfileVersion(ctx.db, name),
    getProfileVersion(ctx.db, name, from),
  ]);
  return latest && base
    ? ok({ latest, base })
    : fail(
        'not-found',
        worded('No version {{version}} of profile "{{name}}"', { version: from ?? '', name }),
      );
}

/**
 * How many open schools each group would hold under a draft, beside the profile as published: the
 * draft classifies every school, which is done in a worker (2.4–2.8 s at 147,791 schools, a third
 * of a second at 21,708, by hand).
 */
export async function previewProfile(
  ctx: Pick<AppContext, 'snapshots' | 'compute'>,
  draft: PerformanceProfile,
) {
  const snapshot = await ctx.snapshots.withView(draft.name);
  const current = snapshot.view(draft.name)?.classifications.values() ?? [];
  const preview = await ctx.compute.run(snapshot, { kind: 'preview', draft });
  return {
    current: countGroups(current),
    draft: preview.draft,
    schools: snapshot.schools.length,
    asOf: snapshot.asOf,
    inspections: preview.inspections,
  };
}

/** Publishes a checked profile as its next version (audited); every answer follows at once. */
export async function publishProfile(
  ctx: Pick<AppContext, 'db' | 'snapshots'>,
  actor: Actor,
  profile: Omit<PerformanceProfile, 'version'>,
  basedOnVersion: number,
): Promise<Result<PerformanceProfile>> {
  const allowed = mayAdministerPlatform(actor);
  if (!allowed.ok) return allowed;
  const published = await publishProfileVersion(ctx.db, profile, actor, basedOnVersion);
  await ctx.snapshots.refresh();
  return ok(published);
}
