import { describe, expect, it } from 'vitest';
import { signatureState, signStep, type Signature } from '../../../../src/domain/partnerships/signatures.ts';
import type { PartnershipStatus } from '../../../../src/domain/partnerships/model.ts';
import { by, LEAD, PARTNER, partnership } from '../../../builders/partnership.ts';

const signed = (
  urn: number,
  kind: Signature['kind'],
  fromStatus: PartnershipStatus,
  reason: string | null = null,
): Signature => ({ kind, fromStatus, urn, byUserId: 7, at: by.at, reason });

describe('both schools signing a step of the lifecycle', () => {
  it('leaves the partnership where it is while another school is still to sign', () => {
    const result = signStep(partnership({ status: 'agreed' }), [], LEAD, 'start', by);
    expect(result).toMatchObject({
      ok: true,
      value: { event: { kind: 'start-signed', urn: LEAD }, transition: null, waiting: [{ urn: PARTNER }] },
    });
  });

  it('takes the step when the last school signs', () => {
    const p = partnership({ status: 'agreed' });
    const result = signStep(p, [signed(LEAD, 'start-signed', 'agreed')], PARTNER, 'start', by);
    expect(result).toMatchObject({ ok: true, value: { transition: { status: 'active' }, waiting: [] } });
  });

  it('does not count a signature made before the status last changed, nor one for another step', () => {
    const p = partnership({ status: 'active' });
    const old = [signed(LEAD, 'review-signed', 'agreed'), signed(LEAD, 'start-signed', 'active')];
    expect(signStep(p, old, PARTNER, 'review', by)).toMatchObject({ ok: true, value: { transition: null } });
    expect(signatureState(p, old)).toMatchObject({ step: 'review', signed: [], waiting: [{}, {}] });
  });

  it('refuses a second signature from the same school, naming the school it waits for', () => {
    const p = partnership({ status: 'agreed' });
    expect(signStep(p, [signed(LEAD, 'start-signed', 'agreed')], LEAD, 'start', by)).toMatchObject({
      ok: false,
      error: { code: 'already-signed', message: expect.stringContaining(`waiting for School ${PARTNER}`) },
    });
  });

  it('keeps the rules of the step itself: no start before the start date, no close before the review', () => {
    expect(
      signStep(partnership({ status: 'agreed', startDate: '2030-01-01' }), [], LEAD, 'start', by),
    ).toMatchObject({ ok: false, error: { code: 'before-start' } });
    expect(signStep(partnership({ status: 'active' }), [], LEAD, 'complete', by)).toMatchObject({
      ok: false,
      error: { code: 'wrong-status' },
    });
  });

  it('closes as completed with the reasons both schools gave', () => {
    const p = partnership({ status: 'reviewing' });
    const result = signStep(
      p,
      [signed(LEAD, 'close-signed', 'reviewing', 'Targets met')],
      PARTNER,
      'complete',
      by,
      'Leads carry on',
    );
    expect(result).toMatchObject({
      ok: true,
      value: {
        transition: { status: 'closed', closure: 'completed', endReason: 'Targets met\n\nLeads carry on' },
      },
    });
  });
});
