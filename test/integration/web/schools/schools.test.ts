import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../helpers/app.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { visibleText } from '../../../helpers/page-text.ts';

describe('finding a school and reading its profile', () => {
  const t = useTestApp(
    async (db) => {
      await insertSchool(db, {
        urn: 100100,
        name: 'Ysgol Gymraeg Aberystwyth',
        town: 'Aberystwyth',
        postcode: 'SY23 1AB',
        laCode: '671',
        laName: 'Ceredigion',
      });
      await insertSchool(db, {
        urn: 100101,
        name: "St Mary's Catholic Primary School",
        town: 'Leeds',
        postcode: 'LS1 2AB',
      });
      await insertSchool(db, {
        urn: 100102,
        name: 'Leeds Secondary Academy',
        town: 'Leeds',
        phase: 'secondary',
        postcode: 'LS2 3CD',
      });
      await insertSchool(db, {
        urn: 100103,
        name: 'Closed Primary School',
        town: 'Leeds',
        open: false,
        statusName: 'Closed',
      });
      await db
        .insertInto('inspections')
        .values({
          urn: 100101,
          inspection_number: '10001',
          start_date: '2023-05-10',
          publication_date: '2023-06-01',
          inspection_type: 'Section 5',
          era: 'legacy',
          overall_effectiveness: 2,
          key_judgements: JSON.stringify({ qualityOfEducation: 2, leadershipAndManagement: 1 }),
          report_card: JSON.stringify({}),
          safeguarding_met: true,
          category: null,
          estyn_follow_up: null,
          raw: JSON.stringify({}),
        })
        .execute();
    },
    { fresh: 'test' },
  );

  it('answers the health checks once the database is reachable', async () => {
    expect((await t.app.inject('/health/live')).statusCode).toBe(200);
    await t.app.snapshots.get(); // ready also waits for the in-memory snapshot of the registry
    const ready = await t.app.inject('/health/ready');
    expect(ready.statusCode).toBe(200);
    expect(ready.json().checks).toContainEqual({ name: 'database', ok: true });
  });

  it('searches by partial name, town, postcode and URN through the API', async () => {
    const byName = await t.app.inject('/api/schools?q=st%20mary');
    expect(byName.json().items.map((s: { urn: number }) => s.urn)).toEqual([100101]);
    const byTown = await t.app.inject('/api/schools?q=leeds&phase=secondary');
    expect(byTown.json()).toMatchObject({ total: 1, limit: 20, offset: 0, items: [{ urn: 100102 }] });
    const byPostcode = await t.app.inject('/api/schools?q=sy231ab');
    expect(byPostcode.json().items.map((s: { urn: number }) => s.urn)).toEqual([100100]);
    const byUrn = await t.app.inject('/api/schools?q=100102');
    expect(byUrn.json().total).toBe(1);
  });

  it('forgives a misspelt name', async () => {
    const res = await t.app.inject('/api/schools?q=aberystwith');
    expect(res.json().items.map((s: { urn: number }) => s.urn)).toContain(100100);
  });

  it("filters by group and explains a school's group, the same on the page and in the API", async () => {
    await t.app.snapshots.get();
    const one = await t.app.inject('/api/schools/100101');
    const group = one.json().classification.group;
    expect(['in-need', 'high-performing', 'other']).toContain(group);
    expect(one.json().classification.reasons.length).toBeGreaterThan(0);
    const inGroup = await t.app.inject(`/api/schools?group=${group}&q=st%20mary`);
    expect(inGroup.json().items.map((s: { urn: number }) => s.urn)).toEqual([100101]);
    const other = group === 'in-need' ? 'high-performing' : 'in-need';
    expect((await t.app.inject(`/api/schools?group=${other}&q=st%20mary`)).json().total).toBe(0);
    const page = await t.app.inject('/schools/100101');
    expect(page.body).toContain(one.json().classification.reasons[0].text.replace(/'/g, '&#39;'));
  });

  it('leaves closed schools out of search', async () => {
    const res = await t.app.inject('/api/schools?q=closed');
    expect(res.json().total).toBe(0);
  });

  it('rejects a bad filter with a message naming it', async () => {
    const res = await t.app.inject('/api/schools?phase=university');
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('phase');
  });

  it('pages through results with limit and offset', async () => {
    const first = await t.app.inject('/api/schools?q=leeds&limit=1');
    const second = await t.app.inject('/api/schools?q=leeds&limit=1&offset=1');
    expect(first.json().total).toBe(2);
    expect(first.json().items[0].urn).not.toBe(second.json().items[0].urn);
  });

  it('returns one school with its inspections, and 404 for an unknown URN', async () => {
    const res = await t.app.inject('/api/schools/100101');
    expect(res.json()).toMatchObject({
      urn: 100101,
      inspections: [{ era: 'legacy', overallEffectiveness: 2 }],
    });
    expect((await t.app.inject('/api/schools/999999')).statusCode).toBe(404);
  });

  it('shows search results and the profile as GOV.UK pages', async () => {
    const page = await t.app.inject('/?q=leeds');
    expect(page.statusCode).toBe(200);
    expect(visibleText(page.body)).toContain('2 schools found');
    expect(page.body).toContain('href="/schools/100101"');
    const profile = await t.app.inject('/schools/100101');
    expect(profile.body).toContain('Overall effectiveness: Good');
    expect(profile.body).toContain('Leadership and management');
    expect(profile.headers['content-security-policy']).toContain("worker-src 'self' blob:");
  });

  it('serves the OpenAPI documentation', async () => {
    const res = await t.app.inject('/api/docs/json');
    expect(res.json().paths).toHaveProperty('/api/schools/{urn}');
  });

  it('refuses a form post without a CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/',
      payload: 'q=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(403);
  });
});
