import { describe, expect, it } from 'vitest';
import {
  agreeFor,
  agreementState,
  planChanges,
  planText,
} from '../../../../src/domain/partnerships/agreement.ts';
import { by, LEAD, PARTNER, partnership } from '../../../builders/partnership.ts';

const agreed = (urn: number, planVersion = 1) => ({ urn, planVersion, agreedByUserId: 7, agreedAt: by.at });

describe('each school agreeing for itself', () => {
  it('leaves the partnership proposed while another school is still to agree', () => {
    const result = agreeFor(partnership(), [], LEAD, 1, by);
    expect(result).toMatchObject({
      ok: true,
      value: { agreement: { urn: LEAD, planVersion: 1 }, transition: null },
    });
  });

  it('agrees the partnership when the last school agrees to the same version', () => {
    const result = agreeFor(partnership(), [agreed(LEAD)], PARTNER, 1, by);
    expect(result).toMatchObject({ ok: true, value: { transition: { status: 'agreed' } } });
  });

  it('does not count an agreement to an earlier version of the plan', () => {
    expect(agreeFor(partnership(), [agreed(LEAD, 1)], PARTNER, 2, by)).toMatchObject({
      ok: true,
      value: { transition: null },
    });
    expect(agreementState(partnership().members, [agreed(LEAD, 1)], 2).waiting.map((m) => m.urn)).toEqual([
      LEAD,
      PARTNER,
    ]);
  });

  it('refuses a school that already agreed, or one not taking part', () => {
    expect(agreeFor(partnership(), [agreed(LEAD)], LEAD, 1, by)).toMatchObject({
      ok: false,
      error: { code: 'already-agreed' },
    });
    expect(agreeFor(partnership(), [], 999999, 1, by)).toMatchObject({
      ok: false,
      error: { code: 'not-taking-part' },
    });
  });

  it('says what changed in the plan, section by section', () => {
    const before = planText(partnership());
    const after = planText(partnership({ staffDays: 24 }));
    expect(planChanges(before, after)).toEqual([
      { section: 'resources', removed: ['Staff days: 12'], added: ['Staff days: 24'] },
    ]);
    expect(planChanges(before, planText(partnership()))).toEqual([]);
  });
});
