import { unknownProfile, type ProfileView, type Snapshot } from '../domain/snapshot.ts';
import { fail, ok, type Result, type Wording } from './result.ts';

/** The named performance profile's view of the registry, the active one when none is named. */
export function profileView(snapshot: Snapshot, name: string | undefined): Result<ProfileView> {
  const view = snapshot.view(name);
  if (view) return ok(view);
  return profileRefused(unknownProfile(snapshot, name));
}

/** A profile the snapshot does not hold, refused as the profile field's problem. */
export const profileRefused = ({ message, template, values }: Wording): Result<never> =>
  fail('unknown-profile', { message, template, values }, [{ field: 'profile', message, template, values }]);
