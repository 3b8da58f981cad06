import { beforeEach, describe, expect, it } from 'vitest';
import { createOrganisation, signIn, type SignedIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { postForm } from '../../../helpers/forms.ts';
import { insertMatchingDataset } from '../../../helpers/matching-dataset.ts';
import { visibleText } from '../../../helpers/page-text.ts';
import { createAcceptedPartnership } from '../../../helpers/partnerships.ts';

// The matching dataset: Seeker (in need), Beacon and Hillside (high-performing), Valley (in need).
const SEEKER = 200001;
const BEACON = 200002;
const HILLSIDE = 200003;
const VALLEY = 200005;

const thisYear = new Date().getUTCFullYear();
const date = (iso: string) => {
  const [year, month, day] = iso.split('-');
  return {
    'startsOn-day': String(Number(day)),
    'startsOn-month': String(Number(month)),
    'startsOn-year': year!,
  };
};

describe('sponsorship: a trust or a sponsor school takes a school on', () => {
  const t = useTestApp(insertMatchingDataset);
  let trust: number;
  let otherTrust: number;
  let council: number;
  let officer: SignedIn;
  let otherOfficer: SignedIn;
  let admin: SignedIn;
  let stranger: SignedIn;
  let beaconAdmin: SignedIn;

  const record = (who: SignedIn, path: string, fields: Record<string, string>) =>
    postForm(t.app, path, { _csrf: who.csrfToken, ...fields }, who.headers);
  const count = async () =>
    Number(
      (await t.db.selectFrom('sponsorships').select(t.db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n,
    );

  beforeEach(async () => {
    trust = await createOrganisation(t.db, { kind: 'trust', name: 'Aire Valley Learning Trust' });
    otherTrust = await createOrganisation(t.db, { kind: 'trust', name: 'Pennine Schools Trust' });
    council = await createOrganisation(t.db, { kind: 'local-authority', name: 'Leeds City Council' });
    officer = await signIn(t.app, t.db, { organisations: [trust, council] });
    otherOfficer = await signIn(t.app, t.db, { organisations: [otherTrust] });
    admin = await signIn(t.app, t.db, { platformAdmin: true });
    stranger = await signIn(t.app, t.db, {});
    beaconAdmin = await signIn(t.app, t.db, { schools: [{ urn: BEACON, role: 'admin' }] });
  });

  it('lets the trust’s officer record a school taken on, audited, and shows it on both pages', async () => {
    const schools = await t.app.inject({ url: `/organisations/${trust}/schools`, headers: officer.headers });
    expect(schools.body).toContain(`href="/organisations/${trust}/sponsorships"`);
    const page = await t.app.inject({
      url: `/organisations/${trust}/sponsorships`,
      headers: officer.headers,
    });
    expect(page.statusCode).toBe(200);
    expect(visibleText(page.body)).toContain('Record a school taken on');

    const done = await record(officer, `/organisations/${trust}/sponsorships`, {
      urn: String(SEEKER),
      ...date('2024-09-01'),
    });
    expect(done.statusCode).toBe(303);
    const after = await t.app.inject({ url: done.headers.location!, headers: officer.headers });
    expect(visibleText(after.body)).toContain('The sponsorship is recorded.');
    expect(visibleText(after.body)).toContain('Seeker Primary School');
    expect(visibleText(after.body)).toContain('1 September 2024');

    const profile = await t.app.inject(`/schools/${SEEKER}`);
    expect(visibleText(profile.body)).toContain(
      'Sponsored by Aire Valley Learning Trust since 1 September 2024',
    );
    const welsh = await t.app.inject(`/schools/${SEEKER}?lang=cy`);
    expect(visibleText(welsh.body)).toContain('Wedi’i noddi gan Aire Valley Learning Trust ers 1 Medi 2024');

    const audit = await t.db
      .selectFrom('audit_log')
      .select(['urn', 'organisation_id', 'actor_user_id'])
      .where('action', '=', 'sponsorship.recorded')
      .execute();
    expect(audit).toEqual([{ urn: SEEKER, organisation_id: trust, actor_user_id: officer.user.id }]);
  });

  it('gives the sponsorships in GET /api/schools/{urn}', async () => {
    await record(officer, `/organisations/${trust}/sponsorships`, {
      urn: String(SEEKER),
      ...date('2024-09-01'),
      'endsOn-day': '31',
      'endsOn-month': '8',
      'endsOn-year': '2025',
    });
    const answer = (await t.app.inject(`/api/schools/${SEEKER}`)).json();
    expect(answer.sponsorships).toEqual([
      {
        id: expect.any(Number),
        urn: SEEKER,
        schoolName: 'Seeker Primary School',
        sponsor: { kind: 'organisation', id: trust, name: 'Aire Valley Learning Trust' },
        startsOn: '2024-09-01',
        endsOn: '2025-08-31',
        current: false,
      },
    ]);
    expect((await t.app.inject(`/api/schools/${HILLSIDE}`)).json().sponsorships).toEqual([]);
  });

  it('lets a sponsor school’s administrator record a school it took on', async () => {
    const profile = await t.app.inject({ url: `/schools/${BEACON}`, headers: beaconAdmin.headers });
    expect(profile.body).toContain(`href="/schools/${BEACON}/sponsorships"`);
    const done = await record(beaconAdmin, `/schools/${BEACON}/sponsorships`, {
      urn: String(VALLEY),
      ...date('2025-01-06'),
    });
    expect(done.statusCode).toBe(303);
    expect(visibleText((await t.app.inject(`/schools/${VALLEY}`)).body)).toContain(
      'Sponsored by Beacon Primary School since 6 January 2025',
    );
    expect(visibleText((await t.app.inject(`/schools/${BEACON}`)).body)).toContain(
      'Sponsors Valley Primary School since 6 January 2025',
    );
  });

  it('lets a platform administrator record one for any trust', async () => {
    const done = await record(admin, `/organisations/${otherTrust}/sponsorships`, {
      urn: String(VALLEY),
      ...date('2023-04-01'),
    });
    expect(done.statusCode).toBe(303);
    expect(await count()).toBe(1);
  });

  it('shows nobody else the pages, and records nothing for them: 404', async () => {
    const pages = [
      `/organisations/${trust}/sponsorships`,
      `/schools/${BEACON}/sponsorships`,
      `/organisations/${council}/sponsorships`,
    ];
    for (const [who, path] of [
      [otherOfficer, pages[0]],
      [stranger, pages[0]],
      [beaconAdmin, pages[0]],
      [officer, pages[1]],
      [stranger, pages[1]],
      // A local authority does not sponsor schools, even for its own officer.
      [officer, pages[2]],
    ] as const) {
      expect((await t.app.inject({ url: path!, headers: who.headers })).statusCode, path).toBe(404);
      expect(
        (await record(who, path!, { urn: String(SEEKER), ...date('2024-09-01') })).statusCode,
        path,
      ).toBe(404);
    }
    const anonymous = await t.app.inject(pages[0]!);
    expect(anonymous.statusCode).toBe(303);
    expect(await count()).toBe(0);
  });

  it('names the field when the input is wrong, keeping what was typed', async () => {
    const path = `/organisations/${trust}/sponsorships`;
    const cases: [Record<string, string>, string, string][] = [
      [{ urn: '', ...date('2024-09-01') }, '#urn', 'Enter the URN of the school taken on'],
      [{ urn: '12ab', ...date('2024-09-01') }, '#urn', 'Enter the URN as 5 to 7 digits, like 100001'],
      [{ urn: '999999', ...date('2024-09-01') }, '#urn', 'No school has the URN 999999'],
      [{ urn: String(SEEKER) }, '#startsOn', 'Enter the date the school was taken on'],
      [
        { urn: String(SEEKER), ...date('2024-02-30') },
        '#startsOn',
        'Date the school was taken on must be a real date',
      ],
      [
        {
          urn: String(SEEKER),
          ...date('2024-09-01'),
          'endsOn-day': '1',
          'endsOn-month': '1',
          'endsOn-year': '2024',
        },
        '#endsOn',
        'The date the sponsorship ended must be on or after the date the school was taken on',
      ],
    ];
    for (const [fields, href, message] of cases) {
      const res = await record(officer, path, fields);
      expect(res.statusCode, message).toBe(400);
      expect(res.body).toContain(`href="${href}"`);
      expect(visibleText(res.body)).toContain(message);
    }
    const kept = await record(officer, path, { urn: '12ab', ...date('2024-09-01') });
    expect(kept.body).toContain('value="12ab"');
    expect(await count()).toBe(0);
  });

  it('refuses a second sponsor over the same dates: a school has one sponsor at a time', async () => {
    await record(officer, `/organisations/${trust}/sponsorships`, {
      urn: String(SEEKER),
      ...date('2024-09-01'),
    });
    const clash = await record(admin, `/organisations/${otherTrust}/sponsorships`, {
      urn: String(SEEKER),
      ...date('2025-09-01'),
    });
    expect(clash.statusCode).toBe(400);
    expect(visibleText(clash.body)).toContain(
      'Seeker Primary School was sponsored by Aire Valley Learning Trust from 2024-09-01: a school has one sponsor at a time',
    );
    const self = await record(beaconAdmin, `/schools/${BEACON}/sponsorships`, {
      urn: String(BEACON),
      ...date('2025-09-01'),
    });
    expect(visibleText(self.body)).toContain('A school cannot sponsor itself');
    expect(await count()).toBe(1);
  });

  it('tells partner search: the same trust, and a school recently taken on by another sponsor', async () => {
    await record(officer, `/organisations/${trust}/sponsorships`, {
      urn: String(SEEKER),
      ...date('2019-09-01'),
    });
    await record(officer, `/organisations/${trust}/sponsorships`, {
      urn: String(BEACON),
      ...date('2020-09-01'),
    });
    await record(admin, `/organisations/${otherTrust}/sponsorships`, {
      urn: String(HILLSIDE),
      ...date(`${thisYear - 1}-01-10`),
    });
    const answer = (await t.app.inject(`/api/schools/${SEEKER}/partners?strategy=support`)).json();
    const beacon = answer.candidates.find((c: { urn: number }) => c.urn === BEACON);
    const hillside = answer.candidates.find((c: { urn: number }) => c.urn === HILLSIDE);
    expect(beacon).toMatchObject({ sameTrust: 'Aire Valley Learning Trust', recentlyTakenOn: null });
    expect(beacon.reasons).toContain('In the same trust as you (Aire Valley Learning Trust)');
    expect(hillside).toMatchObject({
      sameTrust: null,
      recentlyTakenOn: { sponsor: 'Pennine Schools Trust', since: `${thisYear - 1}-01-10` },
    });
    expect(hillside.reasons).toContain(
      `Recently taken on by Pennine Schools Trust (since ${thisYear - 1}-01-10): its trust is supporting it`,
    );
    const page = await t.app.inject(`/schools/${SEEKER}/partners?strategy=support`);
    expect(visibleText(page.body)).toContain('In the same trust as you (Aire Valley Learning Trust)');
  });

  it('tells the impact report when a school was taken on before or during the partnership', async () => {
    const lead = await signIn(t.app, t.db, { schools: [{ urn: SEEKER, role: 'admin' }] });
    const id = await createAcceptedPartnership(
      t.db,
      {
        title: 'Reading together',
        type: 'peer-to-peer',
        proposer: { urn: SEEKER, role: 'lead' },
        invited: [{ urn: VALLEY, role: 'supporting' }],
        createdBy: lead.user.id,
        at: '2024-06-01',
      },
      'active',
    );
    await t.db.updateTable('partnerships').set({ start_date: '2024-09-01' }).where('id', '=', id).execute();
    await record(officer, `/organisations/${trust}/sponsorships`, {
      urn: String(SEEKER),
      ...date('2023-09-01'),
    });
    await record(admin, `/organisations/${otherTrust}/sponsorships`, {
      urn: String(VALLEY),
      ...date('2025-01-06'),
    });
    // A school not in the partnership is not mentioned.
    await record(admin, `/organisations/${otherTrust}/sponsorships`, {
      urn: String(HILLSIDE),
      ...date('2025-01-06'),
    });

    const page = visibleText(
      (await t.app.inject({ url: `/partnerships/${id}/impact`, headers: lead.headers })).body,
    );
    expect(page).toContain(
      'Seeker Primary School has been sponsored by Aire Valley Learning Trust since 1 September 2023, before the partnership began.',
    );
    expect(page).toContain(
      'Valley Primary School was taken on by Pennine Schools Trust on 6 January 2025, during the partnership.',
    );
    expect(page).not.toContain('Hillside');
    const api = (await t.app.inject({ url: `/api/partnerships/${id}/impact`, headers: lead.headers })).json();
    expect(api.sponsorships.map((s: { urn: number; timing: string }) => [s.urn, s.timing])).toEqual([
      [VALLEY, 'during'],
      [SEEKER, 'before'],
    ]);
  });
});
