import { describe, expect, it } from 'vitest';
import {
  INSPECTION_ONLY_PROFILE,
  NFER_2017_PROFILE,
  SHIPPED_PROFILES,
  classifySchool,
  parsePerformanceProfile,
} from '../../../../src/domain/classification/index.ts';
import { translatePhrase } from '../../../../src/i18n/index.ts';
import { aSchool, anInspection, ks2Results, ks4Results } from '../../../builders/school-records.ts';

const asOf = '2026-11-24';
const nfer = (overrides: Parameters<typeof aSchool>[0]) =>
  classifySchool(aSchool(overrides), NFER_2017_PROFILE, asOf);
const strongKs2 = ks2Results({ readingProgress: 3.2, writingProgress: 1.1, mathsProgress: 2.4 });

describe('the NFER 2017 profile', () => {
  it('counts an outstanding school as high-performing, saying so', () => {
    const result = nfer({
      inspections: [anInspection({ overallEffectiveness: 1, startDate: '2013-02-01' })],
    });
    expect(result.group).toBe('high-performing');
    expect(result.sufficientEvidence).toBe(true);
    expect(result.reasons.map((r) => r.ruleId)).toEqual(['nfer.high.outstanding']);
    expect(result.reasons[0]!.text).toBe(
      'Outstanding at the latest inspection (inspection of 1 February 2013)',
    );
    expect(result.reasons[0]!.values).toMatchObject({ 'ofsted.overall': 1, inspectionDate: '2013-02-01' });
  });

  it('quotes a value the rule does not already state, once', () => {
    const result = nfer({ inspections: [anInspection()], performance: [strongKs2] });
    expect(result.reasons[0]!.text).toMatch(
      /^Good at the latest inspection with high progress at KS2: KS2 progress/,
    );
    expect(result.reasons[0]!.text).not.toContain('overall effectiveness Good');
  });

  it('gives the national figure once for the progress scores it quotes in a row, in English and in Welsh', () => {
    const [reason] = nfer({
      inspections: [anInspection({ startDate: '2024-03-14' })],
      performance: [ks2Results({ ...strongKs2, rwmExpectedPercent: 80 })],
    }).reasons;
    expect(reason!.text).toBe(
      'Good at the latest inspection with high progress at KS2: KS2 progress +2.2 on average across reading, writing and maths; ' +
        'KS2 reading progress +3.2, KS2 writing progress +1.1 and KS2 maths progress +2.4 (each against national 0 for state-funded mainstream schools); ' +
        '80% met the expected standard in reading, writing and maths (inspection of 14 March 2024)',
    );
    expect(translatePhrase('cy', reason!.words)).toContain(
      'cynnydd darllen CA2 +3.2, cynnydd ysgrifennu CA2 +1.1 a chynnydd mathemateg CA2 +2.4 (pob un o’i gymharu â 0 yn genedlaethol ar gyfer',
    );
  });

  it('counts a good primary with high progress as high-performing', () => {
    const result = nfer({ inspections: [anInspection()], performance: [strongKs2] });
    expect(result.group).toBe('high-performing');
    expect(result.reasons[0]!.ruleId).toBe('nfer.high.good-high-ks2');
    expect(result.reasons[0]!.text).toContain('KS2 progress +2.2 on average');
  });

  it('does not count a good primary whose progress is high on average but below zero in one subject', () => {
    const uneven = ks2Results({ readingProgress: 4, writingProgress: 2, mathsProgress: -0.5 });
    expect(nfer({ inspections: [anInspection()], performance: [uneven] }).group).toBe('other');
  });

  it('counts a good secondary with high Progress 8 and Attainment 8 as high-performing, but not with low attainment', () => {
    const secondary = { phase: 'secondary' as const, inspections: [anInspection()] };
    expect(
      nfer({ ...secondary, performance: [ks4Results({ progress8: 0.45, attainment8: 55 })] }).group,
    ).toBe('high-performing');
    expect(
      nfer({ ...secondary, performance: [ks4Results({ progress8: 0.45, attainment8: 44 })] }).group,
    ).toBe('other');
  });

  it('puts a school that requires improvement in need even with strong results', () => {
    const result = nfer({
      inspections: [anInspection({ overallEffectiveness: 3 })],
      performance: [strongKs2],
    });
    expect(result.group).toBe('in-need');
    expect(result.reasons.map((r) => r.ruleId)).toEqual(['nfer.in-need.below-good']);
  });

  it('puts a good primary below the KS2 floor in maths in need', () => {
    const result = nfer({
      inspections: [anInspection()],
      performance: [ks2Results({ mathsProgress: -6.2, rwmExpectedPercent: 51 })],
    });
    expect(result.group).toBe('in-need');
    expect(result.reasons[0]!.text).toContain('KS2 maths progress −6.2');
  });

  it('does not apply the KS2 floor when 65% or more met the expected standard', () => {
    const result = nfer({
      inspections: [anInspection()],
      performance: [ks2Results({ mathsProgress: -6.2, rwmExpectedPercent: 70 })],
    });
    expect(result.group).toBe('other');
  });

  it('puts a secondary with Progress 8 below -0.5 in need', () => {
    const result = nfer({
      phase: 'secondary',
      inspections: [anInspection()],
      performance: [ks4Results({ progress8: -0.62 })],
    });
    expect(result.reasons.map((r) => r.ruleId)).toEqual(['nfer.in-need.ks4-below-floor']);
  });

  it('reads the September 2024 era from key judgements', () => {
    const ungraded = (grades: Record<string, 1 | 2 | 3 | 4>) =>
      nfer({
        inspections: [anInspection({ era: 'ungraded', overallEffectiveness: null, keyJudgements: grades })],
        performance: [strongKs2],
      });
    expect(ungraded({ qualityOfEducation: 1, leadershipAndManagement: 1 }).group).toBe('high-performing');
    expect(ungraded({ qualityOfEducation: 2, leadershipAndManagement: 1 }).reasons[0]!.ruleId).toBe(
      'nfer.high.good-key-judgements-high-ks2',
    );
    expect(ungraded({ qualityOfEducation: 3, leadershipAndManagement: 1 }).group).toBe('in-need');
  });

  it('reads report cards from November 2025', () => {
    const reportCard = (grades: Record<string, 1 | 2 | 3 | 4 | 5>) =>
      nfer({
        inspections: [anInspection({ era: 'report-card', overallEffectiveness: null, reportCard: grades })],
      });
    expect(reportCard({ achievement: 1, inclusion: 2, leadershipAndGovernance: 2 }).group).toBe(
      'high-performing',
    );
    expect(reportCard({ achievement: 1, inclusion: 3 }).group).not.toBe('high-performing');
    const concern = reportCard({ achievement: 3, inclusion: 4 });
    expect(concern.group).toBe('in-need');
    expect(concern.reasons[0]!.text).toContain('needs attention');
  });

  it('puts a school in an Ofsted category of concern in need', () => {
    const result = nfer({
      inspections: [
        anInspection({ era: 'ungraded', overallEffectiveness: null, category: 'special measures' }),
      ],
    });
    expect(result.group).toBe('in-need');
    expect(result.reasons[0]!.ruleId).toBe('nfer.in-need.category-of-concern');
  });

  it('puts a Welsh school in an Estyn follow-up category in need', () => {
    const result = nfer({
      country: 'Wales',
      inspections: [
        anInspection({ era: 'estyn', overallEffectiveness: null, estynFollowUp: 'significant improvement' }),
      ],
    });
    expect(result.group).toBe('in-need');
    expect(result.reasons[0]!.text).toContain('Estyn follow-up: significant improvement');
  });

  it('says there is not enough evidence for a school never inspected, rather than guess', () => {
    const result = nfer({ inspections: [], performance: [] });
    expect(result).toMatchObject({ group: 'other', sufficientEvidence: false });
    expect(result.reasons[0]!.text).toMatch(/^Not enough evidence to decide: no inspection on record/);
  });

  it('says a good primary without KS2 results cannot be judged high-performing', () => {
    const result = nfer({ inspections: [anInspection()] });
    expect(result.sufficientEvidence).toBe(false);
    expect(result.reasons[0]!.text).toContain('KS2 progress scores');
  });

  it('ignores results from a cohort below the minimum', () => {
    const tiny = ks2Results({ cohort: 6, readingProgress: 5, writingProgress: 5, mathsProgress: 5 });
    expect(nfer({ inspections: [anInspection()], performance: [tiny] }).group).toBe('other');
  });

  it('finds strengths and weaknesses by area for reciprocal matching', () => {
    const result = nfer({
      inspections: [anInspection({ keyJudgements: { leadershipAndManagement: 1, qualityOfEducation: 3 } })],
      performance: [ks2Results({ readingProgress: -2.5, writingProgress: 0.3, mathsProgress: 3.1 })],
    });
    expect(result.strengths.map((s) => s.area).sort()).toEqual(['ks2-maths', 'leadership']);
    expect(result.weaknesses.map((s) => s.area).sort()).toEqual(['ks2-reading', 'quality-of-education']);
    expect(result.strengths.find((s) => s.area === 'ks2-maths')!.text).toBe(
      'KS2 maths progress +3.1 (national 0 for state-funded mainstream schools)',
    );
  });
});

