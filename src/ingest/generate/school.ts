import type { Area, LatLon, Phase } from '../../domain/school.ts';
import type { Anchor } from './anchors.ts';
import { schoolName } from './names.ts';
import type { Random } from './random.ts';
import type { Place } from './wales.ts';

/** Share of each phase among state-funded schools in England (school census, January 2019). */
export const PHASE_MIX: Record<Phase, number> = {
  primary: 75.6,
  secondary: 14.6,
  middle: 0.5,
  'all-through': 0.8,
  special: 4.5,
  'alternative-provision': 1.6,
  nursery: 1.8,
  '16-plus': 0.6,
  'not-applicable': 0,
};

/** Median pupils and the spread (log scale) of school sizes by phase. */
const SIZE: Record<Phase, [number, number]> = {
  primary: [280, 0.45],
  secondary: [1000, 0.35],
  middle: [450, 0.3],
  'all-through': [1300, 0.35],
  special: [120, 0.5],
  'alternative-provision': [45, 0.6],
  nursery: [95, 0.4],
  '16-plus': [700, 0.4],
  'not-applicable': [100, 0.5],
};

const AGES: Record<Phase, [number, number]> = {
  primary: [4, 11],
  secondary: [11, 18],
  middle: [9, 13],
  'all-through': [4, 18],
  special: [2, 19],
  'alternative-provision': [11, 16],
  nursery: [2, 5],
  '16-plus': [16, 19],
  'not-applicable': [0, 0],
};

const GIAS_PHASE: Record<Phase, string> = {
  primary: 'Primary',
  secondary: 'Secondary',
  middle: 'Middle deemed secondary',
  'all-through': 'All-through',
  special: 'Not applicable',
  'alternative-provision': 'Not applicable',
  nursery: 'Nursery',
  '16-plus': '16 plus',
  'not-applicable': 'Not applicable',
};

/** Academies' share by phase, and GIAS's type names for each kind of school. */
const ACADEMY_SHARE: Record<Phase, number> = {
  primary: 0.4,
  secondary: 0.8,
  middle: 0.5,
  'all-through': 0.85,
  special: 0.4,
  'alternative-provision': 0.3,
  nursery: 0,
  '16-plus': 1,
  'not-applicable': 0,
};

