import { GRADE5_LABELS, type Grade4, type Grade5 } from '../../domain/school.ts';
import { inLayout, KS2_LAYOUT, KS4_LAYOUT, OFSTED_LAYOUT } from '../layouts.ts';
import { UNGRADED_FROM } from '../ofsted.ts';
import type { Random } from './random.ts';
import type { SyntheticSchool } from './school.ts';

/** Ofsted's report cards began on 10 November 2025. */
const REPORT_CARDS_FROM = '2025-11-10';
/** The synthetic dataset's "today": the end of the 2025/26 school year. */
const AS_OF = '2026-07-17';
/** Results published for the year before it (2024/25). */
export const RESULTS_YEAR = 2025;

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
/** Inspections start on a weekday: a Saturday or Sunday moves to the Monday. */
const weekday = (day: number) => day + [1, 0, 0, 0, 0, 0, 2][new Date(day * DAY).getUTCDay()]!;
const published = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** The national mix of grades (about 17% outstanding, 69% good, 11% RI, 3% inadequate), from a latent quality. */
function grade4(score: number): Grade4 {
  return score > 0.95 ? 1 : score > -1.1 ? 2 : score > -1.9 ? 3 : 4;
}
function grade5(score: number): Grade5 {
  return score > 1.6 ? 1 : score > 0.3 ? 2 : score > -1.2 ? 3 : score > -2.0 ? 4 : 5;
}
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

type OfstedRow = ReturnType<typeof inLayout<typeof OFSTED_LAYOUT>>;

/**
 * The school's latest graded inspection (in whichever of Ofsted's three eras its date falls) and
 * the one before, as a row of Ofsted's management information. Grades follow the school's latent
 * quality, so inspections and results agree as they tend to in reality.
 */
export function inspectionRow(random: Random, s: SyntheticSchool): OfstedRow {
  const base = {
    URN: s.urn,
    'School name': s.name,
    'Ofsted phase': s.giasPhase,
    'Local authority': s.localAuthority?.name,
  };
  // About one school in thirty is new and not yet inspected.
  if (random.chance(0.03)) return inLayout(OFSTED_LAYOUT, base);
  const era = random.weighted({ legacy: 50, ungraded: 20, 'report-card': 30 });
  const [from, to] =
    era === 'legacy'
      ? ['2017-09-04', '2024-07-19']
      : era === 'ungraded'
        ? [UNGRADED_FROM, '2025-11-07']
        : [REPORT_CARDS_FROM, AS_OF];
  const start = weekday(random.int(dayOf(from), dayOf(to)));
  const latest = isoOf(start);
  const area = () => grade4(s.quality + random.normal() * 0.5);
  const overall = grade4(s.quality);
  const row: Partial<Record<(typeof OFSTED_LAYOUT)[number], string | number | null>> = {
    ...base,
    'Inspection number of latest graded inspection': String(10_000_000 + s.urn),
    'Inspection type': era === 'report-card' ? 'Report card inspection' : 'Section 5',
    'Inspection start date of latest graded inspection': published(latest),
    'Publication date of latest graded inspection': published(isoOf(start + random.int(20, 45))),
  };
  if (era === 'report-card') {
    const card = () => GRADE5_LABELS[grade5(s.quality + random.normal() * 0.6)];
    Object.assign(row, {
      Inclusion: card(),
      'Curriculum and teaching': card(),
      Achievement: card(),
      'Attendance and behaviour': card(),
      'Personal development and well-being': card(),
      'Leadership and governance': card(),
      'Early years': s.phase === 'primary' || s.phase === 'nursery' ? card() : null,
      'Post-16 provision': s.highAge > 16 && s.phase !== 'primary' ? card() : null,
      Safeguarding: s.quality < -2 && random.chance(0.5) ? 'Not met' : 'Met',
    });
  } else {
    Object.assign(row, {
      'Overall effectiveness': era === 'legacy' ? overall : 'Not judged',
      'Category of concern':
        era === 'legacy' && overall === 4 ? random.pick(['Special measures', 'Serious weaknesses']) : null,
      'Quality of education': area(),
      'Behaviour and attitudes': area(),
      'Personal development': area(),
      'Effectiveness of leadership and management': area(),
      'Safeguarding is effective?': s.quality < -2 && random.chance(0.5) ? 'No' : 'Yes',
      'Early years provision (where applicable)': s.phase === 'primary' ? area() : null,
      'Sixth form provision (where applicable)': s.highAge > 16 && s.phase !== 'primary' ? area() : null,
    });
  }
  // The inspection before, three to five years earlier, under the four-point scale: schools
  // regress towards the middle, so it agrees with today's only in part.
  const previous = weekday(start - random.int(3 * 365, 5 * 365));
  if (random.chance(0.85) && isoOf(previous) < UNGRADED_FROM) {
    const before = 0.6 * s.quality + 0.8 * random.normal();
    Object.assign(row, {
      'Previous inspection number': String(9_000_000 + s.urn),
      'Previous inspection start date': published(isoOf(previous)),
      'Previous publication date': published(isoOf(previous + 30)),
      'Previous overall effectiveness': grade4(before),
      'Previous quality of education': grade4(before + random.normal() * 0.4),
      'Previous effectiveness of leadership and management': grade4(before + random.normal() * 0.4),
      'Previous safeguarding is effective?': 'Yes',
    });
  }
  return inLayout(OFSTED_LAYOUT, row);
}