describe('the inspection-only profile', () => {
  const inspectionOnly = (overrides: Parameters<typeof aSchool>[0]) =>
    classifySchool(aSchool(overrides), INSPECTION_ONLY_PROFILE, asOf);

  it('names a school below good at its last two inspections as stuck', () => {
    const result = inspectionOnly({
      inspections: [
        anInspection({ overallEffectiveness: 3, startDate: '2019-03-01' }),
        anInspection({ overallEffectiveness: 3, startDate: '2016-03-01' }),
      ],
    });
    expect(result.reasons.map((r) => r.ruleId)).toEqual([
      'inspection.in-need.below-good',
      'inspection.in-need.stuck',
    ]);
  });

  it('decides a good school without results: neither group, on sufficient evidence', () => {
    expect(inspectionOnly({ inspections: [anInspection()] })).toMatchObject({
      group: 'other',
      sufficientEvidence: true,
    });
  });

  it('treats an inspection older than the limit as no evidence when the profile sets one', () => {
    const result = classifySchool(
      aSchool({ inspections: [anInspection({ overallEffectiveness: 1, startDate: '2010-01-01' })] }),
      { ...INSPECTION_ONLY_PROFILE, maxInspectionAgeYears: 10 },
      asOf,
    );
    expect(result.sufficientEvidence).toBe(false);
    expect(result.reasons[0]!.text).toContain('the latest, of 1 January 2010, is more than 10 years old');
  });
});

describe('stored profiles', () => {
  it('accepts every shipped profile', () => {
    for (const profile of SHIPPED_PROFILES)
      expect(parsePerformanceProfile(profile)).toEqual({ ok: true, profile });
  });

  it('names the field that is wrong in an edited profile', () => {
    const edited = {
      ...NFER_2017_PROFILE,
      inNeed: [{ id: 'x', text: 'A rule', all: [{ measure: 'ks2.spelling', op: 'lt', value: 1 }] }],
    };
    const result = parsePerformanceProfile(edited);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(/^inNeed\.0\.all\.0\.measure: /);
  });
});