function typeOf(
  random: Random,
  phase: Phase,
  welsh: boolean,
): { typeName: string; typeGroup: string; academy: boolean } {
  if (welsh) return { typeName: 'Welsh establishment', typeGroup: 'Welsh schools', academy: false };
  const academy = random.chance(ACADEMY_SHARE[phase]);
  if (phase === 'special')
    return academy
      ? { typeName: 'Academy special converter', typeGroup: 'Academies', academy }
      : { typeName: 'Community special school', typeGroup: 'Special schools', academy };
  if (phase === 'alternative-provision')
    return academy
      ? { typeName: 'Academy alternative provision converter', typeGroup: 'Academies', academy }
      : { typeName: 'Pupil referral unit', typeGroup: 'Local authority maintained schools', academy };
  if (phase === 'nursery')
    return { typeName: 'LA nursery school', typeGroup: 'Local authority maintained schools', academy };
  if (phase === '16-plus')
    return { typeName: 'Academy 16-19 converter', typeGroup: 'Academies', academy: true };
  if (academy) {
    const typeName = random.weighted({
      'Academy converter': 70,
      'Academy sponsor led': 20,
      'Free schools': 10,
    });
    return { typeName, typeGroup: typeName === 'Free schools' ? 'Free Schools' : 'Academies', academy };
  }
  const typeName = random.weighted({
    'Community school': 55,
    'Voluntary aided school': 20,
    'Voluntary controlled school': 15,
    'Foundation school': 10,
  });
  return { typeName, typeGroup: 'Local authority maintained schools', academy };
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round1 = (x: number) => Math.round(x * 10) / 10;
const POSTCODE_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

function postcode(random: Random, district: string | null): string | null {
  if (!district) return null;
  return `${district} ${random.int(1, 9)}${random.pick([...POSTCODE_LETTERS])}${random.pick([...POSTCODE_LETTERS])}`;
}

export interface SyntheticSchool {
  urn: number;
  name: string;
  phase: Phase;
  giasPhase: string;
  typeName: string;
  typeGroup: string;
  open: boolean;
  lowAge: number;
  highAge: number;
  pupils: number;
  fsmPercent: number;
  ealPercent: number;
  senWithPlan: number;
  senSupport: number;
  localAuthority: Area | null;
  region: Area | null;
  constituency: Area | null;
  town: string | null;
  postcode: string | null;
  location: LatLon;
  trust: string | null;
  welsh: boolean;
  /** The latent strength of the school that its inspections and results both reflect. */
  quality: number;
  /** How far its intake's deprivation is above the national average, in standard deviations. */
  deprivation: number;
}

/** Where a synthetic school sits: near a real school of its phase, or near a Welsh town. */
export type Site = { kind: 'england'; anchor: Anchor } | { kind: 'wales'; place: Place };

export function syntheticSchool(random: Random, urn: number, phase: Phase, site: Site): SyntheticSchool {
  const welsh = site.kind === 'wales';
  // About 1 km of scatter around a real school, 4 km around a Welsh town centre.
  const centre = welsh ? site.place.location : site.anchor.location;
  const spread = welsh ? 0.035 : 0.009;
  const location = {
    lat: Math.round((centre.lat + random.normal() * spread) * 1e5) / 1e5,
    lon: Math.round((centre.lon + random.normal() * spread * 1.6) * 1e5) / 1e5,
  };
  const anchorFsm = welsh ? null : site.anchor.fsmPercent;
  const fsmPercent = round1(clamp((anchorFsm ?? 18 + random.normal() * 9) + random.normal() * 4, 0, 85));
  const anchorEal = welsh ? 3 : site.anchor.ealPercent;
  const ealPercent = round1(clamp((anchorEal ?? 15) * Math.exp(random.normal() * 0.25), 0, 98));
  const deprivation = (fsmPercent - 17) / 11;
  const quality = random.normal() - 0.3 * deprivation;
  const [median, sigma] = SIZE[phase];
  const pupils = Math.max(8, Math.round(median * Math.exp(random.normal() * sigma)));
  const senShare =
    phase === 'special'
      ? 0.98
      : phase === 'alternative-provision'
        ? 0.45
        : clamp(0.13 + random.normal() * 0.05, 0.02, 0.5);
  const senWithPlan = Math.round(
    pupils * (phase === 'special' ? 0.95 : clamp(0.025 + random.normal() * 0.012, 0, 0.2)),
  );
  const senSupport = Math.max(0, Math.round(pupils * senShare) - senWithPlan);
  const { typeName, typeGroup, academy } = typeOf(random, phase, welsh);
  const localAuthority = welsh ? site.place.localAuthority : site.anchor.localAuthority;
  const town = welsh ? site.place.town : site.anchor.town;
  const district = welsh ? site.place.postcodeDistrict : (site.anchor.postcode?.split(' ')[0] ?? null);
  const [lowAge, highAge] = AGES[phase];
  return {
    urn,
    name: schoolName(random, phase, town, welsh),
    phase,
    giasPhase: GIAS_PHASE[phase],
    typeName,
    typeGroup,
    open: !random.chance(0.015),
    lowAge: phase === 'primary' && random.chance(0.3) ? 3 : lowAge,
    highAge: phase === 'secondary' && random.chance(0.35) ? 16 : highAge,
    pupils,
    fsmPercent,
    ealPercent,
    senWithPlan,
    senSupport,
    localAuthority,
    region: welsh ? { code: 'W', name: 'Wales (pseudo)' } : site.anchor.region,
    constituency: welsh ? site.place.constituency : site.anchor.constituency,
    town,
    postcode: postcode(random, district),
    location,
    trust:
      academy && random.chance(0.85)
        ? `The ${localAuthority?.name ?? town ?? 'Regional'} ${random.pick(['Learning', 'Education', 'Schools'])} Trust`
        : null,
    welsh,
    quality,
    deprivation,
  };
}