/** Suppressed (SUPP) below six pupils, as the DfE publishes. */
function figure(cohort: number, value: number, digits: number): string {
  return cohort < 6 ? 'SUPP' : value.toFixed(digits);
}

/** KS2 results, attainment falling with deprivation and rising with the school's quality. */
export function ks2Row(random: Random, s: SyntheticSchool): ReturnType<typeof inLayout<typeof KS2_LAYOUT>> {
  const cohort = Math.max(
    1,
    Math.round((s.pupils / (s.phase === 'middle' ? 4 : 7)) * (1 + random.normal() * 0.1)),
  );
  const strength = 0.6 * s.quality + 0.8 * random.normal();
  const special = s.phase === 'special';
  const rwm = clamp((special ? 8 : 61) + 11 * strength - 7 * s.deprivation, 0, 100);
  const subject = (lift: number) =>
    `${figure(cohort, clamp(rwm + lift + random.normal() * 4, 0, 100), 0)}${cohort < 6 ? '' : '%'}`;
  const progress = () =>
    figure(cohort, clamp(0.9 * strength + random.normal() * 0.9 - (special ? 3 : 0), -15, 15), 1);
  return inLayout(KS2_LAYOUT, {
    RECTYPE: special ? 2 : 1,
    URN: s.urn,
    SCHNAME: s.name,
    PCODE: s.postcode,
    TOWN: s.town,
    TELIG: cohort,
    PTRWM_EXP: `${figure(cohort, rwm, 0)}${cohort < 6 ? '' : '%'}`,
    PTREAD_EXP: subject(13),
    PTWRITTA_EXP: subject(11),
    PTMAT_EXP: subject(12),
    READPROG: progress(),
    WRITPROG: progress(),
    MATPROG: progress(),
  });
}

/** KS4 results: Progress 8 near zero on average, Attainment 8 near 46, English and maths 9–5 near 45%. */
export function ks4Row(random: Random, s: SyntheticSchool): ReturnType<typeof inLayout<typeof KS4_LAYOUT>> {
  const cohort = Math.max(1, Math.round((s.pupils / (s.highAge > 16 ? 7 : 5)) * (1 + random.normal() * 0.1)));
  const strength = 0.6 * s.quality + 0.8 * random.normal();
  const special = s.phase === 'special';
  return inLayout(KS4_LAYOUT, {
    RECTYPE: special ? 2 : 1,
    URN: s.urn,
    SCHNAME: s.name,
    PCODE: s.postcode,
    TOWN: s.town,
    TPUP: cohort,
    P8MEA: special ? 'NE' : figure(cohort, clamp(-0.03 + 0.45 * strength - 0.12 * s.deprivation, -4, 3), 2),
    ATT8SCR: figure(cohort, clamp((special ? 9 : 46) + 7 * strength - 5 * s.deprivation, 0, 90), 1),
    PTL2BASICS_95: special
      ? 'NE'
      : `${figure(cohort, clamp(45 + 15 * strength - 10 * s.deprivation, 0, 100), 0)}${cohort < 6 ? '' : '%'}`,
  });
}
