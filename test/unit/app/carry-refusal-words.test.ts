import { describe, expect, it } from 'vitest';
import { carryReadinessActions } from '../../../src/app/partnerships/readiness.ts';
import type { SessionUser } from '../../../src/domain/access.ts';
import type { Partnership } from '../../../src/domain/partnerships/model.ts';
import { translateMessage } from '../../../src/i18n/index.ts';

const TAKING_PART = 411001;
const OUTSIDE = 411002;

const partnership = (status: Partnership['status']) =>
  ({
    status,
    members: [
      {
        urn: TAKING_PART,
        name: 'Ysgol y Derw',
        role: 'reciprocal',
        invitation: 'proposer',
        respondedAt: null,
      },
    ],
  }) as unknown as Partnership;

const user = (role: 'admin' | 'member'): SessionUser => ({
  id: 1,
  email: 'pennaeth@example.org',
  name: 'Pennaeth',
  schools: [{ urn: TAKING_PART, role }],
  organisations: [],
  systemLeader: null,
  platformAdmin: false,
});

/** Each refusal to bring a readiness action plan into a partnership, in Welsh for a Welsh reader. */
describe('refusals to bring a readiness action plan in, in Welsh', () => {
  // A refusal is decided before anything is read or stored.
  const ctx = { db: undefined as never };

  it.each([
    [
      'a school not taking part',
      partnership('active'),
      OUTSIDE,
      user('admin'),
      'Dim ond ysgol sy’n cymryd rhan',
    ],
    [
      'a member who is not an administrator',
      partnership('active'),
      TAKING_PART,
      user('member'),
      'Dim ond un o weinyddwyr yr ysgol',
    ],
    [
      'a partnership not yet agreed',
      partnership('proposed'),
      TAKING_PART,
      user('admin'),
      'Gellir dod â chynllun',
    ],
  ])('refuses %s in Welsh, the English unchanged', async (_, p, urn, who, welsh) => {
    const refused = await carryReadinessActions(ctx, p, urn, who);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(translateMessage('cy', refused.error)).toContain(welsh);
    expect(translateMessage('en', refused.error)).toBe(refused.error.message);
  });
});
