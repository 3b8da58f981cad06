import { describe, expect, it } from 'vitest';
import { matchLeaders, type LeaderCandidate } from '../../../../src/domain/leaders/matching.ts';
import { designationsHeld } from '../../../../src/domain/leaders/profile.ts';

const school = { name: 'Needs Primary', location: { lat: 52.0, lon: -1.0 } };
// About 11.1 km north of the school per 0.1 degree of latitude.
const north = (km: number) => ({ lat: 52.0 + km / 111.2, lon: -1.0 });

const leader = (over: Partial<LeaderCandidate> & { id: number; name: string }): LeaderCandidate => ({
  designations: [],
  expertise: ['leadership'],
  phases: ['primary'],
  daysLeft: 6,
  location: north(5),
  travelKm: 20,
  worksRemotely: false,
  ...over,
});

describe('matching system leaders to a need', () => {
  it('keeps only leaders with at least one of the areas asked for, most areas first', () => {
    const found = matchLeaders(
      [
        leader({ id: 1, name: 'Ada', expertise: ['literacy'] }),
        leader({ id: 2, name: 'Ben', expertise: ['governance'] }),
        leader({ id: 3, name: 'Cas', expertise: ['literacy', 'numeracy'] }),
      ],
      { expertise: ['literacy', 'numeracy'] },
    );
    expect(found.map((m) => m.leader.name)).toEqual(['Cas', 'Ada']);
    expect(found[0]!.reasons.map((r) => r.message)).toEqual([
      'Expertise in literacy (reading, writing, English) and numeracy (mathematics)',
    ]);
  });

  it('keeps leaders who travel as far as the school, or work remotely, with the distance', () => {
    const found = matchLeaders(
      [
        leader({ id: 1, name: 'Near', location: north(8) }),
        leader({ id: 2, name: 'Far', location: north(40) }),
        leader({ id: 3, name: 'Remote', location: north(40), travelKm: null, worksRemotely: true }),
      ],
      { near: school },
    );
    expect(found.map((m) => [m.leader.name, m.distanceKm])).toEqual([
      ['Near', 8],
      ['Remote', 40],
    ]);
    expect(found[0]!.reasons.map((r) => r.message)).toEqual([
      '8 km from Needs Primary, within the 20 km they travel',
    ]);
    expect(found[1]!.reasons.map((r) => r.message)).toEqual(['Works remotely (40 km from Needs Primary)']);
  });

  it('leaves out leaders of other phases, without the designation, or with no days when availability is asked for', () => {
    const found = matchLeaders(
      [
        leader({ id: 1, name: 'Secondary', phases: ['secondary'] }),
        leader({ id: 2, name: 'Busy', daysLeft: 0, designations: designationsHeld('NLE', []) }),
        leader({ id: 3, name: 'Free', designations: designationsHeld(null, ['NLE']) }),
        leader({ id: 4, name: 'Free, no title' }),
      ],
      { phase: 'primary', designation: 'NLE', available: true },
    );
    expect(found.map((m) => m.leader.name)).toEqual(['Free']);
    expect(found[0]!.reasons.map((r) => r.message)).toEqual([
      'Works with primary schools',
      'National leader of education (NLE), not verified',
      '6 days free',
    ]);
  });

  it('puts verified designations ahead, then the nearest', () => {
    const found = matchLeaders(
      [
        leader({ id: 1, name: 'Unverified near', location: north(2) }),
        leader({
          id: 2,
          name: 'Verified far',
          location: north(15),
          designations: designationsHeld('SLE', []),
        }),
        leader({ id: 3, name: 'Unverified nearer', location: north(1) }),
      ],
      { near: school },
    );
    expect(found.map((m) => m.leader.name)).toEqual(['Verified far', 'Unverified nearer', 'Unverified near']);
  });

  it('gives no reasons when nothing is asked', () => {
    expect(matchLeaders([leader({ id: 1, name: 'Ada' })], {})[0]!.reasons.map((r) => r.message)).toEqual([]);
  });
});

describe('designations a leader holds', () => {
  it('shows the verified one first and each once', () => {
    expect(designationsHeld('SLE', ['NLE', 'SLE'])).toEqual([
      { code: 'SLE', verified: true },
      { code: 'NLE', verified: false },
    ]);
  });
});
