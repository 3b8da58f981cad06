import type { SessionUser } from '../../src/domain/access.ts';

/** A signed-in person with no roles; tests give the roles they are about. */
export const sessionUser = (over: Partial<SessionUser> = {}): SessionUser => ({
  id: 1,
  email: 'someone@example.org',
  name: 'Someone',
  schools: [],
  organisations: [],
  systemLeader: null,
  platformAdmin: false,
  ...over,
});
