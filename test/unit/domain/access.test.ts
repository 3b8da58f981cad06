import { describe, expect, it } from 'vitest';
import {
  canAdministerPlatform,
  canAdministerSchool,
  canChangeSchoolSharing,
  canEditSchool,
  canReadSharedSchoolRecords,
  canRemoveMember,
  type OrganisationSchoolLink,
} from '../../../src/domain/access.ts';
import { sessionUser } from '../../builders/session-user.ts';

const user = sessionUser;
const member = user({ schools: [{ urn: 100, role: 'member' }] });
const schoolAdmin = user({ schools: [{ urn: 100, role: 'admin' }] });
const platformAdmin = user({ platformAdmin: true });
const officer = user({ organisations: [{ id: 7, kind: 'local-authority', name: 'Leeds' }] });

describe('editing a school', () => {
  it('is for the school’s own members and administrators', () => {
    expect(canEditSchool(member, 100)).toBe(true);
    expect(canEditSchool(schoolAdmin, 100)).toBe(true);
  });
  it('is refused to anonymous visitors, strangers, other schools, officers and platform administrators', () => {
    expect(canEditSchool(null, 100)).toBe(false);
    expect(canEditSchool(user(), 100)).toBe(false);
    expect(canEditSchool(member, 200)).toBe(false);
    expect(canEditSchool(officer, 100)).toBe(false);
    expect(canEditSchool(platformAdmin, 100)).toBe(false);
  });
});

describe('administering a school', () => {
  it('is for its administrators and platform administrators, not plain members', () => {
    expect(canAdministerSchool(schoolAdmin, 100)).toBe(true);
    expect(canAdministerSchool(platformAdmin, 100)).toBe(true);
    expect(canAdministerSchool(member, 100)).toBe(false);
    expect(canAdministerSchool(schoolAdmin, 200)).toBe(false);
    expect(canAdministerSchool(undefined, 100)).toBe(false);
  });
  it('lets only the school’s own administrators choose what it shares', () => {
    expect(canChangeSchoolSharing(schoolAdmin, 100)).toBe(true);
    expect(canChangeSchoolSharing(platformAdmin, 100)).toBe(false);
    expect(canChangeSchoolSharing(member, 100)).toBe(false);
  });
  it('does not let an administrator remove themselves', () => {
    expect(canRemoveMember(schoolAdmin, 100, 2)).toBe(true);
    expect(canRemoveMember(schoolAdmin, 100, schoolAdmin.id)).toBe(false);
    expect(canRemoveMember(member, 100, 2)).toBe(false);
  });
});

describe('reading a school’s shared records', () => {
  const links: OrganisationSchoolLink[] = [
    { organisationId: 7, urn: 100, sharesRecords: true },
    { organisationId: 7, urn: 300, sharesRecords: false },
    { organisationId: 8, urn: 400, sharesRecords: true },
  ];

  it('lets an officer read a school of their organisation that agreed to share', () => {
    expect(canReadSharedSchoolRecords(officer, 100, links)).toBe(true);
  });
  it('refuses an officer when the school has not agreed, or withdrew', () => {
    expect(canReadSharedSchoolRecords(officer, 300, links)).toBe(false);
  });
  it('refuses an officer of another organisation, even if the school shares with that one', () => {
    expect(canReadSharedSchoolRecords(officer, 400, links)).toBe(false);
  });
  it('ignores links that belong to another school', () => {
    expect(
      canReadSharedSchoolRecords(officer, 100, [{ organisationId: 7, urn: 999, sharesRecords: true }]),
    ).toBe(false);
  });
  it('lets the school’s own members read, and not strangers or platform administrators', () => {
    expect(canReadSharedSchoolRecords(member, 100, [])).toBe(true);
    expect(canReadSharedSchoolRecords(user(), 100, links)).toBe(false);
    expect(canReadSharedSchoolRecords(platformAdmin, 100, links)).toBe(false);
    expect(canReadSharedSchoolRecords(null, 100, links)).toBe(false);
  });
});

describe('administering the platform', () => {
  it('is for platform administrators only', () => {
    expect(canAdministerPlatform(platformAdmin)).toBe(true);
    expect(canAdministerPlatform(schoolAdmin)).toBe(false);
    expect(canAdministerPlatform(null)).toBe(false);
  });
});
