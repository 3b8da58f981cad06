import { describe, expect, it } from 'vitest';
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
});
