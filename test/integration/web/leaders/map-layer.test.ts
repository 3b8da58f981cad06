import { describe, expect, it } from 'vitest';
import { addLeaderExamples } from '../../../../src/app/leaders/examples.ts';
import { signIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { postForm } from '../../../helpers/forms.ts';
import { publishProfile } from '../../../helpers/leaders.ts';
import { insertSchool } from '../../../helpers/schools.ts';

const LEEDS = 652001;
const YORK = 652002;
const SECONDARY = 652003;

interface LeaderFeature {
  id: number;
  geometry: { type: string; coordinates: [number, number] };
  properties: { id: number; name: string; school: { urn: number }; daysAvailable: number; example: boolean };
}

describe('published system leaders on the map and in its table', () => {
  const t = useTestApp(
    async (db) => {
      await insertSchool(db, { urn: LEEDS, name: 'Leeds Base Primary', lat: 53.8, lon: -1.55 });
      await insertSchool(db, {
        urn: YORK,
        name: 'York Base Primary',
        lat: 53.96,
        lon: -1.08,
        laCode: '816',
        laName: 'York',
      });
      await insertSchool(db, { urn: SECONDARY, phase: 'secondary', lat: 53.81, lon: -1.56 });
    },
    { fresh: 'test' },
  );

  const layer = async (query = '') => {
    const response = await t.app.inject(`/api/map/system-leaders${query}`);
    expect(response.statusCode).toBe(200);
    return response.json() as { type: string; features: LeaderFeature[]; dataset: unknown };
  };

  it('draws each published leader at their school, and nobody hidden or withdrawn', async () => {
    const ada = await signIn(t.app, t.db, { name: 'Ada Leader', systemLeader: 'NLE' });
    await publishProfile(t.app, ada, { urn: LEEDS, dayRatePounds: '600' });
    const bea = await signIn(t.app, t.db, { name: 'Bea Leader' });
    await publishProfile(t.app, bea, { urn: YORK });
    const cat = await signIn(t.app, t.db, { name: 'Cat Private' });
    await publishProfile(t.app, cat, { urn: YORK }, { publish: false });
    const withdrawn = await postForm(
      t.app,
      '/account/system-leader/withdraw',
      { _csrf: bea.csrfToken },
      bea.headers,
    );
    expect(withdrawn.statusCode).toBe(303);

    const answer = await layer();
    expect(answer.type).toBe('FeatureCollection');
    expect(answer.dataset).toBeDefined();
    expect(answer.features).toHaveLength(1);
    const [feature] = answer.features;
    expect(feature!.geometry).toEqual({ type: 'Point', coordinates: [-1.55, 53.8] });
    expect(feature!.properties).toMatchObject({
      name: 'Ada Leader',
      school: { urn: LEEDS },
      designations: [{ code: 'NLE', verified: true }],
      example: false,
    });
    expect(feature!.properties.daysAvailable).toBeGreaterThan(0);
    // Only what the directory publishes: no costing, no contact details.
    expect(JSON.stringify(answer)).not.toMatch(/600|dayRate|email/);
    // Only leaders who work with the phase the map shows.
    expect((await layer('?phase=secondary')).features).toEqual([]);
    const bad = await t.app.inject('/api/map/system-leaders?phase=bogus');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('phase');
  });

  it('labels the demo’s example leaders as examples', async () => {
    expect(await addLeaderExamples({ db: t.db, now: () => new Date() })).toBeGreaterThan(0);
    const { features } = await layer();
    expect(features.length).toBeGreaterThan(0);
    expect(features.every((f) => f.properties.example)).toBe(true);
  });

  it('lists the same leaders in the table alternative, by name, school, area and days free', async () => {
    const ada = await signIn(t.app, t.db, { name: 'Ada Leader' });
    await publishProfile(t.app, ada, { urn: YORK });
    const hidden = await signIn(t.app, t.db, { name: 'Cat Private' });
    await publishProfile(t.app, hidden, { urn: LEEDS }, { publish: false });
    const [feature] = (await layer()).features;

    const map = await t.app.inject('/map?by=la&phase=primary');
    expect(map.body).toContain('id="map-layer-leaders"');
    expect(map.body).toContain('data-leaders-url="/api/map/system-leaders?phase=primary"');

    const page = await t.app.inject('/capacity?by=la&phase=primary');
    expect(page.statusCode).toBe(200);
    const table = page.body.slice(page.body.indexOf('id="system-leaders-table"'));
    const row = table.slice(table.indexOf('<tbody'), table.indexOf('</tbody>'));
    expect(row).toContain(`href="/system-leaders/${feature!.id}">Ada Leader</a>`);
    expect(row).toContain('York Base Primary');
    expect(row).toMatch(/<td[^>]*>\s*York\s*<\/td>/);
    expect(row).toMatch(new RegExp(`>\\s*${feature!.properties.daysAvailable.toFixed(1)}\\s*<`));
    expect(page.body).not.toContain('Cat Private');
    const secondary = await t.app.inject('/capacity?by=la&phase=secondary');
    expect(secondary.body).toContain('Secondary: no system leader has published a profile.');
  });
});
