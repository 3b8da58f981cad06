import { describe, expect, it } from 'vitest';
import { createOrganisation, createUser, signIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { compactMarkup } from '../../../helpers/page-text.ts';
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

  it('shows the system’s figures on a public page, withholding those on too few schools', async () => {
    const page = await t.app.inject('/peer-review/summary');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Schools in review cycles now');
    // Six schools were found to develop leadership; only two were found strong in numeracy.
    expect(page.body).toMatch(/Leadership<\/th>\s*<td[^>]*>\s*Withheld\s*<\/td>\s*<td[^>]*>\s*6\s*</);
    expect(page.body).not.toContain('Numeracy');
    const byLa = await t.app.inject('/peer-review/summary?by=la');
    expect(byLa.body).toContain('1 place left out');
    expect((await t.app.inject('/peer-review/summary?by=school')).statusCode).toBe(400);
  });

  it('shows an organisation’s officers its figures, and nobody else', async () => {
    const leeds = await createOrganisation(t.db, {
      name: 'Leeds Learning Trust',
      schools: LEEDS.map((urn) => ({ urn, sharesRecords: false })),
    });
    const york = await createOrganisation(t.db, {
      name: 'York Schools',
      schools: [{ urn: YORK, sharesRecords: true }],
    });
    const officer = await signIn(t.app, t.db, { organisations: [leeds, york] });
    const hub = await t.app.inject({ url: '/peer-review/summary', headers: officer.headers });
    expect(compactMarkup(hub.body)).toContain(
      `href="/peer-review/summary?organisation=${leeds}">Leeds Learning Trust</a>`,
    );
    const ours = await t.app.inject({
      url: `/peer-review/summary?organisation=${leeds}`,
      headers: officer.headers,
    });
    expect(ours.statusCode).toBe(200);
    expect(ours.body).toContain('Peer review in Leeds Learning Trust');
    expect(ours.body).toMatch(/Leadership<\/th>\s*<td[^>]*>\s*Withheld\s*<\/td>\s*<td[^>]*>\s*5\s*</);
    const small = await t.app.inject({
      url: `/peer-review/summary?organisation=${york}`,
      headers: officer.headers,
    });
    expect(small.body).toContain('so every figure is withheld');
    const other = await signIn(t.app, t.db, { schools: [{ urn: LEEDS[0]! }] });
    expect(
      (await t.app.inject({ url: `/peer-review/summary?organisation=${leeds}`, headers: other.headers }))
        .statusCode,
    ).toBe(404);
    expect((await t.app.inject(`/peer-review/summary?organisation=${leeds}`)).statusCode).toBe(404);
  });
});
