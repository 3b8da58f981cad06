import { describe, expect, it } from 'vitest';
import { readOfsted } from '../../../src/ingest/ofsted.ts';
import { readAll } from '../../helpers/fixtures.ts';

describe('reading Ofsted inspection outcomes', () => {
  it('reads a legacy inspection with its overall effectiveness and key judgements', async () => {
    const { records } = await readAll(readOfsted, 'ofsted-outcomes.csv');
    const latest = records.find((i) => i.urn === 100000 && i.startDate === '2023-03-14')!;
    expect(latest).toMatchObject({
      era: 'legacy',
      overallEffectiveness: 2,
      inspectionNumber: '10200001',
      publicationDate: '2023-04-20',
      keyJudgements: {
        qualityOfEducation: 2,
        behaviourAndAttitudes: 1,
        personalDevelopment: 2,
        leadershipAndManagement: 2,
        earlyYears: 2,
      },
      safeguardingMet: true,
      reportCard: {},
    });
    expect(latest.raw['Overall effectiveness']).toBe('2');
  });

  it('keeps the previous inspection as history', async () => {
    const { records } = await readAll(readOfsted, 'ofsted-outcomes.csv');
    const history = records.filter((i) => i.urn === 100000).map((i) => [i.startDate, i.overallEffectiveness]);
    expect(history).toEqual([
      ['2023-03-14', 2],
      ['2018-02-01', 1],
    ]);
  });

  it('reads an inspection since September 2024 as ungraded: key judgements, no overall grade', async () => {
    const { records } = await readAll(readOfsted, 'ofsted-outcomes.csv');
    const latest = records.find((i) => i.urn === 100001 && i.startDate === '2024-10-08')!;
    expect(latest).toMatchObject({
      era: 'ungraded',
      overallEffectiveness: null,
      keyJudgements: { qualityOfEducation: 3, sixthForm: 2 },
    });
    expect(latest.raw['Overall effectiveness']).toBe('Not judged');
  });

  it('reads a report card with a five-point grade per evaluation area and safeguarding met', async () => {
    const { records } = await readAll(readOfsted, 'ofsted-outcomes.csv');
    const card = records.find((i) => i.urn === 100002 && i.era === 'report-card')!;
    expect(card).toMatchObject({
      startDate: '2025-11-18',
      overallEffectiveness: null,
      safeguardingMet: true,
      reportCard: {
        inclusion: 2,
        curriculumAndTeaching: 3,
        achievement: 4,
        attendanceAndBehaviour: 1,
        personalDevelopmentAndWellbeing: 2,
        leadershipAndGovernance: 3,
        post16: 5,
      },
    });
    const before = records.find((i) => i.urn === 100002 && i.era === 'legacy')!;
    expect(before).toMatchObject({
      overallEffectiveness: 4,
      category: 'special measures',
      safeguardingMet: false,
    });
  });

  it('skips a school not yet inspected, with the reason', async () => {
    const { records, problems } = await readAll(readOfsted, 'ofsted-outcomes.csv');
    expect(records.some((i) => i.urn === 100008)).toBe(false);
    expect([...problems.skipped]).toEqual([['not yet inspected (no inspection start date)', 1]]);
  });

  it.each([
    [
      'ofsted-bad-grade.csv',
      /ofsted-bad-grade\.csv, row 2, field "Quality of education": "Very good" is not a grade/,
    ],
    [
      'ofsted-bad-date.csv',
      /ofsted-bad-date\.csv, row 3, field "Inspection start date of latest graded inspection": "2024-13-45" is not a date/,
    ],
    [
      'edubasealldata20250422.csv',
      /this looks like a GIAS establishments extract, not an Ofsted inspection outcomes file/,
    ],
  ])('refuses %s with a message naming where', async (name, message) => {
    await expect(readAll(readOfsted, name)).rejects.toThrow(message);
  });
});
