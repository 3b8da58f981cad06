import { describe, expect, it } from 'vitest';
import { contextAt, contextOf, describeContext } from '../../../../src/domain/matching/context.ts';
import { writePhrase } from '../../../../src/domain/words.ts';
import { aSchool } from '../../../builders/school-records.ts';

/** Special schools, whose shares of pupils with SEN sit close together: a point apart is far among them. */
const special = (urn: number, senPercent: number) =>
  aSchool({
    urn,
    phase: 'special',
    pupils: 120,
    fsmPercent: 40,
    ealPercent: 10,
    senPercent,
    urbanRural: null,
  });

const notes = (schools: ReturnType<typeof special>[], school: number, candidate: number) => {
  const { z, urban } = contextOf(schools);
  return describeContext(
    schools[school]!,
    contextAt(z, urban, school),
    schools[candidate]!,
    contextAt(z, urban, candidate),
  ).map((p) => writePhrase(p));
};

describe('how a candidate’s context compares, in words', () => {
  it('writes the two figures apart where whole numbers would show them the same', () => {
    const schools = [
      special(1, 98.4),
      special(2, 97.6),
      ...[98, 98.1, 97.9, 98.2, 97.8].map((sen, i) => special(10 + i, sen)),
    ];
    expect(notes(schools, 0, 1)).toContain(
      'fewer pupils with special educational needs (97.6% SEN, yours 98.4% SEN)',
    );
  });

  it('writes whole numbers where they differ', () => {
    const schools = [
      special(1, 90),
      special(2, 60),
      ...[70, 75, 80, 85, 65].map((sen, i) => special(10 + i, sen)),
    ];
    expect(notes(schools, 0, 1)).toContain(
      'fewer pupils with special educational needs (60% SEN, yours 90% SEN)',
    );
  });
});
