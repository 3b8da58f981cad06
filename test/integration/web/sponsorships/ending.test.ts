import { beforeEach, describe, expect, it } from 'vitest';
import { registryVersion } from '../../../../src/data/snapshot.ts';
import { createOrganisation, signIn, type SignedIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { postForm } from '../../../helpers/forms.ts';
import { insertMatchingDataset } from '../../../helpers/matching-dataset.ts';
import { visibleText } from '../../../helpers/page-text.ts';
import { englishLeftIn } from '../../../helpers/untranslated.ts';

// The matching dataset: Seeker (in need), Beacon and Hillside (high-performing), Valley (in need).
const SEEKER = 200001;
const BEACON = 200002;
const VALLEY = 200005;

/** A date as the GOV.UK date input posts it. */
const dateFields = (name: string, iso: string) => {
  const [year, month, day] = iso.split('-');
  return {
    [`${name}-day`]: String(Number(day)),
    [`${name}-month`]: String(Number(month)),
    [`${name}-year`]: year!,
  };
};
const isoDaysFromToday = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe('ending a sponsorship', () => {
  const t = useTestApp(insertMatchingDataset);
  let trust: number;
  let otherTrust: number;
  let officer: SignedIn;
  let otherOfficer: SignedIn;
  let admin: SignedIn;
  let stranger: SignedIn;
  let beaconAdmin: SignedIn;
  let trustPage: string;

  const post = (who: SignedIn, path: string, fields: Record<string, string>) =>
    postForm(t.app, path, { _csrf: who.csrfToken, ...fields }, who.headers);
  const record = async (who: SignedIn, path: string, urn: number, startsOn: string) => {
    const done = await post(who, path, { urn: String(urn), ...dateFields('startsOn', startsOn) });
    expect(done.statusCode).toBe(303);
    return (await t.db
      .selectFrom('sponsorships')
      .select('id')
      .where('urn', '=', urn)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow())!.id;
  };
  const end = (who: SignedIn, page: string, id: number | string, endedOn: string) =>
    post(who, `${page}/end`, { sponsorship: String(id), ...dateFields('endedOn', endedOn) });
  const endsOn = async (id: number) =>
    (await t.db.selectFrom('sponsorships').select('ends_on').where('id', '=', id).executeTakeFirstOrThrow())
      .ends_on;
  const audits = () =>
    t.db
      .selectFrom('audit_log')
      .select(['urn', 'organisation_id', 'actor_user_id', 'details'])
      .where('action', '=', 'sponsorship.ended')
      .execute();

  beforeEach(async () => {
    trust = await createOrganisation(t.db, { kind: 'trust', name: 'Aire Valley Learning Trust' });
    otherTrust = await createOrganisation(t.db, { kind: 'trust', name: 'Pennine Schools Trust' });
    officer = await signIn(t.app, t.db, { organisations: [trust] });
    otherOfficer = await signIn(t.app, t.db, { organisations: [otherTrust] });
    admin = await signIn(t.app, t.db, { platformAdmin: true });
    stranger = await signIn(t.app, t.db, {});
    beaconAdmin = await signIn(t.app, t.db, { schools: [{ urn: BEACON, role: 'admin' }] });
    trustPage = `/organisations/${trust}/sponsorships`;
  });

  it('lets the trust’s officer end one from the page that lists it, audited, and shows when it ended', async () => {
    const id = await record(officer, trustPage, SEEKER, '2022-09-01');
    const page = await t.app.inject({ url: trustPage, headers: officer.headers });
    expect(visibleText(page.body)).toContain('End a sponsorship');
    expect(page.body).toContain(`action="${trustPage}/end"`);
    expect(visibleText(page.body)).toContain('Seeker Primary School, taken on 1 September 2022');

    const done = await end(officer, trustPage, id, '2025-08-31');
    expect(done.statusCode).toBe(303);
    const after = await t.app.inject({ url: done.headers.location!, headers: officer.headers });
    expect(visibleText(after.body)).toContain('The sponsorship is ended.');
    expect(visibleText(after.body)).toContain('31 August 2025');
    // Nothing is left open, so the form to end one is gone.
    expect(visibleText(after.body)).not.toContain('End the sponsorship');
    expect(await endsOn(id)).toBe('2025-08-31');
    expect(visibleText((await t.app.inject(`/schools/${SEEKER}`)).body)).toContain(
      'Sponsored by Aire Valley Learning Trust from 1 September 2022 to 31 August 2025',
    );
    expect((await t.app.inject(`/api/schools/${SEEKER}`)).json().sponsorships[0]).toMatchObject({
      endsOn: '2025-08-31',
      current: false,
    });
    expect(await audits()).toEqual([
      {
        urn: SEEKER,
        organisation_id: trust,
        actor_user_id: officer.user.id,
        details: { sponsorship: id, sponsorUrn: null, startsOn: '2022-09-01', endsOn: '2025-08-31' },
      },
    ]);
  });

  it('shows the form in Welsh with no English left', async () => {
    await record(officer, trustPage, SEEKER, '2022-09-01');
    const welsh = await t.app.inject({ url: `${trustPage}?lang=cy`, headers: officer.headers });
    expect(visibleText(welsh.body)).toContain('Dod â nawdd i ben');
    // The names of schools and trusts are data, not English left behind.
    const names = ['Seeker Primary School', 'Aire Valley Learning Trust', 'School 200001'];
    expect(englishLeftIn(names.reduce((html, name) => html.replaceAll(name, ''), welsh.body))).toEqual([]);
  });

  it('lets a sponsor school’s administrator and a platform administrator end theirs', async () => {
    const schoolPage = `/schools/${BEACON}/sponsorships`;
    const byBeacon = await record(beaconAdmin, schoolPage, VALLEY, '2023-01-06');
    expect((await end(beaconAdmin, schoolPage, byBeacon, '2024-07-31')).statusCode).toBe(303);
    const byTrust = await record(officer, trustPage, SEEKER, '2022-09-01');
    expect((await end(admin, trustPage, byTrust, '2024-12-31')).statusCode).toBe(303);
    expect([await endsOn(byBeacon), await endsOn(byTrust)]).toEqual(['2024-07-31', '2024-12-31']);
    expect((await audits()).map((a) => a.actor_user_id)).toEqual(
      expect.arrayContaining([beaconAdmin.user.id, admin.user.id]),
    );
  });

  it('ends nothing for anyone else: 404, and another sponsor’s sponsorship cannot be named', async () => {
    const id = await record(officer, trustPage, SEEKER, '2022-09-01');
    for (const [who, path] of [
      [otherOfficer, trustPage],
      [stranger, trustPage],
      [beaconAdmin, trustPage],
      [stranger, `/schools/${BEACON}/sponsorships`],
      [officer, `/organisations/999999/sponsorships`],
    ] as const) {
      expect((await end(who, path, id, '2025-08-31')).statusCode, path).toBe(404);
    }
    // The other trust's officer, on their own page, cannot end this trust's sponsorship.
    const foreign = await end(otherOfficer, `/organisations/${otherTrust}/sponsorships`, id, '2025-08-31');
    expect(foreign.statusCode).toBe(400);
    expect(visibleText(foreign.body)).toContain('Choose the sponsorship that ended');
    const anonymous = await postForm(t.app, `${trustPage}/end`, {
      _csrf: officer.csrfToken,
      sponsorship: String(id),
      ...dateFields('endedOn', '2025-08-31'),
    });
    expect(anonymous.statusCode).toBeGreaterThanOrEqual(303);
    expect(await endsOn(id)).toBeNull();
    expect(await audits()).toEqual([]);
  });

  it('names the field when the input is wrong, keeping what was typed, and ends nothing', async () => {
    const id = await record(officer, trustPage, SEEKER, '2022-09-01');
    const cases: [Record<string, string>, string, string][] = [
      [
        { sponsorship: '', ...dateFields('endedOn', '2025-08-31') },
        '#sponsorship',
        'Choose the sponsorship that ended',
      ],
      [{ sponsorship: String(id) }, '#endedOn', 'Enter the date the sponsorship ended'],
      [
        { sponsorship: String(id), ...dateFields('endedOn', '2025-02-30') },
        '#endedOn',
        'Date the sponsorship ended must be a real date',
      ],
      [
        { sponsorship: String(id), ...dateFields('endedOn', '2022-08-31') },
        '#endedOn',
        'The date the sponsorship ended must be on or after 2022-09-01, when the school was taken on',
      ],
    ];
    for (const [fields, href, message] of cases) {
      const res = await post(officer, `${trustPage}/end`, fields);
      expect(res.statusCode, message).toBe(400);
      expect(res.body).toContain(`href="${href}"`);
      expect(visibleText(res.body)).toContain(message);
    }
    const kept = await end(officer, trustPage, id, '2022-08-31');
    expect(kept.body).toContain('name="endedOn-year" type="text" value="2022"');
    expect(await endsOn(id)).toBeNull();

    expect((await end(officer, trustPage, id, '2025-08-31')).statusCode).toBe(303);
    const again = await end(officer, trustPage, id, '2025-09-30');
    expect(again.statusCode).toBe(400);
    expect(visibleText(again.body)).toContain('The sponsorship of Seeker Primary School has already ended');
    expect(await endsOn(id)).toBe('2025-08-31');
    expect(await audits()).toHaveLength(1);
  });

  it('tells partner search: no longer "In the same trust" once one school’s sponsorship has ended', async () => {
    await record(officer, trustPage, SEEKER, '2019-09-01');
    const beacon = await record(officer, trustPage, BEACON, '2020-09-01');
    const candidate = async () =>
      (await t.app.inject(`/api/schools/${SEEKER}/partners?strategy=support`))
        .json()
        .candidates.find((c: { urn: number }) => c.urn === BEACON);
    expect((await candidate()).reasons).toContain('In the same trust as you (Aire Valley Learning Trust)');

    const before = await registryVersion(t.db);
    expect((await end(officer, trustPage, beacon, isoDaysFromToday(-1))).statusCode).toBe(303);
    // A running service in another process notices the change too.
    expect(await registryVersion(t.db)).not.toBe(before);

    const after = await candidate();
    expect(after.sameTrust).toBeNull();
    expect(after.reasons).not.toContain('In the same trust as you (Aire Valley Learning Trust)');
    const page = await t.app.inject(`/schools/${SEEKER}/partners?strategy=support`);
    expect(visibleText(page.body)).not.toContain('In the same trust as you');
  });
});
