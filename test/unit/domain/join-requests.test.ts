import { describe, expect, it } from 'vitest';
import { canDecideJoinRequest, invitationRoute } from '../../../src/domain/join-requests.ts';
import { sessionUser } from '../../builders/session-user.ts';

const person = sessionUser;

describe('who joins a school, and who decides', () => {
  it('lets a school’s administrator invite straight away', () => {
    expect(invitationRoute(person({ schools: [{ urn: 5, role: 'admin' }] }), 5, true)).toBe('direct');
  });

  it('holds a platform administrator’s invitation for the school’s administrators, or tells overseers when it has none', () => {
    const platform = person({ platformAdmin: true, schools: [{ urn: 6, role: 'admin' }] });
    expect(invitationRoute(platform, 5, true)).toBe('needs-school-approval');
    expect(invitationRoute(platform, 5, false)).toBe('direct-and-told');
  });

  it('gives a platform administrator’s request to the school’s administrators alone', () => {
    const request = { urn: 5, reason: 'platform-administrator' as const, requestedBy: { id: 9, name: 'P' } };
    expect(canDecideJoinRequest(person({ schools: [{ urn: 5, role: 'admin' }] }), request, [])).toBe(true);
    expect(canDecideJoinRequest(person({ schools: [{ urn: 5, role: 'member' }] }), request, [])).toBe(false);
    expect(canDecideJoinRequest(person({ platformAdmin: true }), request, [])).toBe(false);
    expect(canDecideJoinRequest(null, request, [])).toBe(false);
  });

  it('gives a first administrator’s request to platform administrators and the school’s organisations, never the asker', () => {
    const request = { urn: 5, reason: 'first-administrator' as const, requestedBy: { id: 9, name: 'Asker' } };
    const officer = (id: number) => person({ organisations: [{ id, kind: 'trust', name: 'T' }] });
    expect(canDecideJoinRequest(person({ platformAdmin: true }), request, [3])).toBe(true);
    expect(canDecideJoinRequest(officer(3), request, [3])).toBe(true);
    expect(canDecideJoinRequest(officer(4), request, [3])).toBe(false);
    expect(canDecideJoinRequest(person({ id: 9, platformAdmin: true }), request, [3])).toBe(false);
  });
});
