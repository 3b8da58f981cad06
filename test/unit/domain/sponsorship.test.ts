import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../src/domain/access.ts';
import {
  canRecordSponsorship,
  isCurrent,
  isRecent,
  overlaps,
  readSponsorship,
  sponsorshipsBySchool,
  sponsorshipsBeside,
  type Sponsor,
  type Sponsorship,
} from '../../../src/domain/sponsorship.ts';

const AIRE: Sponsor = { kind: 'organisation', id: 1, name: 'Aire Trust' };
const PENNINE: Sponsor = { kind: 'organisation', id: 2, name: 'Pennine Trust' };
const BEACON: Sponsor = { kind: 'school', urn: 300, name: 'Beacon Primary' };
let next = 1;
const spell = (
  urn: number,
  sponsor: Sponsor,
  startsOn: string,
  endsOn: string | null = null,
): Sponsorship => ({
  id: next++,
  urn,
  schoolName: `School ${urn}`,
  sponsor,
  startsOn,
  endsOn,
});
const TODAY = '2026-12-02';

describe('a sponsorship in time', () => {
  it('is in force from its first day to its last', () => {
    expect(isCurrent(spell(1, AIRE, '2026-12-02'), TODAY)).toBe(true);
    expect(isCurrent(spell(1, AIRE, '2026-12-03'), TODAY)).toBe(false);
    expect(isCurrent(spell(1, AIRE, '2020-01-01', '2026-12-02'), TODAY)).toBe(true);
    expect(isCurrent(spell(1, AIRE, '2020-01-01', '2026-12-01'), TODAY)).toBe(false);
  });

  it('is recent for two years after the school was taken on', () => {
    expect(isRecent(spell(1, AIRE, '2024-12-03'), TODAY)).toBe(true);
    expect(isRecent(spell(1, AIRE, '2024-12-02'), TODAY)).toBe(false);
    expect(isRecent(spell(1, AIRE, '2026-01-01', '2026-06-01'), TODAY)).toBe(false);
  });

  it('overlaps another spell that shares a day, open-ended or not', () => {
    expect(overlaps(spell(1, AIRE, '2020-01-01', '2021-01-01'), spell(1, AIRE, '2021-01-01'))).toBe(true);
    expect(overlaps(spell(1, AIRE, '2020-01-01', '2020-12-31'), spell(1, AIRE, '2021-01-01'))).toBe(false);
    expect(overlaps(spell(1, AIRE, '2022-01-01'), spell(1, AIRE, '2020-01-01', '2021-12-31'))).toBe(false);
    expect(overlaps(spell(1, AIRE, '2022-01-01'), spell(1, AIRE, '2020-01-01'))).toBe(true);
  });
});

