import { describe, expect, it } from 'vitest';
import {
  conflictsOf,
  DEFAULT_CONFLICT_SETTINGS,
  type PartnershipLink,
  type SchoolFacts,
} from '../../../../src/domain/peer-review/conflicts.ts';
import { writePhrase } from '../../../../src/domain/words.ts';

const school = (over: Partial<SchoolFacts> & { urn: number }): SchoolFacts => ({
  name: `School ${over.urn}`,
  phase: 'primary',
  trust: null,
  statutoryLowAge: 4,
  statutoryHighAge: 11,
  location: null,
  ...over,
});
// About 11 km apart.
const host = school({ urn: 1, name: 'Host Primary', location: { lat: 53.8, lon: -1.55 } });
const away = school({ urn: 2, name: 'Away Primary', location: { lat: 53.9, lon: -1.55 } });
const today = '2026-03-01';

const kinds = (
  schools: SchoolFacts[],
  partnerships: PartnershipLink[] = [],
  declared: {
    kind: 'worked-at' | 'governs' | 'family' | 'trust-membership' | 'commercial';
    urn: number;
  }[] = [],
  settings = DEFAULT_CONFLICT_SETTINGS,
) => conflictsOf({ declared, schools }, host, partnerships, settings, today).map((c) => c.kind);

const partnership = (over: Partial<PartnershipLink>): PartnershipLink => ({
  type: 'peer-to-peer',
  status: 'active',
  urns: [1, 2],
  closedOn: null,
  ...over,
});

describe('conflicts people declare', () => {
  it.each(['worked-at', 'governs', 'family', 'trust-membership', 'commercial'] as const)(
    'a declared %s conflict with the host counts, with its reason',
    (kind) => {
      const found = conflictsOf(
        { declared: [{ kind, urn: 1 }], schools: [away] },
        host,
        [],
        DEFAULT_CONFLICT_SETTINGS,
        today,
      );
      expect(found.map((c) => [c.kind, c.source, writePhrase(c.reason)])).toEqual([
        [kind, 'declared', expect.stringMatching(/^The reviewer declared that /)],
      ]);
    },
  );

  it('a conflict declared with another school does not count against this host', () => {
    expect(kinds([away], [], [{ kind: 'governs', urn: 99 }])).toEqual([]);
  });
});

describe('conflicts S2S detects', () => {
  it('finds none between unrelated schools far apart', () => {
    expect(kinds([away])).toEqual([]);
  });

  it('same trust, whatever the spacing or capitals of its name', () => {
    const found = conflictsOf(
      { declared: [], schools: [{ ...away, trust: ' Northern Lights Trust' }] },
      { ...host, trust: 'northern lights trust' },
      [],
      DEFAULT_CONFLICT_SETTINGS,
      today,
    );
    expect(found.map((c) => [c.kind, writePhrase(c.reason)])).toEqual([
      ['same-trust', 'Away Primary and Host Primary are both in northern lights trust.'],
    ]);
  });

  it('a current partnership between the schools', () => {
    expect(kinds([away], [partnership({ status: 'active' })])).toEqual(['partnership']);
  });

  it('says which partnership binds them, and until when', () => {
    const reasons = (p: PartnershipLink) =>
      conflictsOf({ declared: [], schools: [away] }, host, [p], DEFAULT_CONFLICT_SETTINGS, today).map((c) =>
        writePhrase(c.reason),
      );
    expect(reasons(partnership({ status: 'active' }))).toEqual([
      'Away Primary and Host Primary are in a partnership together (now).',
    ]);
    expect(reasons(partnership({ type: 'deployment', status: 'closed', closedOn: '2025-01-10' }))).toEqual([
      'Away Primary and Host Primary are in a deployment together (until 2025-01-10).',
    ]);
  });

  it('a partnership closed within the recent window still counts; an older one does not', () => {
    expect(kinds([away], [partnership({ status: 'closed', closedOn: '2025-01-10' })])).toEqual([
      'partnership',
    ]);
    expect(kinds([away], [partnership({ status: 'closed', closedOn: '2023-12-31' })])).toEqual([]);
  });

  it('a partnership only proposed does not bind the schools', () => {
    expect(kinds([away], [partnership({ status: 'proposed' })])).toEqual([]);
  });

  it('a partnership of other schools does not count', () => {
    expect(kinds([away], [partnership({ urns: [1, 3] })])).toEqual([]);
  });

  it('a deployment between them', () => {
    expect(kinds([away], [partnership({ type: 'deployment', status: 'agreed' })])).toEqual(['deployment']);
  });

  it('a federation between them', () => {
    expect(kinds([away], [partnership({ type: 'federation' })])).toEqual(['federation']);
  });

  it('schools teaching pupils of the same age within the configured distance compete', () => {
    const near = school({ urn: 3, name: 'Near Primary', location: { lat: 53.81, lon: -1.55 } });
    const found = conflictsOf({ declared: [], schools: [near] }, host, [], DEFAULT_CONFLICT_SETTINGS, today);
    expect(found.map((c) => [c.kind, writePhrase(c.reason)])).toEqual([
      [
        'competing',
        'Near Primary is 1.1 km from Host Primary and teaches pupils of the same age, so the schools may compete for pupils.',
      ],
    ]);
  });

  it('the distance is a setting', () => {
    expect(kinds([away], [], [], { ...DEFAULT_CONFLICT_SETTINGS, competingWithinKm: 12 })).toEqual([
      'competing',
    ]);
    expect(kinds([away], [], [], { ...DEFAULT_CONFLICT_SETTINGS, competingWithinKm: 10 })).toEqual([]);
  });

  it('a nearby school teaching other ages does not compete', () => {
    const secondary = school({
      urn: 4,
      phase: 'secondary',
      statutoryLowAge: 11,
      statutoryHighAge: 16,
      location: { lat: 53.81, lon: -1.55 },
    });
    expect(kinds([secondary])).toEqual([]);
  });

  it('checks every school the reviewer serves at', () => {
    expect(kinds([school({ urn: 5 }), away], [partnership({ urns: [2, 1] })])).toEqual(['partnership']);
  });
});
