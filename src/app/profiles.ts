import { unknownProfile, type ProfileView, type Snapshot } from '../domain/snapshot.ts';
import { fail, ok, type Result } from './result.ts';

/** The named performance profile's view of the registry, the active one when none is named. */
export function profileView(snapshot: Snapshot, name: string | undefined): Result<ProfileView> {
  const view = snapshot.view(name);
  if (view) return ok(view);
  const { message } = unknownProfile(snapshot, name);
  return fail('unknown-profile', message, [{ field: 'profile', message }]);
}