describe('what partner search makes of sponsorship', () => {
  it('gives a candidate in the same trust a reason', () => {
    const all = [
      spell(10, AIRE, '2019-09-01'),
      spell(11, AIRE, '2018-09-01'),
      spell(12, PENNINE, '2018-09-01'),
    ];
    expect(readSponsorship(10, 11, sponsorshipsBySchool(all), TODAY)).toEqual({
      sameTrust: 'Aire Trust',
      recentlyTakenOn: null,
      reasons: ['In the same trust as you (Aire Trust)'],
      reasonWords: [
        { template: 'In the same trust as you ({{sponsor}})', values: { sponsor: 'Aire Trust' } },
      ],
    });
    expect(readSponsorship(10, 12, sponsorshipsBySchool(all), TODAY).sameTrust).toBeNull();
  });

  it('counts a sponsor school as in its own trust, and forgets a sponsorship that ended', () => {
    const all = [spell(10, BEACON, '2019-09-01'), spell(11, AIRE, '2010-01-01', '2015-01-01')];
    expect(readSponsorship(300, 10, sponsorshipsBySchool(all), TODAY).sameTrust).toBe('Beacon Primary');
    expect(readSponsorship(10, 300, sponsorshipsBySchool(all), TODAY).sameTrust).toBe('Beacon Primary');
    const ended = [...all, spell(10, AIRE, '2010-01-01', '2015-01-01')];
    expect(readSponsorship(10, 11, sponsorshipsBySchool(ended), TODAY).sameTrust).toBeNull();
  });

  it('says a candidate was recently taken on by another sponsor, but not by one’s own', () => {
    const all = [
      spell(10, AIRE, '2019-09-01'),
      spell(11, PENNINE, '2026-01-05'),
      spell(12, AIRE, '2026-01-05'),
    ];
    const other = readSponsorship(10, 11, sponsorshipsBySchool(all), TODAY);
    expect(other.recentlyTakenOn?.sponsor).toEqual(PENNINE);
    expect(other.reasons).toEqual([
      'Recently taken on by Pennine Trust (since 2026-01-05): its trust is supporting it',
    ]);
    expect(readSponsorship(10, 12, sponsorshipsBySchool(all), TODAY)).toMatchObject({
      sameTrust: 'Aire Trust',
      recentlyTakenOn: null,
    });
  });

  it('reads the same however many other schools’ sponsorships are recorded, in the order recorded', () => {
    const theirs = [
      spell(10, AIRE, '2019-09-01'),
      spell(10, BEACON, '2020-09-01'),
      spell(11, BEACON, '2026-02-01'),
      spell(11, PENNINE, '2026-01-05'),
      spell(300, AIRE, '2019-01-01'),
    ];
    const others = Array.from({ length: 2_000 }, (_, i) =>
      spell(
        1_000 + i,
        i % 2 ? PENNINE : { kind: 'school', urn: 5_000 + i, name: `Sponsor ${i}` },
        '2025-06-01',
      ),
    );
    const mixed = others.flatMap((s, i) => (i % 400 === 0 ? [theirs[i / 400]!, s] : [s]));
    for (const [own, candidate] of [
      [10, 11],
      [11, 10],
      [300, 11],
      [11, 300],
      [10, 300],
    ] as const) {
      expect(readSponsorship(own, candidate, sponsorshipsBySchool(mixed), TODAY)).toEqual(
        readSponsorship(own, candidate, sponsorshipsBySchool(theirs), TODAY),
      );
    }
    expect(readSponsorship(10, 11, sponsorshipsBySchool(mixed), TODAY)).toMatchObject({
      sameTrust: 'Beacon Primary',
      recentlyTakenOn: { urn: 11, sponsor: PENNINE },
    });
    expect(
      sponsorshipsBySchool(mixed)
        .get(300)!
        .map((s) => s.urn),
    ).toEqual([10, 11, 300]);
  });
});

describe('what the impact report makes of sponsorship', () => {
  const partnership = { start: '2024-09-01', until: '2026-07-31' };

  it('mentions schools taken on before the partnership and still sponsored, or during it', () => {
    const before = spell(10, AIRE, '2020-01-01');
    const during = spell(11, PENNINE, '2025-01-06');
    const endedBefore = spell(12, AIRE, '2010-01-01', '2024-08-31');
    const after = spell(13, AIRE, '2026-08-01');
    expect(
      sponsorshipsBeside([before, during, endedBefore, after], partnership).map((s) => [s.urn, s.timing]),
    ).toEqual([
      [10, 'before'],
      [11, 'during'],
    ]);
  });
});

describe('who may record a sponsorship', () => {
  const user = (over: Partial<SessionUser>): SessionUser => ({
    id: 1,
    email: 'a@example.org',
    name: 'A',
    schools: [],
    organisations: [],
    systemLeader: null,
    platformAdmin: false,
    ...over,
  });

  it('is a platform administrator, the trust’s officer or the sponsor school’s administrator', () => {
    expect(canRecordSponsorship(user({ platformAdmin: true }), { organisationId: 1 })).toBe(true);
    expect(
      canRecordSponsorship(user({ organisations: [{ id: 1, kind: 'trust', name: 'Aire' }] }), {
        organisationId: 1,
      }),
    ).toBe(true);
    expect(
      canRecordSponsorship(user({ organisations: [{ id: 2, kind: 'trust', name: 'P' }] }), {
        organisationId: 1,
      }),
    ).toBe(false);
    expect(canRecordSponsorship(user({ schools: [{ urn: 300, role: 'admin' }] }), { urn: 300 })).toBe(true);
    expect(canRecordSponsorship(user({ schools: [{ urn: 300, role: 'member' }] }), { urn: 300 })).toBe(false);
    expect(canRecordSponsorship(null, { urn: 300 })).toBe(false);
  });
});
