import type { InspectionEra } from '../../school.ts';
import type { Condition, PerformanceProfile, Rule } from '../types.ts';
import { STANDARD_AREA_RULES } from './areas.ts';
import { inspectionHighPerformingRules, inspectionInNeedRules } from './inspection-rules.ts';

// "Good" in each era: the legacy grade, every key judgement good or better, or every report
// card area at the expected standard or better.
const GOOD_BY_ERA: { era: InspectionEra; slug: string; condition: Condition }[] = [
  { era: 'legacy', slug: 'good', condition: { measure: 'ofsted.overall', op: 'eq', value: 2 } },
  {
    era: 'ungraded',
    slug: 'good-key-judgements',
    condition: { measure: 'ofsted.worstKeyJudgement', op: 'lte', value: 2 },
  },
  {
    era: 'report-card',
    slug: 'expected-report-card',
    condition: { measure: 'ofsted.worstReportCard', op: 'lte', value: 3 },
  },
];

const HIGH_KS2: Condition[] = [
  { measure: 'ks2.averageProgress', op: 'gte', value: 1.5 },
  { measure: 'ks2.readingProgress', op: 'gte', value: 0 },
  { measure: 'ks2.writingProgress', op: 'gte', value: 0 },
  { measure: 'ks2.mathsProgress', op: 'gte', value: 0 },
  { measure: 'ks2.rwmExpectedPercent', op: 'gte', value: 75, ifMissing: 'skip' },
];
const HIGH_KS4: Condition[] = [
  { measure: 'ks4.progress8', op: 'gte', value: 0.3 },
  { measure: 'ks4.attainment8', op: 'gte', value: 50 },
];

const goodWithHighResults: Rule[] = GOOD_BY_ERA.flatMap(({ era, slug, condition }) => [
  {
    id: `nfer.high.${slug}-high-ks2`,
    text: 'Good at the latest inspection with high progress at KS2',
    eras: [era],
    phases: ['primary', 'middle'],
    all: [condition, ...HIGH_KS2],
  },
  {
    id: `nfer.high.${slug}-high-ks4`,
    text: 'Good at the latest inspection with high attainment and progress at KS4',
    eras: [era],
    phases: ['secondary', 'all-through'],
    all: [condition, ...HIGH_KS4],
  },
]);

const belowFloor: Rule[] = [
  { subject: 'reading', measure: 'ks2.readingProgress', line: -5 },
  { subject: 'writing', measure: 'ks2.writingProgress', line: -7 },
  { subject: 'maths', measure: 'ks2.mathsProgress', line: -5 },
].map(({ subject, measure, line }) => ({
  id: `nfer.in-need.ks2-below-floor-${subject}`,
  text: `Below the KS2 floor standard in ${subject} (progress below ${line}, with fewer than 65% at the expected standard where published)`,
  phases: ['primary', 'middle'],
  all: [
    { measure: 'ks2.rwmExpectedPercent', op: 'lt', value: 65, ifMissing: 'skip' },
    { measure: measure as Condition['measure'], op: 'lt', value: line },
  ],
}));

export const NFER_2017_PROFILE: PerformanceProfile = {
  name: 'nfer-2017',
  version: 1,
  title: 'NFER 2017 capacity analysis',
  description: [
    "Reproduces, as closely as its public description allows, NFER's 2017 analysis of the capacity",
    'for school-to-school support in England (Sumner and Wespieser, "Successful school-to-school',
    'collaboration", NFER Research Insights, SecEd 2017), which counted 5,677 high-performing and',
    '2,511 underperforming schools.',
    'High-performing: outstanding at the latest inspection; or good with high results: at KS2',
    'average progress across reading, writing and maths of +1.5 or more with none below 0 (and 75%',
    'or more at the expected standard where published), at KS4 Progress 8 of +0.3 or more and',
    'Attainment 8 of 50 or more.',
    'In need: requires improvement or inadequate, in a category of concern, or below the 2019 floor',
    'standard (KS2 progress below -5 in reading or maths or -7 in writing with under 65% at the',
    'expected standard; Progress 8 below -0.5).',
    'Later inspection eras are read as equivalents: key judgements (from September 2024) and',
    'report-card grades (from November 2025); in Wales, an Estyn follow-up category means in need.',
    'Not reproduced: teaching and national support schools and the outstanding-leadership',
    'condition (not in the open data), and coasting (ended in 2019). Results from cohorts under 11',
    'pupils are ignored.',
  ].join(' '),
  maxInspectionAgeYears: null,
  minimumCohort: 11,
  inNeed: [
    ...inspectionInNeedRules('nfer'),
    ...belowFloor,
    {
      id: 'nfer.in-need.ks4-below-floor',
      text: 'Below the KS4 floor standard (Progress 8 below -0.5)',
      phases: ['secondary', 'all-through'],
      all: [{ measure: 'ks4.progress8', op: 'lt', value: -0.5 }],
    },
  ],
  highPerforming: [...inspectionHighPerformingRules('nfer'), ...goodWithHighResults],
  areas: STANDARD_AREA_RULES,
};
