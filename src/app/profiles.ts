import type { SnapshotStore } from '../data/snapshot.ts';
import { unknownProfile, type ProfileView, type Snapshot } from '../domain/snapshot.ts';
import { fail, ok, type Result, type Wording } from './result.ts';

/**
 * The snapshot and the named performance profile's view of it, the active one when none is named:
 * built between requests the first time another profile is asked for (see `withView`).
 */
export async function profileView(
  ctx: { snapshots: Pick<SnapshotStore, 'withView'> },
  name: string | undefined,
): Promise<Result<{ snapshot: Snapshot; view: ProfileView }>> {
  const snapshot = await ctx.snapshots.withView(name);
  const view = snapshot.view(name);
  if (view) return ok({ snapshot, view });
  return profileRefused(unknownProfile(snapshot, name));
}

/** A profile the snapshot does not hold, refused as the profile field's problem. */
export const profileRefused = ({ message, template, values }: Wording): Result<never> =>
  fail('unknown-profile', { message, template, values }, [{ field: 'profile', message, template, values }]);
