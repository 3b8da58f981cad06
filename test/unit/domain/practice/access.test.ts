import { describe, expect, it } from 'vitest';
import { canModeratePractice, practiceRights } from '../../../../src/domain/practice/access.ts';
import type { PracticeStanding } from '../../../../src/domain/practice/model.ts';
import { sessionUser } from '../../../builders/session-user.ts';

const URN = 100001;
const user = sessionUser;
const member = user({ schools: [{ urn: URN, role: 'member' }] });
const platform = user({ platformAdmin: true });
const officer = user({ organisations: [{ id: 7, kind: 'local-authority', name: 'Leeds' }] });
const stranger = user({ schools: [{ urn: 200002, role: 'admin' }] });
const links = [{ organisationId: 7, urn: URN, sharesRecords: true }];

const draft: PracticeStanding = {
  urn: URN,
  publishedVersion: null,
  workingVersion: 1,
  workingState: 'draft',
  withdrawn: false,
};
const submitted: PracticeStanding = { ...draft, workingState: 'submitted' };
const published: PracticeStanding = { ...draft, publishedVersion: 1, workingState: 'published' };
const changing: PracticeStanding = { ...published, workingVersion: 2, workingState: 'draft' };
const withdrawn: PracticeStanding = { ...published, withdrawn: true };

describe('who may read, change and moderate a practice record', () => {
  it('keeps a draft to its school: moderators see it only once it is sent to them', () => {
    expect(practiceRights(member, draft, links)).toMatchObject({
      readWorking: true,
      edit: true,
      submit: true,
    });
    for (const other of [null, stranger, platform, officer]) {
      expect(practiceRights(other, draft, links)).toMatchObject({ readPublished: false, readWorking: false });
    }
    expect(practiceRights(platform, submitted, links)).toMatchObject({ readWorking: true, moderate: true });
    expect(practiceRights(officer, submitted, links)).toMatchObject({ readWorking: true, moderate: true });
    expect(practiceRights(stranger, submitted, links)).toMatchObject({ readWorking: false, moderate: false });
  });

  it('lets anyone read a published version, but not the change its school is still drafting', () => {
    expect(practiceRights(null, changing, links)).toMatchObject({ readPublished: true, readWorking: false });
    expect(practiceRights(platform, changing, links)).toMatchObject({
      readPublished: true,
      readWorking: false,
    });
    expect(practiceRights(member, changing, links)).toMatchObject({ readPublished: true, readWorking: true });
  });

  it('hides a withdrawn record from everyone but its school and moderators, and stops changes', () => {
    expect(practiceRights(null, withdrawn, links).readPublished).toBe(false);
    expect(practiceRights(stranger, withdrawn, links).readPublished).toBe(false);
    expect(practiceRights(platform, withdrawn, links).readPublished).toBe(true);
    expect(practiceRights(member, withdrawn, links)).toMatchObject({
      readPublished: true,
      edit: false,
      withdraw: false,
    });
  });

  it('lets signed-in people outside the school report a published record', () => {
    expect(practiceRights(stranger, published, links).report).toBe(true);
    expect(practiceRights(null, published, links).report).toBe(false);
    expect(practiceRights(member, published, links).report).toBe(false);
    expect(practiceRights(stranger, draft, links).report).toBe(false);
  });

  it('shows the reports on a public record to its moderators only', () => {
    expect(practiceRights(officer, published, links).reviewReports).toBe(true);
    expect(practiceRights(platform, published, links).reviewReports).toBe(true);
    for (const other of [member, stranger, null])
      expect(practiceRights(other, published, links).reviewReports).toBe(false);
    expect(practiceRights(officer, withdrawn, links).reviewReports).toBe(false);
  });

  it('never lets anyone moderate their own school’s record, and officers only schools that share with them', () => {
    expect(
      canModeratePractice(user({ platformAdmin: true, schools: [{ urn: URN, role: 'admin' }] }), URN, links),
    ).toBe(false);
    expect(canModeratePractice(officer, URN, [{ ...links[0]!, sharesRecords: false }])).toBe(false);
    expect(canModeratePractice(officer, URN, links)).toBe(true);
  });
});
