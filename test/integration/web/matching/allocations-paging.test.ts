import { describe, expect, it } from 'vitest';
import { runTask } from '../../../../src/app/compute/tasks.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { insertCapacitySchools } from '../../../helpers/capacity-fixture.ts';
import { schoolRow } from '../../../helpers/schools.ts';

/** Primaries in need in Leeds beside the fixture's one: no high-performing primary supports them. */
const PRIMARIES_IN_NEED = [200101, 200102, 200103, 200104, 200105];

/**
 * A page of the national allocation carries that page of the pairings and the same page of the
 * schools left without a supporter, not every one of them (tens of thousands nationally), while
 * its totals stay those of the whole allocation.
 */
describe('a page of the national allocation', () => {
  const t = useTestApp(
    async (db) => {
      await insertCapacitySchools(db);
      for (const [i, urn] of PRIMARIES_IN_NEED.entries()) {
        await db
          .insertInto('schools')
          .values(schoolRow({ urn, name: `Leeds Primary ${i} In Need`, lat: 53.8 + i * 0.01, lon: -1.55 }))
          .execute();
        await db
          .insertInto('inspections')
          .values({
            urn,
            start_date: '2019-03-01',
            era: 'legacy',
            overall_effectiveness: 3,
            key_judgements: JSON.stringify({}),
            report_card: JSON.stringify({}),
            raw: JSON.stringify({}),
          })
          .execute();
      }
    },
    { fresh: 'file' },
  );

  it('answers just the page asked for, of pairings and of schools without a supporter, with the whole allocation’s totals', async () => {
    const whole = runTask(await t.app.snapshots.get(), { kind: 'allocation', profile: undefined });
    expect(whole.unsupported.length).toBeGreaterThan(2);
    expect(whole.assignments.length).toBeGreaterThan(2);
    const limit = 2;
    const items: number[] = [];
    const unsupported: { urn: number; reason: string; text: string }[] = [];
    const pages = Math.ceil(Math.max(whole.assignments.length, whole.unsupported.length) / limit);
    for (let page = 0; page < pages; page++) {
      const response = await t.app.inject(`/api/allocations?limit=${limit}&offset=${page * limit}`);
      expect(response.statusCode, response.body).toBe(200);
      const body = response.json();
      expect(body).toMatchObject({
        total: whole.assignments.length,
        limit,
        offset: page * limit,
        summary: whole.summary,
      });
      expect(body.items.length).toBeLessThanOrEqual(limit);
      expect(body.unsupported.length).toBeLessThanOrEqual(limit);
      items.push(...body.items.map((a: { urn: number }) => a.urn));
      unsupported.push(...body.unsupported);
    }
    expect(items).toEqual(whole.assignments.map((a) => a.urn));
    expect(unsupported).toEqual(
      whole.unsupported.map(({ urn, name, reason, text }) => ({
        urn,
        name,
        reason,
        text,
        localAuthority: { code: '383', name: 'Leeds' },
      })),
    );
  });
});
