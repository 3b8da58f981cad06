import type { FastifyInstance } from 'fastify';
import { beforeEach, describe, expect, it } from 'vitest';
import { listProfileVersions } from '../../../../src/data/profiles.ts';
import { NFER_2017_PROFILE } from '../../../../src/domain/classification/index.ts';
import { profileFormValues } from '../../../../src/web/admin/profile-form.ts';
import { profileThresholds } from '../../../../src/web/admin/profile-thresholds.ts';
import { createOrganisation, signIn, type SignedIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { postForm, postFormAnonymously } from '../../../helpers/forms.ts';
import { insertMatchingDataset } from '../../../helpers/matching-dataset.ts';

/** The NFER profile's form with its legacy "below good" rule moved, as an administrator would edit it. */
function nferWithInNeedFrom(grade: number) {
  const values = profileFormValues(NFER_2017_PROFILE);
  const rules = JSON.parse(values.rules);
  const belowGood = rules.inNeed.find((r: { id: string }) => r.id === 'nfer.in-need.below-good');
  belowGood.all[0].value = grade;
  belowGood.text = 'Good or below at the latest inspection';
  return { ...values, title: 'NFER 2017, good counts as in need', rules: JSON.stringify(rules, null, 2) };
}

const KS2_AVERAGE = profileThresholds(NFER_2017_PROFILE).find(
  (t) =>
    t.rule === 'Good at the latest inspection with high progress at KS2' &&
    t.label.startsWith('KS2 average progress'),
)!;

/** The thresholds form as shown for version 1, with some fields typed over. */
function thresholdsForm(typed: Record<string, string>) {
  const { rules: _rules, ...settings } = profileFormValues(NFER_2017_PROFILE);
  const fields = Object.fromEntries(
    profileThresholds(NFER_2017_PROFILE).map((t) => [t.field, String(t.value)]),
  );
  return { ...settings, ...fields, basedOn: '1', ...typed };
}

const partnerUrns = (body: { candidates: { urn: number }[] }) => body.candidates.map((c) => c.urn);

describe('administering performance profiles', () => {
  const t = useTestApp(insertMatchingDataset, { fresh: 'test' });
  let app: FastifyInstance;
  let admin: SignedIn;

  beforeEach(async () => {
    app = t.app;
    admin = await signIn(app, t.db, { email: 'admin@s2s.example.org', platformAdmin: true });
  });

  const get = (url: string, who?: SignedIn) => app.inject({ url, headers: who?.headers });
  const post = (url: string, who: SignedIn, fields: Record<string, string>) =>
    postForm(app, url, { _csrf: who.csrfToken, ...fields }, who.headers);
  const auditActions = async () =>
    (
      await t.db.selectFrom('audit_log').select(['action', 'subject', 'actor_email']).orderBy('id').execute()
    ).filter((a) => a.action.startsWith('profile.'));

  it('refuses anonymous visitors, school members and organisation officers', async () => {
    const member = await signIn(app, t.db, { schools: [{ urn: 200001, role: 'admin' }] });
    const officer = await signIn(app, t.db, {
      organisations: [await createOrganisation(t.db, { schools: [{ urn: 200001, sharesRecords: true }] })],
    });
    const pages = [
      '/admin/profiles',
      '/admin/profiles/nfer-2017',
      '/admin/profiles/nfer-2017/new',
      '/admin/profiles/nfer-2017/new/rules',
    ];
    const changes: [string, Record<string, string>][] = [
      ['/admin/profiles/nfer-2017/new/rules', { ...nferWithInNeedFrom(2), action: 'publish' }],
      ['/admin/profiles/nfer-2017/new', { ...thresholdsForm({}), action: 'publish' }],
      ['/admin/profiles/active', { name: 'inspection-only' }],
    ];
    for (const url of pages) {
      const anonymous = await get(url);
      expect(anonymous.statusCode).toBe(303);
      expect(anonymous.headers.location).toBe(`/sign-in?next=${encodeURIComponent(url)}`);
      for (const who of [member, officer]) expect((await get(url, who)).statusCode, url).toBe(403);
    }
    for (const [url, fields] of changes) {
      for (const who of [member, officer]) expect((await post(url, who, fields)).statusCode, url).toBe(403);
      const response = await postFormAnonymously(app, url, { ...fields });
      expect(response.headers.location).toBe('/sign-in');
    }
    expect((await listProfileVersions(t.db)).map((v) => `${v.name} v${v.version}`)).toEqual([
      'inspection-only v1',
      'nfer-2017 v1',
      'wales-estyn-categorisation v1',
    ]);
    expect(await auditActions()).toEqual([]);
  });

  it('lists the profiles, their versions and which is active to an administrator', async () => {
    const list = await get('/admin/profiles', admin);
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('NFER 2017 capacity analysis');
    expect(list.body).toContain('Inspection outcomes only');
    expect(list.body).toMatch(/value="nfer-2017" checked/);
    const profile = await get('/admin/profiles/nfer-2017', admin);
    expect(profile.body).toContain('Shipped with S2S');
    expect(profile.body).toContain('href="/admin/profiles/nfer-2017/new?from=1"');
    const form = await get('/admin/profiles/nfer-2017/new', admin);
    expect(form.body).toContain('Create version 2');
    expect(form.body).toContain('KS2 average progress across reading, writing and maths, at or above');
    const rules = await get('/admin/profiles/nfer-2017/new/rules', admin);
    expect(rules.body).toContain('nfer.in-need.below-good');
    expect((await get('/admin/profiles/no-such-profile', admin)).statusCode).toBe(404);
  });

  it('rejects a bad rule set, naming the field and what is wrong, and keeps what was typed', async () => {
    const values = profileFormValues(NFER_2017_PROFILE);
    const rules = JSON.parse(values.rules);
    rules.inNeed[1].all[0].measure = 'ofsted.grade';
    rules.highPerforming[0].all[0].value = 'one';
    rules.highPerforming[0].all[0].op = 'about';
    const typed = JSON.stringify(rules, null, 2);
    const response = await post('/admin/profiles/nfer-2017/new/rules', admin, {
      ...values,
      minimumCohort: 'ten',
      rules: typed,
      action: 'publish',
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('There is a problem');
    expect(response.body).toContain(
      'Rules, inNeed[1].all[0].measure (rule nfer.in-need.below-good): &quot;ofsted.grade&quot; is not allowed here; use one of &quot;inspection.era&quot;, ',
    );
    expect(response.body).toContain(
      'Rules, highPerforming[0].all[0].op (rule nfer.high.outstanding): &quot;about&quot; is not allowed here; use one of &quot;eq&quot;, &quot;ne&quot;',
    );
    expect(response.body).toContain('Minimum cohort must be a whole number of pupils');
    expect(response.body).toContain('href="#rules"');
    expect(response.body).toContain('&quot;measure&quot;: &quot;ofsted.grade&quot;');
    expect(response.body).toContain('value="ten"');

    const notJson = await post('/admin/profiles/nfer-2017/new/rules', admin, {
      ...values,
      rules: '{ "inNeed": [',
      action: 'publish',
    });
    expect(notJson.statusCode).toBe(400);
    expect(notJson.body).toContain('The rules are not valid JSON');
    expect((await listProfileVersions(t.db, 'nfer-2017')).map((v) => v.version)).toEqual([1]);
  });

  it('previews what a version would change without publishing it, classifying in a worker', async () => {
    const computed: string[] = [];
    app.compute.onSettled((kind, _seconds, outcome) => computed.push(`${kind} ${outcome}`));
    const response = await post('/admin/profiles/nfer-2017/new/rules', admin, {
      ...nferWithInNeedFrom(2),
      action: 'preview',
    });
    expect(response.statusCode).toBe(200);
    // Every school classified under the draft, off the thread that answers requests.
    expect(computed).toEqual(['preview ok']);
    expect(response.body).toContain('What this version would do to the 5 open schools');
    // Hillside (good) moves from high-performing to in need.
    expect(response.body).toMatch(
      /In need of support<\/td>\s*<td[^>]*>\s*2\s*<\/td>\s*<td[^>]*>\s*3\s*<\/td>/,
    );
    expect((await listProfileVersions(t.db, 'nfer-2017')).map((v) => v.version)).toEqual([1]);
  });

  it('warns, when previewing, that a short evidence window leaves out most of the data’s inspections', async () => {
    const preview = (maxInspectionAgeYears: string) =>
      post('/admin/profiles/nfer-2017/new/rules', admin, {
        ...nferWithInNeedFrom(2),
        maxInspectionAgeYears,
        action: 'preview',
      });
    const short = await preview('0.5');
    expect(short.statusCode).toBe(200);
    expect(short.body).toMatch(
      /counts inspections up to 0.5 years old, which leaves out \d+ of the \d+ latest inspections/,
    );
    expect((await preview('')).body).not.toContain('which leaves out');
  });

  it('publishes a new version that classifies and matches schools at once, audited', async () => {
    const before = (await get('/api/schools/200001/partners?strategy=support')).json();
    expect(partnerUrns(before)).toEqual([200002, 200003]);

    const response = await post('/admin/profiles/nfer-2017/new/rules', admin, {
      ...nferWithInNeedFrom(2),
      action: 'publish',
    });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/admin/profiles/nfer-2017?published=2');

    const after = (await get('/api/schools/200001/partners?strategy=support')).json();
    expect(after.profile).toMatchObject({ name: 'nfer-2017', version: 2 });
    expect(partnerUrns(after)).toEqual([200002]);
    const hillside = (await get('/api/schools/200003')).json();
    expect(hillside.classification).toMatchObject({ group: 'in-need' });
    expect(hillside.classification.reasons[0].text).toMatch(/^Good or below at the latest inspection/);
    expect((await get('/schools/200003')).body).toContain('Good or below at the latest inspection');
    expect(await auditActions()).toEqual([
      {
        action: 'profile.published',
        subject: 'performance profile nfer-2017 version 2',
        actor_email: 'admin@s2s.example.org',
      },
    ]);
    const versions = await get(response.headers.location!, admin);
    expect(versions.body).toContain('Version 2 is published');
    expect(versions.body).toContain('admin@s2s.example.org');
  });

  it('makes another profile the one used when none is named, audited', async () => {
    const refused = await post('/admin/profiles/active', admin, { name: 'ofsted-1999' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Choose the profile to use when none is named');

    const chosen = await post('/admin/profiles/active', admin, { name: 'inspection-only' });
    expect(chosen.statusCode).toBe(303);
    const partners = (await get('/api/schools/200001/partners?strategy=support')).json();
    expect(partners.profile).toMatchObject({ name: 'inspection-only', version: 1 });
    // Under inspection evidence alone, only the outstanding school is high-performing.
    expect(partnerUrns(partners)).toEqual([200002]);
    expect((await get('/api/schools/200003')).json().classification.group).toBe('other');
    expect((await get('/admin/profiles', admin)).body).toMatch(/value="inspection-only" checked/);
    expect((await auditActions()).at(-1)).toMatchObject({
      action: 'profile.activated',
      subject: 'performance profile inspection-only',
    });
  });

  it('publishes a threshold changed in the form, starting from an earlier version', async () => {
    const second = await post('/admin/profiles/nfer-2017/new/rules', admin, {
      ...nferWithInNeedFrom(2),
      action: 'publish',
    });
    expect(second.headers.location).toBe('/admin/profiles/nfer-2017?published=2');
    const form = await get('/admin/profiles/nfer-2017/new?from=1', admin);
    expect(form.body).toContain('Create version 3');
    expect(form.body).toMatch(new RegExp(`name="${KS2_AVERAGE.field}"[^>]*value="1.5"`));

    const wrong = await post('/admin/profiles/nfer-2017/new', admin, {
      ...thresholdsForm({ [KS2_AVERAGE.field]: 'lots' }),
      action: 'publish',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain(
      'KS2 average progress across reading, writing and maths, at or above (Good at the latest inspection with high progress at KS2): enter a number, such as 1.5',
    );
    expect(wrong.body).toContain(`href="#${KS2_AVERAGE.field}"`);
    expect(wrong.body).toContain('value="lots"');

    const published = await post('/admin/profiles/nfer-2017/new', admin, {
      ...thresholdsForm({ [KS2_AVERAGE.field]: '2' }),
      action: 'publish',
    });
    expect(published.headers.location).toBe('/admin/profiles/nfer-2017?published=3');
    // Hillside's average KS2 progress is +1.7: no longer high-performing under version 3.
    const partners = (await get('/api/schools/200001/partners?strategy=support&profile=nfer-2017')).json();
    expect(partners.profile).toMatchObject({ name: 'nfer-2017', version: 3 });
    expect(partnerUrns(partners)).toEqual([200002]);
    expect((await auditActions()).at(-1)).toMatchObject({
      action: 'profile.published',
      subject: 'performance profile nfer-2017 version 3',
    });
  });
});
