import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOpenSchoolRecords } from '../../../src/data/school-records.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { schoolRow } from '../../helpers/schools.ts';

/** More schools and inspections than are made into records between two turns of the event loop. */
const SCHOOLS = 2_500;
const urnOf = (i: number) => 400_000 + i;

describe('the open schools read for the snapshot', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    const urns = Array.from({ length: SCHOOLS }, (_, i) => urnOf(i));
    await t.db
      .insertInto('schools')
      .values(urns.map((urn) => schoolRow({ urn })))
      .execute();
    // Two inspections each, the older graded 3 and the newer 2, the newer inserted second.
    await t.db
      .insertInto('inspections')
      .values(
        urns.flatMap((urn) =>
          (['2016-05-01', '2022-05-01'] as const).map((startDate, n) => ({
            urn,
            inspection_number: `I${urn}-${n}`,
            start_date: startDate,
            publication_date: null,
            inspection_type: 'Section 5',
            era: 'legacy' as const,
            overall_effectiveness: n === 0 ? 3 : 2,
            key_judgements: JSON.stringify({}),
            report_card: JSON.stringify({}),
            safeguarding_met: null,
            category: null,
            estyn_follow_up: null,
            raw: JSON.stringify({}),
          })),
        ),
      )
      .execute();
  });
  afterAll(async () => t.drop());

  it('gives every school its own inspections, newest first, however many schools there are', async () => {
    const records = await loadOpenSchoolRecords(t.db);
    expect(records.map((r) => r.urn)).toEqual(Array.from({ length: SCHOOLS }, (_, i) => urnOf(i)));
    for (const record of records) {
      expect(record.inspections.map((i) => [i.urn, i.startDate, i.overallEffectiveness])).toEqual([
        [record.urn, '2022-05-01', 2],
        [record.urn, '2016-05-01', 3],
      ]);
    }
  });
});
