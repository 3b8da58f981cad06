import type { AreaRule, Condition, MeasureName, PerformanceProfile, SchoolArea } from '../types.ts';

// Only reports from before September 2022 gave summary judgements: a narrative report fails these
// rules rather than leaving them undecided, so that its other evidence can still place the school.
const SUMMARY_ERA: Condition = { measure: 'estyn.era', op: 'eq', value: 'summary-judgements' };

// Excellent is a strength; adequate or unsatisfactory a weakness.
const estynArea = (area: SchoolArea, measure: MeasureName): AreaRule => ({
  area,
  measure,
  strength: { op: 'eq', value: 1 },
  weakness: { op: 'gte', value: 3 },
});

/**
 * Wales has no published results to compare with England's and Estyn gives no Ofsted grades, so
 * Welsh schools are placed from Welsh evidence alone: Estyn follow-up, the summary judgements of
 * reports before September 2022, and the national categorisation's support categories. Without
 * them the school is "not enough evidence", never a guess.
 */
export const WALES_PROFILE: PerformanceProfile = {
  name: 'wales-estyn-categorisation',
  version: 1,
  country: 'Wales',
  title: 'Wales: Estyn inspections and national categorisation',
  description: [
    'Places schools in Wales from Welsh evidence only; schools in England are placed by the',
    'chosen English profile. In need: in Estyn follow-up after the latest inspection (special',
    'measures, significant improvement or Estyn review); adequate or unsatisfactory in any area at',
    'the latest inspection while Estyn gave summary judgements (until the summer of 2022); or in',
    'the amber or red support category at the latest national categorisation. High-performing:',
    'excellent in at least one area and good or better in all at the latest inspection with',
    'summary judgements; or green at the latest categorisation and at the one before where',
    'published. Estyn reports since September 2022 give no judgements, and none are inferred from',
    'them. A school with neither judgements nor a categorisation on record is "not enough',
    'evidence".',
  ].join(' '),
  maxInspectionAgeYears: null,
  minimumCohort: 11,
  inNeed: [
    ...(
      [
        ['special-measures', 'special measures', 'In special measures after its latest Estyn inspection'],
        [
          'significant-improvement',
          'significant improvement',
          'In need of significant improvement after its latest Estyn inspection',
        ],
        ['estyn-review', 'estyn review', 'In Estyn review after its latest Estyn inspection'],
      ] as const
    ).map(([slug, followUp, text]) => ({
      id: `wales.in-need.${slug}`,
      text,
      eras: ['estyn' as const],
      all: [{ measure: 'estyn.followUp' as const, op: 'eq' as const, value: followUp }],
    })),
    {
      id: 'wales.in-need.estyn-judgement',
      text: 'Adequate or unsatisfactory in at least one area at its latest Estyn inspection',
      eras: ['estyn'],
      all: [SUMMARY_ERA, { measure: 'estyn.worstJudgement', op: 'gte', value: 3 }],
    },
    {
      id: 'wales.in-need.support-category',
      text: 'Amber or red support category at the latest national categorisation',
      all: [{ measure: 'wales.supportCategory', op: 'in', value: ['amber', 'red'] }],
    },
  ],
  highPerforming: [
    {
      id: 'wales.high.estyn-excellent',
      text: 'Excellent in at least one area and good or better in all at its latest Estyn inspection',
      eras: ['estyn'],
      all: [
        SUMMARY_ERA,
        { measure: 'estyn.bestJudgement', op: 'eq', value: 1 },
        { measure: 'estyn.worstJudgement', op: 'lte', value: 2 },
      ],
    },
    {
      id: 'wales.high.green',
      text: 'Green support category at the latest national categorisation, and at the one before where published',
      all: [
        { measure: 'wales.supportCategory', op: 'eq', value: 'green' },
        { measure: 'wales.previousSupportCategory', op: 'eq', value: 'green', ifMissing: 'skip' },
      ],
    },
  ],
  areas: [
    estynArea('achievement', 'estyn.area.standards'),
    estynArea('personal-development', 'estyn.area.wellbeing'),
    estynArea('quality-of-education', 'estyn.area.teaching'),
    estynArea('inclusion', 'estyn.area.care'),
    estynArea('leadership', 'estyn.area.leadership'),
  ],
};
