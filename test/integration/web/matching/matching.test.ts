import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../../src/config.ts';
import { listLatestProfiles, publishProfileVersion } from '../../../../src/data/profiles.ts';
import { createSnapshotStore, loadSnapshot } from '../../../../src/data/snapshot.ts';
import { NFER_2017_PROFILE } from '../../../../src/domain/classification/index.ts';
import { buildApp } from '../../../../src/web/app.ts';
import { createTestDatabase, type TestDatabase } from '../../../helpers/database.ts';
import { insertMatchingDataset } from '../../../helpers/matching-dataset.ts';
import { visibleText } from '../../../helpers/page-text.ts';

describe('classification and matching over the database', () => {
  let t: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    t = await createTestDatabase();
    await insertMatchingDataset(t.db);
    app = await buildApp({ config: loadConfig({ NODE_ENV: 'test' }), db: t.db });
  });
  afterAll(async () => {
    await app.close();
    await t.drop();
  });

  it('ships the NFER, inspection-only and Welsh profiles in the database', async () => {
    expect((await listLatestProfiles(t.db)).map((p) => `${p.name} v${p.version}`)).toEqual([
      'inspection-only v1',
      'nfer-2017 v1',
      'wales-estyn-categorisation v1',
    ]);
  });

  it('publishes an edited profile as a new version, leaving the old one', async () => {
    const { version: _version, ...edited } = { ...NFER_2017_PROFILE, title: 'NFER 2017, stricter' };
    const published = await publishProfileVersion(t.db, { ...edited, name: 'nfer-strict' }, null);
    const again = await publishProfileVersion(t.db, { ...edited, name: 'nfer-strict' }, null);
    expect([published.version, again.version]).toEqual([1, 2]);
  });

  it('loads open schools with their evidence into a snapshot that classifies them', async () => {
    const snapshot = await loadSnapshot(t.db, { asOf: '2026-11-24' });
    expect(snapshot.schools.map((s) => s.urn)).toEqual([200001, 200002, 200003, 200004, 200005]);
    const groups = snapshot.view()!.groups;
    expect([200001, 200002, 200003, 200005].map((urn) => groups.get(urn))).toEqual([
      'in-need',
      'high-performing',
      'high-performing',
      'in-need',
    ]);
  });

  it('reports ready on /health/ready once the snapshot is built', async () => {
    await app.snapshots.get();
    const response = await app.inject({ url: '/health/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json().checks).toContainEqual(expect.objectContaining({ name: 'snapshot', ok: true }));
  });

  it('answers the partner search per the API contract', async () => {
    const response = await app.inject({ url: '/api/schools/200001/partners?strategy=support&limit=5' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.school).toMatchObject({ urn: 200001, name: 'Seeker Primary School', group: 'in-need' });
    expect(body.candidates.map((c: { urn: number }) => c.urn)).toEqual([200002, 200003]);
    expect(body.candidates[0]).toMatchObject({ name: 'Beacon Primary School', distanceKm: 2, remote: false });
    expect(body.candidates[0].score).toBeGreaterThan(body.candidates[1].score);
    expect(body.candidates[0].score).toBeLessThanOrEqual(100);
    expect(body.candidates[0].tags).toEqual([]);
    expect(body.candidates[0].reasons).toEqual(expect.arrayContaining(['2.0 km away']));
  });

  it('ranks and scores the same candidates without their reasons when asked not to explain', async () => {
    const withoutReasons = <T extends { reasons: string[] }>(o: T) => ({ ...o, reasons: [] });
    for (const urn of [200001, 200002, 200003, 200004, 200005]) {
      for (const strategy of ['support', 'peer', 'reciprocal', 'offer-support']) {
        const url = `/api/schools/${urn}/partners?strategy=${strategy}`;
        const explained = (await app.inject({ url })).json();
        const response = await app.inject({ url: `${url}&explain=false` });
        expect(response.statusCode).toBe(200);
        const { dataset: _dataset, ...brief } = response.json();
        const { dataset: _same, ...full } = explained;
        expect(brief).toEqual({
          ...full,
          school: withoutReasons(full.school),
          candidates: full.candidates.map(withoutReasons),
        });
      }
    }
    const explained = (await app.inject({ url: '/api/schools/200001/partners' })).json();
    expect(explained.school.reasons.length).toBeGreaterThan(0);
    expect(explained.candidates[0].reasons.length).toBeGreaterThan(0);
    const wrong = await app.inject({ url: '/api/schools/200001/partners?explain=no' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().message).toContain('Explain must be true or false');
  });

  it('documents how to ask for the candidates without their reasons', async () => {
    const doc = (await app.inject('/api/docs/json')).json();
    const explain = doc.paths['/api/schools/{urn}/partners'].get.parameters.find(
      (p: { name: string }) => p.name === 'explain',
    );
    expect(explain).toMatchObject({ in: 'query', required: false });
    expect(explain.description).toContain('without their reasons');
  });

  it('explains every candidate on the page, whatever its address asks', async () => {
    for (const explain of ['false', 'no']) {
      const page = await app.inject({ url: `/schools/200001/partners?strategy=support&explain=${explain}` });
      expect(page.statusCode).toBe(200);
      expect(visibleText(page.body)).toContain('2.0 km away');
    }
  });

  it('answers the same partner search again the same, and from the new data once it changes', async () => {
    const url = '/api/schools/200001/partners?strategy=support&limit=5';
    const first = await app.inject({ url });
    expect((await app.inject({ url })).body).toBe(first.body);
    await t.db.updateTable('schools').set({ name: 'Beacon Academy' }).where('urn', '=', 200002).execute();
    await app.snapshots.refresh();
    const changed = await app.inject({ url });
    expect(changed.headers['content-type']).toBe(first.headers['content-type']);
    expect(changed.json().candidates[0]).toMatchObject({ urn: 200002, name: 'Beacon Academy' });
    await t.db
      .updateTable('schools')
      .set({ name: 'Beacon Primary School' })
      .where('urn', '=', 200002)
      .execute();
    await app.snapshots.refresh();
  });

  it('offers, on the page, to propose a partnership with each candidate', async () => {
    const page = await app.inject({ url: '/schools/200001/partners?strategy=support' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="/partnerships/new?with=200002&amp;from=200001&amp;strategy=support"');
  });

  it('offers on the page every filter the API has, and applies them', async () => {
    const page = await app.inject({ url: '/schools/200001/partners?strategy=support' });
    for (const field of [
      'strategy',
      'radiusKm',
      'near',
      'type',
      'trust',
      'excludePartnered',
      'limit',
      'profile',
    ]) {
      expect(page.body).toContain(`name="${field}"`);
    }
    const one = await app.inject({ url: '/schools/200001/partners?strategy=support&limit=1&type=&trust=' });
    expect(visibleText(one.body)).toContain('1 suggested partner');
    expect(one.body).toMatch(/Match score[\s\S]*?\d+ out of 100/);
    const none = await app.inject({ url: '/schools/200001/partners?strategy=support&trust=No+Such+Trust' });
    expect(visibleText(none.body)).toContain('0 suggested partners');
  });

  it('looks for partners around a place, measuring distances from it, and says how the place was located', async () => {
    const response = await app.inject({ url: '/api/schools/200001/partners?strategy=support&near=200003' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.near).toMatchObject({ query: '200003', kind: 'school', name: 'Hillside Primary School' });
    expect(body.near.basis).toContain('The position of Hillside Primary School');
    // The phrase a page writes it from is for pages: the API answers the English.
    expect(body.near).not.toHaveProperty('basisWords');
    expect(body.candidates.map((c: { urn: number; distanceKm: number }) => [c.urn, c.distanceKm])).toEqual([
      [200003, 0],
      [200002, 3],
    ]);
    expect(body.candidates[1].reasons).toContain('3.0 km from Hillside Primary School');

    // No school has LS1 9ZZ: it is placed at the centre of the schools in its district.
    const postcode = (await app.inject({ url: '/api/schools/200001/partners?near=ls1+9zz' })).json();
    expect(postcode.near).toMatchObject({ kind: 'postcode-district', name: 'LS1' });
    expect(postcode.near.basis).toContain('LS1 9ZZ is not the postcode of a school in the registry');

    const unknown = await app.inject({ url: '/api/schools/200001/partners?near=Atlantis' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().issues).toEqual([expect.objectContaining({ field: 'near' })]);
  });

  it('offers the search near a place on the page, saying how places are found', async () => {
    const page = await app.inject({ url: '/schools/200001/partners?strategy=support&near=200003' });
    expect(page.statusCode).toBe(200);
    expect(visibleText(page.body)).toContain('suggested partners near Hillside Primary School');
    expect(visibleText(page.body)).toContain('not from a postcode directory');
    expect(visibleText(page.body)).toContain('Looking within 5 km of Hillside Primary School');
    const unknown = await app.inject({ url: '/schools/200001/partners?near=Atlantis' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.body).toMatch(/href="#near"[^>]*>“Atlantis” was not found/);
  });

  it('says how the place was located in Welsh on a Welsh page', async () => {
    const welsh = (url: string) => app.inject({ url, headers: { cookie: 's2s-lang=cy' } });
    const byPostcode = visibleText(
      (await welsh('/schools/200001/partners?strategy=support&near=ls1+9zz')).body,
    );
    expect(byPostcode).toMatch(
      /Nid LS1 9ZZ yw cod post unrhyw ysgol yn y gofrestr, felly canol ardal cod post LS1, o safle ysgolion y gofrestr yno \(\d+ ysgol\)/,
    );
    expect(byPostcode).not.toContain('is not the postcode');
    const bySchool = visibleText((await welsh('/schools/200001/partners?strategy=support&near=200003')).body);
    expect(bySchool).toContain('Safle Hillside Primary School (URN 200003)');
  });

  it('compares the candidates side by side in a table, without JavaScript, keeping the view on a new search', async () => {
    const page = await app.inject({ url: '/schools/200001/partners?strategy=support&view=table' });
    expect(page.statusCode).toBe(200);
    const table = /<table class="govuk-table s2s-partners-table"[\s\S]*?<\/table>/.exec(page.body)?.[0] ?? '';
    const rows = [...table.matchAll(/<tr class="govuk-table__row" data-urn="(\d+)">/g)].map((m) =>
      Number(m[1]),
    );
    expect(rows).toEqual([200002, 200003]);
    expect(table).toContain('2.0 km away');
    expect(table).toContain('href="/partnerships/new?with=200002&amp;from=200001&amp;strategy=support"');
    expect(page.body).toMatch(/<input type="hidden" name="view" value="table"\s*\/?>/);
    expect(visibleText(page.body)).toContain('Show as a list with a map');
    const list = await app.inject({ url: '/schools/200001/partners?strategy=support' });
    expect(visibleText(list.body)).not.toContain('s2s-partners-table');
    expect(list.body).toContain('href="/schools/200001/partners?strategy=support&amp;view=table"');
  });

  it('answers peer search with schools at a similar stage', async () => {
    const body = (await app.inject({ url: '/api/schools/200001/partners?strategy=peer' })).json();
    expect(body.candidates.map((c: { urn: number }) => c.urn)).toEqual([200005]);
  });

  it('names what is wrong with a bad request', async () => {
    const strategy = await app.inject({ url: '/api/schools/200001/partners?strategy=mentoring' });
    expect(strategy.statusCode).toBe(400);
    const profile = await app.inject({ url: '/api/schools/200001/partners?profile=ofsted-1999' });
    expect(profile.statusCode).toBe(400);
    expect(profile.json().message).toContain('There is no performance profile called "ofsted-1999"');
    const unknown = await app.inject({ url: '/api/schools/999999/partners' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().message).toBe('No open school with URN 999999');
  });

  it('allocates supporters nationally within capacity', async () => {
    const body = (await app.inject({ url: '/api/allocations' })).json();
    expect(body.summary).toMatchObject({ inNeed: 2, supported: 2, unsupported: 0 });
    expect(body.items.map((a: { urn: number }) => a.urn)).toEqual([200001, 200005]);
    expect(body.total).toBe(2);
  });

  it('documents every reason a school can be left without a supporter', async () => {
    const doc = (await app.inject('/api/docs/json')).json();
    const answer = doc.paths['/api/allocations'].get.responses['200'].content['application/json'].schema;
    const reason = answer.properties.unsupported.items.properties.reason;
    expect(reason.enum).toEqual(['no-location', 'no-candidate', 'capacity-taken']);
    expect(reason.description).toContain('capacity-taken: no supporter with room at any distance');
  });

  it('rebuilds the snapshot when the registry changes', async () => {
    const store = createSnapshotStore(t.db, { today: () => '2026-11-24', checkEveryMs: 0 });
    const first = await store.get();
    await t.db.updateTable('schools').set({ open: false }).where('urn', '=', 200005).execute();
    await store.get(); // notices the change and rebuilds behind the current snapshot
    await expect.poll(() => store.current() !== first).toBe(true);
    expect(store.current()!.byUrn.has(200005)).toBe(false);
  });

  it('builds another profile’s view between requests, once for every caller asking meanwhile', async () => {
    const store = createSnapshotStore(t.db, { today: () => '2026-11-24' });
    const snapshot = await store.get();
    const other = snapshot.profiles.find((p) => p.name !== snapshot.defaultProfile)!.name;
    let turns = 0;
    let counting = true;
    const count = () => {
      if (!counting) return;
      turns++;
      setImmediate(count);
    };
    setImmediate(count);
    const started = vi.spyOn(snapshot, 'viewSteps');
    const asked = await Promise.all([
      store.withView(other),
      store.withView(other),
      store.withView(undefined),
    ]);
    counting = false;
    expect(asked).toEqual([snapshot, snapshot, snapshot]);
    // The event loop turned while the view was built: other requests are answered meanwhile.
    expect(turns).toBeGreaterThan(0);
    // One build of the other profile's view for both callers; the default's found built at once.
    expect(started.mock.calls).toEqual([[other], [undefined]]);
    expect(snapshot.view(other)!.profile.name).toBe(other);
    expect(snapshot.view(other)!.groups.size).toBe(snapshot.view()!.groups.size);
    // Asked for once built, it is answered on the spot: no turn of the event loop passes.
    turns = 0;
    counting = true;
    setImmediate(count);
    await store.withView(other);
    counting = false;
    expect(turns).toBe(0);
  });

  it('settles a build under way before the service closes its database', async () => {
    const store = createSnapshotStore(t.db, { today: () => '2026-11-24' });
    void store.get();
    expect(store.current()).toBeUndefined();
    await store.settled();
    expect(store.current()!.schools.length).toBeGreaterThan(0);
  });
});
