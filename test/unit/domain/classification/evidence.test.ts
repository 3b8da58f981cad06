import { describe, expect, it } from 'vitest';
import { NFER_2017_PROFILE, classifySchool } from '../../../../src/domain/classification/index.ts';
import type { PublishedRating } from '../../../../src/domain/school.ts';
import { aSchool, anInspection, ks2Results, ks4Results } from '../../../builders/school-records.ts';

const asOf = '2026-11-24';
const rating = (overallEffectiveness: PublishedRating['overallEffectiveness']): PublishedRating => ({
  urn: 100000,
  asOf: '2020-03-31',
  overallEffectiveness,
});

describe('what a classification rests on', () => {
  it('uses a published rating when no inspection is on record, saying its date is not known', () => {
    const result = classifySchool(aSchool({ publishedRatings: [rating(4)] }), NFER_2017_PROFILE, asOf);
    expect(result.group).toBe('in-need');
    expect(result.reasons[0]!.text).toBe(
      "Requires improvement or inadequate at the latest inspection: Ofsted overall effectiveness Inadequate (rating as published on 31 March 2020; the inspection's date is not known)",
    );
    expect(result.reasons[0]!.values).toMatchObject({ ratingPublishedOn: '2020-03-31' });
    expect(result.evidence).toEqual({ inspectionDate: null, ratingPublishedOn: '2020-03-31', results: [] });
  });

  it('decides on a good rating, since only inadequate schools are put in a category of concern', () => {
    const school = aSchool({ publishedRatings: [rating(2)], performance: [ks2Results()] });
    const result = classifySchool(school, NFER_2017_PROFILE, asOf);
    expect(result).toMatchObject({ group: 'other', sufficientEvidence: true });
  });

  it('prefers a dated inspection to a published rating', () => {
    const result = classifySchool(
      aSchool({ inspections: [anInspection({ overallEffectiveness: 1 })], publishedRatings: [rating(4)] }),
      NFER_2017_PROFILE,
      asOf,
    );
    expect(result.group).toBe('high-performing');
    expect(result.evidence).toMatchObject({ inspectionDate: '2018-05-01', ratingPublishedOn: null });
  });

  it('says when results it rests on are provisional', () => {
    const result = classifySchool(
      aSchool({
        phase: 'secondary',
        inspections: [anInspection()],
        performance: [ks4Results({ progress8: -0.8, status: 'provisional' })],
      }),
      NFER_2017_PROFILE,
      asOf,
    );
    expect(result.group).toBe('in-need');
    expect(result.reasons[0]!.text).toMatch(/Progress 8 −0\.80 .*\(provisional KS4 2019 results\)$/);
    expect(result.evidence.results).toEqual([{ keyStage: 4, year: 2019, status: 'provisional' }]);
  });
});
