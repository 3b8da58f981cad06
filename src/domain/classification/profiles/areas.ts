import type { AreaRule, MeasureName, SchoolArea } from '../types.ts';

const results = (area: SchoolArea, measure: MeasureName, strong: number, weak: number): AreaRule => ({
  area,
  measure,
  strength: { op: 'gte', value: strong },
  weakness: { op: 'lte', value: weak },
});
// Key judgements: outstanding is a strength, below good a weakness.
const judgement = (area: SchoolArea, measure: MeasureName): AreaRule => ({
  area,
  measure,
  strength: { op: 'eq', value: 1 },
  weakness: { op: 'gte', value: 3 },
});
// Report cards: exceptional or strong standard is a strength, needs attention or urgent
// improvement a weakness.
const reportCard = (area: SchoolArea, measure: MeasureName): AreaRule => ({
  area,
  measure,
  strength: { op: 'lte', value: 2 },
  weakness: { op: 'gte', value: 4 },
});

/**
 * Strengths and weaknesses by area. KS2 progress of ±2 is roughly the top and bottom fifth of
 * schools in 2019; Progress 8 of ±0.5 is the old floor line and its mirror.
 */
export const STANDARD_AREA_RULES: AreaRule[] = [
  results('ks2-reading', 'ks2.readingProgress', 2, -2),
  results('ks2-writing', 'ks2.writingProgress', 2, -2),
  results('ks2-maths', 'ks2.mathsProgress', 2, -2),
  results('ks4-progress', 'ks4.progress8', 0.5, -0.5),
  results('ks4-attainment', 'ks4.attainment8', 55, 40),
  judgement('quality-of-education', 'ofsted.kj.qualityOfEducation'),
  judgement('behaviour', 'ofsted.kj.behaviourAndAttitudes'),
  judgement('personal-development', 'ofsted.kj.personalDevelopment'),
  judgement('leadership', 'ofsted.kj.leadershipAndManagement'),
  judgement('early-years', 'ofsted.kj.earlyYears'),
  judgement('sixth-form', 'ofsted.kj.sixthForm'),
  reportCard('quality-of-education', 'ofsted.rc.curriculumAndTeaching'),
  reportCard('achievement', 'ofsted.rc.achievement'),
  reportCard('inclusion', 'ofsted.rc.inclusion'),
  reportCard('behaviour', 'ofsted.rc.attendanceAndBehaviour'),
  reportCard('personal-development', 'ofsted.rc.personalDevelopmentAndWellbeing'),
  reportCard('leadership', 'ofsted.rc.leadershipAndGovernance'),
  reportCard('early-years', 'ofsted.rc.earlyYears'),
  reportCard('sixth-form', 'ofsted.rc.post16'),
];
