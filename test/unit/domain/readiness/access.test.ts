import { describe, expect, it } from 'vitest';
import { accessTo, type ReadinessViewer } from '../../../../src/domain/readiness/access.ts';

const viewer = (v: Partial<ReadinessViewer>): ReadinessViewer => ({
  userId: 1,
  memberOf: [],
  administers: [],
  organisationIds: [],
  ...v,
});

describe('who may see a readiness assessment', () => {
  const assessment = { urn: 100 };
  const shares = [
    { granteeUrn: 200, granteeOrganisationId: null },
    { granteeUrn: null, granteeOrganisationId: 9 },
  ];

  it('lets the school’s administrators manage it and its members answer it', () => {
    expect(accessTo(assessment, [], viewer({ memberOf: [100], administers: [100] }))).toBe('manage');
    expect(accessTo(assessment, [], viewer({ memberOf: [100] }))).toBe('answer');
  });

  it('lets a partner school or an organisation it was shared with read it', () => {
    expect(accessTo(assessment, shares, viewer({ memberOf: [200] }))).toBe('read');
    expect(accessTo(assessment, shares, viewer({ organisationIds: [9] }))).toBe('read');
  });

  it('refuses everyone else, including the anonymous and administrators of other schools', () => {
    expect(accessTo(assessment, shares, null)).toBe('none');
    expect(
      accessTo(assessment, shares, viewer({ memberOf: [300], administers: [300], organisationIds: [8] })),
    ).toBe('none');
  });
});
