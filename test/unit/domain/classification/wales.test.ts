import { describe, expect, it } from 'vitest';
import {
  NFER_2017_PROFILE,
  WALES_PROFILE,
  classifySchool,
  groupLabel,
  parsePerformanceProfile,
  profileForSchool,
} from '../../../../src/domain/classification/index.ts';
import type { Categorisation, Inspection, SchoolRecord } from '../../../../src/domain/school.ts';
import { buildSnapshot } from '../../../../src/domain/snapshot.ts';
import { DEFAULT_MATCHING_SETTINGS } from '../../../../src/domain/matching/settings.ts';
import { aSchool, anInspection } from '../../../builders/school-records.ts';

const asOf = '2026-11-24';

const aWelshSchool = (overrides: Partial<SchoolRecord> = {}) =>
  aSchool({
    urn: 6812001,
    name: 'Ysgol Gynradd Prawf',
    country: 'Wales',
    localAuthority: { code: '681', name: 'Cardiff' },
    region: { code: 'W', name: 'Wales' },
    languageMedium: 'welsh-medium',
    categorisations: [],
    ...overrides,
  });
const estyn = (overrides: Partial<Inspection> = {}) =>
  anInspection({
    urn: 6812001,
    era: 'estyn',
    overallEffectiveness: null,
    startDate: '2018-05-14',
    ...overrides,
  });
const categories = (...list: Categorisation['supportCategory'][]) =>
  list.map((supportCategory, i) => ({ year: 2019 - i, supportCategory }));
const wales = (overrides: Partial<SchoolRecord>) =>
  classifySchool(aWelshSchool(overrides), WALES_PROFILE, asOf);

describe('the Welsh profile', () => {
  it('puts a school in Estyn follow-up in need, naming the follow-up and the inspection', () => {
    const result = wales({
      inspections: [estyn({ estynFollowUp: 'special measures', startDate: '2023-03-06' })],
    });
    expect(result.group).toBe('in-need');
    expect(result.reasons.map((r) => r.text)).toEqual([
      'In special measures after its latest Estyn inspection (inspection of 6 March 2023)',
    ]);
  });

  it('puts a school judged adequate in an area before September 2022 in need', () => {
    const result = wales({
      inspections: [
        estyn({ estynJudgements: { standards: 3, wellbeing: 2, teaching: 2, care: 2, leadership: 2 } }),
      ],
    });
    expect(result.group).toBe('in-need');
    expect(result.reasons[0]!.ruleId).toBe('wales.in-need.estyn-judgement');
    expect(result.reasons[0]!.text).toBe(
      'Adequate or unsatisfactory in at least one area at its latest Estyn inspection: lowest Estyn judgement Adequate (inspection of 14 May 2018)',
    );
    expect(result.weaknesses.map((w) => w.text)).toEqual(['standards judged Adequate']);
  });

  it('puts a school in the amber or red support category in need, saying which year', () => {
    const result = wales({ categorisations: categories('red', 'amber') });
    expect(result.group).toBe('in-need');
    expect(result.reasons[0]!.text).toBe(
      'Amber or red support category at the latest national categorisation: red support category (national categorisation 2018/19)',
    );
    expect(result.evidence.categorisationYear).toBe(2019);
  });

  it('counts a school excellent in an area and good in all the others as high-performing', () => {
    const result = wales({
      inspections: [
        estyn({ estynJudgements: { standards: 1, wellbeing: 1, teaching: 2, care: 2, leadership: 1 } }),
      ],
      categorisations: categories('yellow'),
    });
    expect(result.group).toBe('high-performing');
    expect(result.reasons[0]!.ruleId).toBe('wales.high.estyn-excellent');
    expect(result.strengths.map((s) => s.area)).toEqual([
      'achievement',
      'personal-development',
      'leadership',
    ]);
  });

  it('counts a school green at the latest two categorisations as high-performing, but not green after amber', () => {
    expect(wales({ categorisations: categories('green', 'green') }).group).toBe('high-performing');
    expect(wales({ categorisations: categories('green') }).group).toBe('high-performing');
    const after = wales({
      categorisations: categories('green', 'amber'),
      inspections: [estyn({ estynJudgements: { currentPerformance: 2, prospects: 2 } })],
    });
    expect(after.group).toBe('other');
    expect(after.sufficientEvidence).toBe(true);
  });

  it('invents no judgement from a narrative report: not in follow-up and no categorisation is not enough evidence', () => {
    const result = wales({ inspections: [estyn({ startDate: '2023-10-02', estynJudgements: {} })] });
    expect(result.group).toBe('other');
    expect(result.sufficientEvidence).toBe(false);
    expect(groupLabel(result)).toBe('Not enough evidence');
    expect(result.reasons[0]!.text).toBe(
      'Not enough evidence to decide: no national categorisation (support category)',
    );
  });

  it('says when nothing at all is on record', () => {
    const result = wales({});
    expect(result.sufficientEvidence).toBe(false);
    expect(result.reasons[0]!.text).toBe(
      'Not enough evidence to decide: no inspection on record, no national categorisation (support category)',
    );
  });

  it('places a narrative-era school from its categorisation', () => {
    const result = wales({
      inspections: [estyn({ startDate: '2023-10-02' })],
      categorisations: categories('green', 'green'),
    });
    expect(result.group).toBe('high-performing');
    expect(result.reasons[0]!.text).toBe(
      'Green support category at the latest national categorisation, and at the one before where published (national categorisation 2018/19)',
    );
  });

  it('is a valid stored profile, for Wales', () => {
    expect(parsePerformanceProfile(WALES_PROFILE)).toEqual({ ok: true, profile: WALES_PROFILE });
    expect(WALES_PROFILE.country).toBe('Wales');
  });
});

describe('each country’s schools placed by that country’s profile', () => {
  it('chooses the Welsh profile for Welsh schools and the chosen one for English schools', () => {
    const all = [NFER_2017_PROFILE, WALES_PROFILE];
    expect(profileForSchool('Wales', NFER_2017_PROFILE, all)).toBe(WALES_PROFILE);
    expect(profileForSchool('England', NFER_2017_PROFILE, all)).toBe(NFER_2017_PROFILE);
    expect(profileForSchool('England', WALES_PROFILE, all)).toBe(NFER_2017_PROFILE);
    expect(profileForSchool('Wales', NFER_2017_PROFILE, [NFER_2017_PROFILE])).toBe(NFER_2017_PROFILE);
  });

  it('places a Welsh school in the default view by Welsh evidence, an English one as before', () => {
    const welsh = aWelshSchool({ categorisations: categories('red') });
    const english = aSchool({ inspections: [anInspection({ overallEffectiveness: 1 })] });
    const snapshot = buildSnapshot({
      schools: [welsh, english],
      profiles: [NFER_2017_PROFILE, WALES_PROFILE],
      defaultProfile: NFER_2017_PROFILE.name,
      asOf,
      settings: DEFAULT_MATCHING_SETTINGS,
    });
    const view = snapshot.view()!;
    expect(view.classifications.get(welsh.urn)).toMatchObject({
      group: 'in-need',
      profile: { name: WALES_PROFILE.name, version: 1 },
    });
    expect(view.classifications.get(english.urn)).toMatchObject({
      group: 'high-performing',
      profile: { name: NFER_2017_PROFILE.name, version: 1 },
    });
  });
});
