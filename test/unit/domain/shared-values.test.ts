import { describe, expect, it } from 'vitest';
import type { SchoolRecord } from '../../../src/domain/school.ts';
import { shareRepeatedValues } from '../../../src/domain/shared-values.ts';
import { syntheticSchools } from '../../builders/synthetic-schools.ts';

describe('the registry held with one copy of each repeated value', () => {
  // As read from the database: an object of its own for every school's local authority.
  const read = syntheticSchools(300).map((school, i) => ({
    ...school,
    localAuthority: i % 2 === 0 ? { code: '383', name: 'Leeds' } : { code: '330', name: 'Birmingham' },
  }));

  it('holds every school with the same values as read, with one local authority for the schools that share it', () => {
    const shared = shareRepeatedValues(structuredClone(read));
    expect(shared).toEqual(read);
    const leeds = shared.filter((s) => s.localAuthority?.code === '383');
    expect(leeds.length).toBe(150);
    for (const school of leeds) expect(school.localAuthority).toBe(leeds[0]!.localAuthority);
  });

  it('holds one empty object for every inspection without judgements and every empty published row', () => {
    const shared = shareRepeatedValues(structuredClone(read));
    const empties = shared.flatMap((s) => [
      ...s.inspections.flatMap((i) => [i.keyJudgements, i.reportCard, i.raw]),
      ...s.performance.map((p) => p.raw),
    ]);
    expect(empties.length).toBeGreaterThan(900);
    expect(new Set(empties).size).toBe(1);
  });

  it('holds one copy of the judgements that inspections share, grade for grade in the same order', () => {
    const judged: SchoolRecord[] = read.map((school, i) => ({
      ...school,
      inspections: school.inspections.map((inspection) => ({
        ...inspection,
        keyJudgements:
          i % 2 === 0 ? { qualityOfEducation: 2, leadershipAndManagement: 2 } : { qualityOfEducation: 3 },
      })),
    }));
    const shared = shareRepeatedValues(structuredClone(judged));
    expect(shared).toEqual(judged);
    const judgements = shared.flatMap((s) => s.inspections.map((i) => i.keyJudgements));
    expect(judgements.length).toBe(300);
    expect(new Set(judgements).size).toBe(2);
  });
});
