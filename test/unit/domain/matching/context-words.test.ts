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
  it.each([
    {
      when: 'writes the two figures apart where whole numbers would show them the same',
      shares: [98.4, 97.6, 98, 98.1, 97.9, 98.2, 97.8],
      says: 'fewer pupils with special educational needs (97.6% SEN, yours 98.4% SEN)',
    },
    {
      when: 'writes whole numbers where they differ',
      shares: [90, 60, 70, 75, 80, 85, 65],
      says: 'fewer pupils with special educational needs (60% SEN, yours 90% SEN)',
    },
  ])('$when', ({ shares, says }) => {
    const schools = shares.map((sen, i) => special(i + 1, sen));
    expect(notes(schools, 0, 1)).toContain(says);
  });
});
