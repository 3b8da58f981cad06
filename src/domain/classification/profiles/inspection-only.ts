import type { PerformanceProfile } from '../types.ts';
import { STANDARD_AREA_RULES } from './areas.ts';
import { inspectionHighPerformingRules, inspectionInNeedRules } from './inspection-rules.ts';

export const INSPECTION_ONLY_PROFILE: PerformanceProfile = {
  name: 'inspection-only',
  version: 1,
  title: 'Inspection outcomes only',
  description: [
    'Places schools by their latest inspection alone, for places and phases without published',
    'results. High-performing: outstanding (legacy grade), outstanding in every key judgement',
    '(September 2024 to November 2025), or exceptional in an area and strong standard or better',
    'in all (report cards from November 2025). In need: requires improvement or inadequate, a key',
    'judgement below good, a report-card area needing attention or urgent improvement, an Ofsted',
    'category of concern, or an Estyn follow-up category; "stuck" schools (below good at the last',
    'two inspections) are named as such. Results still show strengths and weaknesses by area.',
  ].join(' '),
  maxInspectionAgeYears: null,
  minimumCohort: 11,
  inNeed: [
    ...inspectionInNeedRules('inspection'),
    {
      id: 'inspection.in-need.stuck',
      text: 'Stuck: below good at the latest inspection and the one before',
      eras: ['legacy'],
      all: [
        { measure: 'ofsted.overall', op: 'gte', value: 3 },
        { measure: 'ofsted.previousOverall', op: 'gte', value: 3 },
      ],
    },
  ],
  highPerforming: inspectionHighPerformingRules('inspection'),
  areas: STANDARD_AREA_RULES,
};
