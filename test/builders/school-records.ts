import type { Inspection, Performance, SchoolRecord } from '../../src/domain/school.ts';

/** Factory builders for hand-made schools: a plain open primary in Leeds unless told otherwise. */
export function aSchool(overrides: Partial<SchoolRecord> = {}): SchoolRecord {
  return {
    urn: 100000,
    name: 'Test Primary School',
    typeName: 'Community school',
    typeGroup: 'Local authority maintained schools',
    open: true,
    statusName: 'Open',
    phase: 'primary',
    statutoryLowAge: 4,
    statutoryHighAge: 11,
    country: 'England',
    localAuthority: { code: '383', name: 'Leeds' },
    region: { code: 'E12000003', name: 'Yorkshire and the Humber' },
    constituency: null,
    town: 'Leeds',
    postcode: 'LS1 1AA',
    location: { lat: 53.8, lon: -1.55 },
    pupils: 300,
    fsmPercent: 20,
    ealPercent: 10,
    senPercent: 12,
    urbanRural: 'Urban city and town',
    trust: null,
    inspections: [],
    performance: [],
    ...overrides,
  };
}

export function anInspection(overrides: Partial<Inspection> = {}): Inspection {
  return {
    urn: 100000,
    inspectionNumber: null,
    startDate: '2018-05-01',
    publicationDate: null,
    inspectionType: null,
    era: 'legacy',
    overallEffectiveness: 2,
    keyJudgements: {},
    reportCard: {},
    safeguardingMet: null,
    category: null,
    estynFollowUp: null,
    raw: {},
    ...overrides,
  };
}

export function ks2Results(overrides: Partial<Performance> = {}): Performance {
  return {
    urn: 100000,
    year: 2019,
    keyStage: 2,
    cohort: null,
    rwmExpectedPercent: null,
    readingExpectedPercent: null,
    writingExpectedPercent: null,
    mathsExpectedPercent: null,
    readingProgress: 0,
    writingProgress: 0,
    mathsProgress: 0,
    progress8: null,
    attainment8: null,
    englishMaths5Percent: null,
    raw: {},
    ...overrides,
  };
}

export function ks4Results(overrides: Partial<Performance> = {}): Performance {
  return ks2Results({
    keyStage: 4,
    readingProgress: null,
    writingProgress: null,
    mathsProgress: null,
    progress8: 0,
    attainment8: 46,
    ...overrides,
  });
}
