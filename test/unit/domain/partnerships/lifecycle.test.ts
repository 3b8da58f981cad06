import { describe, expect, it } from 'vitest';
import {
  agree,
  answerInvitation,
  beginReview,
  close,
  start,
} from '../../../../src/domain/partnerships/lifecycle.ts';
import { by, member, PARTNER, partnership, LEAD } from '../../../builders/partnership.ts';

describe('agreeing a proposed partnership', () => {
  it('moves to agreed and records who agreed and when', () => {
    const result = agree(partnership(), by);
    expect(result).toEqual({
      ok: true,
      value: {
        status: 'agreed',
        closure: null,
        endReason: null,
        event: {
          kind: 'agreed',
          fromStatus: 'proposed',
          toStatus: 'agreed',
          urn: null,
          byUserId: 7,
          at: by.at,
          reason: null,
        },
      },
    });
  });

  it('waits for every invited school to answer, naming them', () => {
    const p = partnership({
      members: [
        member(LEAD, { invitation: 'proposer' }),
        member(PARTNER, { invitation: 'invited', name: 'Oak Primary' }),
      ],
    });
    const result = agree(p, by);
    expect(result).toMatchObject({ ok: false, error: { code: 'invitations-pending' } });
    expect(!result.ok && result.error.message).toContain('Oak Primary');
  });

  it('needs at least one partner to have accepted', () => {
    const p = partnership({
      members: [member(LEAD, { invitation: 'proposer' }), member(PARTNER, { invitation: 'declined' })],
    });
    expect(agree(p, by)).toMatchObject({ ok: false, error: { code: 'too-few-schools' } });
  });

  it('needs every set-up section complete', () => {
    expect(agree(partnership({ exitStrategy: ' ' }), by)).toMatchObject({
      ok: false,
      error: { code: 'setup-incomplete' },
    });
  });

  it('cannot agree twice', () => {
    expect(agree(partnership({ status: 'agreed' }), by)).toMatchObject({
      ok: false,
      error: { code: 'wrong-status' },
    });
  });
});

describe('running and closing', () => {
  it('starts an agreed partnership on or after its start date, not before', () => {
    const p = partnership({ status: 'agreed', startDate: '2024-09-02' });
    expect(start(p, { byUserId: 7, at: '2024-09-01T23:00:00.000Z' })).toMatchObject({
      ok: false,
      error: { code: 'before-start' },
    });
    expect(start(p, by)).toMatchObject({
      ok: true,
      value: { status: 'active', event: { kind: 'started', fromStatus: 'agreed' } },
    });
  });

  it('reviews only an active partnership', () => {
    expect(beginReview(partnership({ status: 'agreed' }), by)).toMatchObject({
      ok: false,
      error: { code: 'wrong-status' },
    });
    expect(beginReview(partnership({ status: 'active' }), by)).toMatchObject({
      ok: true,
      value: { status: 'reviewing' },
    });
  });

  it('completes only after a review', () => {
    expect(close(partnership({ status: 'active' }), { closure: 'completed' }, by)).toMatchObject({
      ok: false,
      error: { code: 'wrong-status', message: expect.stringContaining('reviewing') },
    });
    expect(close(partnership({ status: 'reviewing' }), { closure: 'completed' }, by)).toMatchObject({
      ok: true,
      value: {
        status: 'closed',
        closure: 'completed',
        event: { kind: 'completed', fromStatus: 'reviewing', toStatus: 'closed' },
      },
    });
  });

  it('ends early from any open status, but only with a reason', () => {
    for (const status of ['proposed', 'agreed', 'active', 'reviewing'] as const) {
      expect(close(partnership({ status }), { closure: 'ended-early', reason: '  ' }, by)).toMatchObject({
        ok: false,
        error: { code: 'reason-required' },
      });
      expect(
        close(partnership({ status }), { closure: 'ended-early', reason: 'Head left' }, by),
      ).toMatchObject({
        ok: true,
        value: {
          status: 'closed',
          closure: 'ended-early',
          endReason: 'Head left',
          event: { reason: 'Head left', fromStatus: status },
        },
      });
    }
  });

  it('cannot reopen or re-close a closed partnership', () => {
    const closed = partnership({ status: 'closed', closure: 'completed' });
    expect(close(closed, { closure: 'ended-early', reason: 'x' }, by).ok).toBe(false);
    expect(start(closed, by).ok).toBe(false);
  });
});

describe('answering an invitation', () => {
  const invited = partnership({
    members: [member(LEAD, { invitation: 'proposer' }), member(PARTNER, { invitation: 'invited' })],
  });

  it('records acceptance with the school, who and when, without changing the status', () => {
    expect(answerInvitation(invited, PARTNER, 'accept', by)).toEqual({
      ok: true,
      value: {
        member: { ...member(PARTNER), invitation: 'accepted', respondedAt: by.at },
        event: {
          kind: 'invitation-accepted',
          fromStatus: 'proposed',
          toStatus: 'proposed',
          urn: PARTNER,
          byUserId: 7,
          at: by.at,
          reason: null,
        },
      },
    });
  });

  it('records a decline', () => {
    expect(answerInvitation(invited, PARTNER, 'decline', by)).toMatchObject({
      ok: true,
      value: { member: { invitation: 'declined' }, event: { kind: 'invitation-declined' } },
    });
  });

  it('refuses a school that was not invited or has already answered', () => {
    expect(answerInvitation(invited, 999999, 'accept', by)).toMatchObject({
      ok: false,
      error: { code: 'not-invited' },
    });
    expect(answerInvitation(invited, LEAD, 'accept', by)).toMatchObject({
      ok: false,
      error: { code: 'not-invited' },
    });
    expect(answerInvitation(partnership(), PARTNER, 'decline', by)).toMatchObject({
      ok: false,
      error: { code: 'not-invited' },
    });
  });

  it('refuses an answer once the proposal has been withdrawn', () => {
    expect(answerInvitation({ ...invited, status: 'closed' }, PARTNER, 'accept', by)).toMatchObject({
      ok: false,
      error: { code: 'wrong-status' },
    });
  });
});
