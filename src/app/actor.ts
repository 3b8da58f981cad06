import { canAdministerPlatform, type SessionUser } from '../domain/access.ts';
import { fail, ok, type Result } from './result.ts';

/**
 * Who asks for a use case: a signed-in person, or (null) the operator at the command line, who
 * already holds the machine and its database and so has a platform administrator's rights.
 */
export type Actor = SessionUser | null;

/** Platform administrators and the operator. */
export function mayAdministerPlatform(actor: Actor): Result<true> {
  return actor === null || canAdministerPlatform(actor)
    ? ok(true)
    : fail('forbidden', 'Only platform administrators can do this.');
}
