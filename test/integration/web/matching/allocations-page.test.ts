import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../helpers/app.ts';
import { insertCapacitySchools } from '../../../helpers/capacity-fixture.ts';

// The capacity fixture: Leeds has two high-performing secondaries and one in need; York one in
// need 35 km from them; Kent one high-performing in Maidstone with one in need beside it and one
// in Canterbury, 37 km away; a primary in need in Leeds with no high-performing primary anywhere.
const LEEDS_IN_NEED = 200003;
const YORK_IN_NEED = 200004;
const MAIDSTONE_OUTSTANDING = 200006;
const MAIDSTONE_IN_NEED = 200007;
const CANTERBURY_IN_NEED = 200008;
const LEEDS_PRIMARY_IN_NEED = 200009;

describe('the national allocation for people, by region and local authority', () => {
  const t = useTestApp(
    async (db) => {
      await insertCapacitySchools(db);
      // A name a spreadsheet would take for a formula.
      await db
        .updateTable('schools')
        .set({ name: '=Canterbury In Need' })
        .where('urn', '=', CANTERBURY_IN_NEED)
        .execute();
    },
    { fresh: 'file' },
  );

  it('gives the schools in need of one local authority with their supporters, and the figures for them alone', async () => {
    const res = await t.app.inject('/api/allocations?la=886');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((a: { urn: number }) => a.urn)).toEqual([MAIDSTONE_IN_NEED, CANTERBURY_IN_NEED]);
    expect(body.items.map((a: { supporterUrn: number }) => a.supporterUrn)).toEqual([
      MAIDSTONE_OUTSTANDING,
      MAIDSTONE_OUTSTANDING,
    ]);
    expect(body.items[1]).toMatchObject({ remote: true, localAuthority: { code: '886', name: 'Kent' } });
    expect(body.summary).toEqual({
      inNeed: 2,
      supported: 2,
      unsupported: 0,
      remote: 1,
      remoteNearerTaken: 0,
      supporters: 1,
    });
    expect(body.unsupported).toEqual([]);
  });

  it('filters by region, by code or by name, with who is left without a supporter and why', async () => {
    const byCode = (await t.app.inject('/api/allocations?region=E15000003')).json();
    const byName = (await t.app.inject('/api/allocations?region=yorkshire%20and%20the%20humber')).json();
    expect(byName.items).toEqual(byCode.items);
    expect(byCode.items.map((a: { urn: number }) => a.urn)).toEqual([LEEDS_IN_NEED, YORK_IN_NEED]);
    expect(byCode.unsupported).toEqual([
      expect.objectContaining({
        urn: LEEDS_PRIMARY_IN_NEED,
        reason: 'no-candidate',
        text: expect.any(String),
      }),
    ]);
    expect(byCode.summary).toMatchObject({ inNeed: 3, supported: 2, unsupported: 1 });
  });

  it('filters by phase, in the API, the page and the CSV alike', async () => {
    const primary = (await t.app.inject('/api/allocations?region=E15000003&phase=primary')).json();
    expect(primary.items).toEqual([]);
    expect(primary.unsupported.map((u: { urn: number }) => u.urn)).toEqual([LEEDS_PRIMARY_IN_NEED]);
    expect(primary.summary).toMatchObject({ inNeed: 1, supported: 0, unsupported: 1 });
    const secondary = (await t.app.inject('/api/allocations?region=E15000003&phase=secondary')).json();
    expect(secondary.items.map((a: { urn: number }) => a.urn)).toEqual([LEEDS_IN_NEED, YORK_IN_NEED]);
    expect(secondary.unsupported).toEqual([]);

    const page = await t.app.inject('/allocations?region=E15000003&phase=primary');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Schools in need in Yorkshire and The Humber, in the primary phase');
    expect(page.body).toContain('Leeds Primary In Need');
    expect(page.body).not.toContain('Leeds Academy In Need');
    expect(page.body).toMatch(/<option value="primary" selected>Primary<\/option>/);
    expect(page.body).toContain('href="/allocations.csv?region=E15000003&amp;phase=primary"');

    const csv = await t.app.inject('/allocations.csv?region=E15000003&phase=secondary');
    const urns = csv.body
      .trim()
      .split(/\r?\n/)
      .slice(2)
      .map((line) => Number(line.split(',')[0]));
    expect(urns).toEqual([LEEDS_IN_NEED, YORK_IN_NEED]);

    const bad = await t.app.inject('/api/allocations?phase=sixth-form');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues).toEqual([expect.objectContaining({ field: 'phase' })]);
    const badPage = await t.app.inject('/allocations?phase=sixth-form');
    expect(badPage.statusCode).toBe(400);
    expect(badPage.body).toContain('href="#phase"');
  });

  it('shows the allocation of an area on a page that works without JavaScript', async () => {
    const page = await t.app.inject('/allocations?la=886');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Schools in need in Kent');
    expect(page.body).toContain('Maidstone In Need');
    expect(page.body).toContain('=Canterbury In Need');
    expect(page.body).toContain('Beyond radius');
    expect(page.body).not.toContain('Leeds Academy In Need');
    expect(page.body).toMatch(/<form method="get" action="\/allocations"/);
    expect(page.body).toMatch(/<option value="886" selected>Kent<\/option>/);
    expect(page.body).toContain('href="/allocations.csv?la=886"');
    const region = await t.app.inject('/allocations?region=E15000003');
    expect(region.body).toContain('Leeds Primary In Need');
    expect(region.body).toContain(
      'No high-performing primary or all-through school has room to support another school',
    );
  });

  it('leads from each capacity row to that area’s allocation', async () => {
    const byLa = await t.app.inject('/capacity?by=la');
    expect(byLa.body).toContain('href="/allocations?la=886"');
    const byRegion = await t.app.inject('/capacity?by=region');
    expect(byRegion.body).toContain('href="/allocations?region=E15000008"');
    const secondaries = await t.app.inject('/capacity?by=la&phase=secondary');
    expect(secondaries.body).toContain('href="/allocations?la=886&amp;phase=secondary"');
  });

  it('downloads an area’s allocation as CSV that a spreadsheet shows as written', async () => {
    const csv = await t.app.inject('/allocations.csv?la=886');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^# School data/);
    expect(lines).toHaveLength(4);
    expect(csv.body).toContain("'=Canterbury In Need");
    expect(csv.body).not.toContain('Leeds Academy');
  });

  it('refuses an unknown profile on the page and in the API, naming it', async () => {
    expect((await t.app.inject('/api/allocations?profile=nope')).statusCode).toBe(400);
    const page = await t.app.inject('/allocations?profile=nope');
    expect(page.statusCode).toBe(400);
    expect(page.body).toContain('href="#profile"');
  });
});
