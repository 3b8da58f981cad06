import { describe, expect, it } from 'vitest';
import { createUser, signIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { finalReport, joinedGroup, scheduledCycle } from '../../../helpers/peer-review.ts';
import { insertSchool } from '../../../helpers/schools.ts';

const LEEDS = [141001, 141002, 141003, 141004, 141005];
const YORK = 141006;
const ELSEWHERE = 141007;

describe('the peer-review API', () => {
  const t = useTestApp(
    async (db) => {
      for (const urn of LEEDS) await insertSchool(db, { urn });
      await insertSchool(db, { urn: YORK, laCode: '816', laName: 'York' });
      await insertSchool(db, { urn: ELSEWHERE });
      const admin = await createUser(db, { schools: [{ urn: LEEDS[0]!, role: 'admin' }] });
      const moderator = await createUser(db, { name: 'Mo Derator', schools: [{ urn: ELSEWHERE }] });
      const urns = [...LEEDS, YORK];
      const groupId = await joinedGroup(db, { name: 'Aire cluster', urns }, admin);
      const { reviews } = await scheduledCycle(db, { groupId, urns, moderatorUserId: moderator.id }, admin);
      for (const [i, urn] of urns.entries()) {
        await finalReport(
          db,
          reviews.get(urn)!,
          [
            { focusArea: 'leadership', kind: 'area-to-develop' },
            ...(i < 2 ? [{ focusArea: 'numeracy' as const, kind: 'strength' as const }] : []),
          ],
          admin,
        );
      }
    },
    { fresh: 'file' },
  );

  it('lists the frameworks, each with its dataset', async () => {
    const response = await t.app.inject('/api/peer-review/frameworks');
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.items.map((f: { id: string }) => f.id)).toContain('collaborative-review');
    expect(body.dataset).toEqual(expect.objectContaining({ synthetic: expect.any(Boolean) }));
  });

  it('gives one framework in full, on S2S’s own scale, and 404 for an unknown one', async () => {
    const body = (await t.app.inject('/api/peer-review/frameworks/collaborative-review')).json();
    expect(body.areas.length).toBeGreaterThan(0);
    expect(body.scale.levels.map((l: { label: string }) => l.label)).toContain('Strong practice');
    expect(body.dataset).toBeDefined();
    const missing = await t.app.inject('/api/peer-review/frameworks/ofsted');
    expect(missing.statusCode).toBe(404);
  });

  it('refuses the cycles to an anonymous caller with 401', async () => {
    const response = await t.app.inject('/api/peer-review/cycles');
    expect(response.statusCode).toBe(401);
  });

  it('shows a person only the cycles their schools belong to', async () => {
    const member = await signIn(t.app, t.db, { schools: [{ urn: YORK }] });
    const mine = (await t.app.inject({ url: '/api/peer-review/cycles', headers: member.headers })).json();
    expect(mine.total).toBe(1);
    expect(mine.items[0].group.name).toBe('Aire cluster');
    expect(mine.items[0].reviews.map((r: { host: { urn: number } }) => r.host.urn)).toContain(YORK);

    const outsider = await signIn(t.app, t.db, { schools: [{ urn: ELSEWHERE, role: 'admin' }] });
    const none = (await t.app.inject({ url: '/api/peer-review/cycles', headers: outsider.headers })).json();
    expect(none).toEqual({ total: 0, limit: 20, offset: 0, items: [] });
  });

  it('counts the whole country with its dataset, and withholds what rests on too few schools', async () => {
    const body = (await t.app.inject('/api/peer-review/summary')).json();
    expect(body.dataset).toBeDefined();
    expect(body.suppressBelow).toBe(5);
    const [all] = body.items;
    expect(all).toMatchObject({
      schoolsInCycles: 6,
      schoolsReviewed: 6,
      areasToDevelop: 6,
      supportedWithinTerm: 0,
    });
    const areas = Object.fromEntries(all.areas.map((a: { focusArea: string }) => [a.focusArea, a]));
    expect(areas.leadership).toMatchObject({ areasToDevelop: 6, strengths: null });
    // Numeracy was found strong at two schools only: below the threshold, so it is not shown at all.
    expect(areas.numeracy).toBeUndefined();
  });

  it('by local authority, leaves out an authority whose figures would name its one school', async () => {
    const body = (await t.app.inject('/api/peer-review/summary?by=la')).json();
    expect(body.items.map((i: { name: string }) => i.name)).toEqual(['Leeds']);
    expect(body.items[0]).toMatchObject({ schoolsInCycles: 5, schoolsReviewed: 5 });
    expect(body.withheld).toBe(1);
    expect(JSON.stringify(body)).not.toContain('York');
  });

  it('by region, and refuses an unknown grouping', async () => {
    const body = (await t.app.inject('/api/peer-review/summary?by=region')).json();
    expect(body.items).toEqual([
      expect.objectContaining({ name: 'Yorkshire and the Humber', schoolsInCycles: 6 }),
    ]);
    expect((await t.app.inject('/api/peer-review/summary?by=school')).statusCode).toBe(400);
  });
});
