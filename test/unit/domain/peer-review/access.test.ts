import { describe, expect, it } from 'vitest';
import { reviewRights, type ReviewParties } from '../../../../src/domain/peer-review/access.ts';
import { sessionUser } from '../../../builders/session-user.ts';

const user = sessionUser;
const review: ReviewParties = {
  hostUrn: 100,
  groupUrns: [100, 200, 300],
  teamUserIds: [5, 6],
  moderatorUserId: 9,
  sharedWithGroup: false,
  sharedOrganisationIds: [],
};

describe('who reads a review’s report', () => {
  it('the host school’s people, the team and the moderator', () => {
    expect(reviewRights(user({ schools: [{ urn: 100, role: 'member' }] }), review).readReport).toBe(true);
    expect(reviewRights(user({ id: 5 }), review).readReport).toBe(true);
    expect(reviewRights(user({ id: 9 }), review).readReport).toBe(true);
  });

  it('not the group’s other schools until the host shares it with the group', () => {
    const other = user({ schools: [{ urn: 200, role: 'admin' }] });
    expect(reviewRights(other, review)).toMatchObject({ seePlan: true, readReport: false, formTeam: true });
    expect(reviewRights(other, { ...review, sharedWithGroup: true }).readReport).toBe(true);
  });

  it('not an officer until the host shares it with their organisation', () => {
    const officer = user({ organisations: [{ id: 7, kind: 'local-authority', name: 'LA' }] });
    expect(reviewRights(officer, review)).toMatchObject({ seePlan: false, readReport: false });
    expect(reviewRights(officer, { ...review, sharedOrganisationIds: [7] }).readReport).toBe(true);
  });

  it('not a platform administrator, nor a stranger, nor anyone signed out', () => {
    expect(reviewRights(user({ platformAdmin: true }), review).readReport).toBe(false);
    expect(reviewRights(user({ schools: [{ urn: 999, role: 'admin' }] }), review).seePlan).toBe(false);
    expect(reviewRights(null, review).seePlan).toBe(false);
  });
});

describe('who does what', () => {
  it('the team records findings; the host school acts as host; its administrators share', () => {
    expect(reviewRights(user({ id: 5 }), review)).toMatchObject({ recordFindings: true, actAsHost: false });
    expect(reviewRights(user({ schools: [{ urn: 100, role: 'member' }] }), review)).toMatchObject({
      actAsHost: true,
      shareReport: false,
      recordFindings: false,
    });
    expect(reviewRights(user({ schools: [{ urn: 100, role: 'admin' }] }), review).shareReport).toBe(true);
  });

  it('only the cycle’s moderator moderates', () => {
    expect(reviewRights(user({ id: 9 }), review).moderate).toBe(true);
    expect(reviewRights(user({ id: 5 }), review).moderate).toBe(false);
  });
});
