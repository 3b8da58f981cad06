import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeployment } from '../../../src/data/deployments.ts';
import { createUser, createOrganisation } from '../../helpers/accounts.ts';
import { s2sCommand } from '../../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { insertLeaderProfile } from '../../helpers/leaders.ts';
import { insertSchool } from '../../helpers/schools.ts';

const BASE = 642001;
const CLIENT = 642002;

describe('s2s leaders and s2s deployments', () => {
  let t: TestDatabase;
  let organisationId = 0;
  const { s2s, failure } = s2sCommand(() => t.url);

  beforeAll(async () => {
    t = await createTestDatabase();
    await insertSchool(t.db, { urn: BASE, name: 'Base Primary', lat: 53.8, lon: -1.55 });
    await insertSchool(t.db, { urn: CLIENT, name: 'Client Primary', lat: 53.85, lon: -1.55 });
    const year = new Date().getUTCFullYear();
    // Both can take the deployment below; only Ada has published her profile.
    const literacy = {
      urn: BASE,
      expertise: ['literacy' as const],
      availability: { daysPerTerm: 6, from: `${year}-01-01`, to: `${year + 2}-07-31` },
      travelKm: 30,
    };
    const leader = await createUser(t.db, { name: 'Ada Leader', email: 'ada@example.org' });
    await insertLeaderProfile(t.db, leader, { ...literacy, dayRatePounds: 450 });
    const hidden = await createUser(t.db, { name: 'Hal Hidden', email: 'hal@example.org' });
    await insertLeaderProfile(
      t.db,
      hidden,
      { ...literacy, jobTitle: 'Deputy head', dayRatePounds: 300 },
      { published: false },
    );
    organisationId = await createOrganisation(t.db, { name: 'Leeds Trust', schools: [{ urn: CLIENT }] });
    const officer = await createUser(t.db, { name: 'Olu Officer', organisations: [organisationId] });
    const made = await createDeployment(
      t.db,
      {
        leaderUserId: leader.id,
        leaderName: 'Ada Leader',
        clientUrn: CLIENT,
        clientName: 'Client Primary',
        organisationId,
        commissionedBy: officer.id,
        scope: 'Reading',
        objectives: 'Reading',
        successCriteria: 'Reading',
        focusAreas: ['literacy'],
        days: 2.5,
        start: `${year + 1}-01-11`,
        end: `${year + 1}-03-19`,
        dayRatePounds: 450,
        paidBy: 'organisation',
        reportsTo: 'The headteacher',
        exitStrategy: 'Carry on',
        at: new Date().toISOString(),
      },
      () => null,
      null,
    );
    if (!('id' in made)) throw new Error('no deployment');
  });
  afterAll(async () => t?.drop());

  it('searches the published directory as GET /api/system-leaders does, hidden profiles left out', async () => {
    const { stdout } = await s2s('leaders', '--expertise', 'literacy', '--near', String(CLIENT), '--json');
    const body = JSON.parse(stdout);
    expect(body.total).toBe(1);
    expect(body.items[0]).toMatchObject({
      name: 'Ada Leader',
      expertise: ['literacy'],
      daysAvailable: expect.any(Number),
    });
    expect(body.items[0].distanceKm).toBeGreaterThan(0);
    expect(body.dataset).toBeDefined();
    const human = (await s2s('leaders', '--available')).stdout;
    expect(human).toContain('1 published system leader');
    expect(human).toContain('Ada Leader, Executive headteacher, Base Primary');
    expect(human).not.toContain('Hal Hidden');
  });

  it('names the option of a bad search and exits with status 2', async () => {
    const bad = await failure('leaders', '--phase', 'university');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('phase');
  });

  it('prints what an organisation commissioned, with days and cost by school, or a leader’s', async () => {
    const { stdout } = await s2s('deployments', '--organisation', String(organisationId));
    expect(stdout).toContain('1 deployment: Leeds Trust');
    expect(stdout).toContain('Client Primary (642002): 2.5 days, £1,125');
    const json = JSON.parse((await s2s('deployments', '--leader', 'ada@example.org', '--json')).stdout);
    expect(json.total).toBe(1);
    expect(json.summary.total).toEqual({ deployments: 1, days: 2.5, totalPounds: 1125 });
    const neither = await failure('deployments');
    expect(neither.code).toBe(2);
    expect((await failure('deployments', '--organisation', '999999')).stderr).toContain('--organisation');
  });
});
