import type { Phase, SchoolRecord } from '../../src/domain/school.ts';
import { aSchool, anInspection, ks2Results, ks4Results } from './school-records.ts';

/** A small deterministic generator (mulberry32), so every run benchmarks the same schools. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return { next, normal };
}

/** Schools clustered around towns across England, with the 2019 mix of phases and grades. */
export function syntheticSchools(n: number, seed = 2019): SchoolRecord[] {
  const r = random(seed);
  const towns = Array.from({ length: Math.max(20, Math.round(n / 60)) }, () => ({
    lat: 50.6 + r.next() * 4.4,
    lon: -3.5 + r.next() * 5,
    spread: 0.02 + r.next() * 0.15,
  }));
  const phases: [Phase, number][] = [
    ['primary', 0.76],
    ['secondary', 0.16],
    ['special', 0.05],
    ['all-through', 0.03],
  ];
  return Array.from({ length: n }, (_, i): SchoolRecord => {
    const urn = 100_000 + i;
    const town = towns[Math.floor(r.next() * towns.length)]!;
    let pick = r.next();
    const phase = phases.find(([, share]) => (pick -= share) < 0)?.[0] ?? 'primary';
    const g = r.next();
    const grade = g < 0.2 ? 1 : g < 0.85 ? 2 : g < 0.97 ? 3 : 4;
    const ks2 = phase === 'primary' && r.next() < 0.9;
    const ks4 = (phase === 'secondary' || phase === 'all-through') && r.next() < 0.9;
    return aSchool({
      urn,
      name: `School ${urn}`,
      typeName: 'Academy converter',
      typeGroup: 'Academies',
      phase,
      statutoryLowAge: null,
      statutoryHighAge: null,
      localAuthority: null,
      region: null,
      town: null,
      postcode: null,
      location: { lat: town.lat + r.normal() * town.spread, lon: town.lon + r.normal() * town.spread * 1.6 },
      pupils: Math.round(phase === 'primary' ? 150 + r.next() * 400 : 500 + r.next() * 1200),
      fsmPercent: Math.max(0, 15 + r.normal() * 9),
      ealPercent: Math.max(0, 12 + r.normal() * 12),
      senPercent: Math.max(0, 13 + r.normal() * 4),
      urbanRural: r.next() < 0.8 ? 'Urban city and town' : 'Rural village',
      inspections: [anInspection({ urn, startDate: '2018-06-01', overallEffectiveness: grade })],
      performance: ks2
        ? [
            ks2Results({
              urn,
              cohort: 30,
              readingProgress: r.normal() * 2.5,
              writingProgress: r.normal() * 2.3,
              mathsProgress: r.normal() * 2.6,
            }),
          ]
        : ks4
          ? [ks4Results({ urn, cohort: 30, progress8: r.normal() * 0.5, attainment8: 46 + r.normal() * 8 })]
          : [],
    });
  });
}
