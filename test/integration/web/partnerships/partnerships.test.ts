import { beforeEach, describe, expect, it } from 'vitest';
import { createOrganisation, signIn, type SignedIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { comparable } from '../../../helpers/forms.ts';
import { planSections } from '../../../helpers/partnerships.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { compactMarkup, visibleText } from '../../../helpers/page-text.ts';

const LEAD = 130001;
const PARTNER = 130002;
const OTHER = 130003;
const NOBODY = 130004;
const COMPARISON = [130010, 130011, 130012, 130013, 130014, 130015];

const form = (fields: Record<string, string | string[]>, csrf: string) => {
  const body = new URLSearchParams({ _csrf: csrf });
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
  return body.toString();
};

/** An action due on 1 October 2024, long past: the record shows it overdue. */
const OVERDUE_ACTION = {
  description: 'Joint lesson study',
  owner: 'B Lead',
  'dueDate-day': '1',
  'dueDate-month': '10',
  'dueDate-year': '2024',
  status: 'in-progress',
};

describe('a partnership through the web', () => {
  const t = useTestApp(async (db) => {
    await insertSchool(db, { urn: LEAD, name: 'Ash Primary' });
    await insertSchool(db, { urn: PARTNER, name: 'Birch Primary' });
    await insertSchool(db, { urn: OTHER, name: 'Cedar Primary' });
    await insertSchool(db, { urn: NOBODY, name: 'Dogwood Primary' });
    for (const urn of COMPARISON) await insertSchool(db, { urn });
    // Summers 2022 to 2024 before the partnership (it starts in September 2024), 2025 since.
    const rwm = (urn: number, values: number[]) =>
      values.map((v, i) => ({
        urn,
        year: 2022 + i,
        key_stage: 2 as const,
        rwm_expected_percent: v,
        raw: '{}',
      }));
    await db
      .insertInto('performance')
      .values([
        ...rwm(LEAD, [60, 61, 62, 68]),
        ...rwm(PARTNER, [50, 52, 51, 58]),
        ...COMPARISON.flatMap((urn, i) => rwm(urn, [55 + i, 56 + i + (i % 2), 57 + i, 58 + i - (i % 3)])),
      ])
      .execute();
  });
  let lead: SignedIn;
  let leadMember: SignedIn;
  let partner: SignedIn;
  let other: SignedIn;
  let stranger: SignedIn;
  let officer: SignedIn;
  let unsharedOfficer: SignedIn;

  const post = (who: SignedIn, url: string, fields: Record<string, string | string[]>) =>
    t.app.inject({
      method: 'POST',
      url,
      headers: { cookie: who.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form(fields, who.csrfToken),
    });
  const get = (who: SignedIn | null, url: string) =>
    t.app.inject({ url, headers: who ? { cookie: who.cookie } : {} });

  /** Lead's proposal to the partner, as the web takes it; its id. */
  const propose = async () => {
    const res = await post(lead, '/partnerships', {
      title: 'Reading together',
      type: 'peer-to-peer',
      proposerUrn: String(LEAD),
      proposerRole: 'reciprocal',
      partnerUrn: String(PARTNER),
      partnerRole: 'reciprocal',
      message: 'We would like to learn from your phonics teaching',
    });
    expect(res.statusCode).toBe(303);
    return Number(res.headers.location!.split('/').pop());
  };
  const sent = async (who: SignedIn, url: string, fields: Record<string, string | string[]> = {}) =>
    expect((await post(who, url, fields)).statusCode, url).toBe(303);
  const chooseFocus = (id: number) =>
    sent(lead, `/partnerships/${id}/plan/focus`, {
      focusAreas: ['literacy', 'teaching-and-learning'],
      need: 'Reading has fallen for three years',
      priorities: 'School plan priority 1',
    });
  const accept = (id: number) =>
    sent(partner, `/partnerships/${id}/invitation`, { urn: String(PARTNER), answer: 'accept' });
  /** The rest of the set-up, written by a member of the lead school and by the partner. */
  const completePlan = async (id: number) => {
    const plan = planSections(LEAD, PARTNER, 'More pupils reading well');
    for (const [section, fields] of plan)
      await sent(section === 'exit' ? leadMember : partner, `/partnerships/${id}/plan/${section}`, fields);
  };
  /** Proposed, with its focus chosen, accepted by the partner and its plan complete. */
  const planned = async () => {
    const id = await propose();
    await chooseFocus(id);
    await accept(id);
    await completePlan(id);
    return id;
  };
  /** Agreed by both schools, started, with an overdue action, reviewed and closed as completed, each step signed by both. */
  const completed = async () => {
    const id = await planned();
    for (const who of [partner, lead]) await sent(who, `/partnerships/${id}/agree`);
    for (const who of [partner, lead]) await sent(who, `/partnerships/${id}/start`);
    await sent(leadMember, `/partnerships/${id}/record/actions`, OVERDUE_ACTION);
    for (const who of [partner, lead]) await sent(who, `/partnerships/${id}/review`);
    await sent(lead, `/partnerships/${id}/close`, { closure: 'completed', reason: 'Objectives met' });
    await sent(partner, `/partnerships/${id}/close`, { closure: 'completed', reason: '' });
    return id;
  };

  beforeEach(async () => {
    lead = await signIn(t.app, t.db, { name: 'Lead Head', schools: [{ urn: LEAD, role: 'admin' }] });
    leadMember = await signIn(t.app, t.db, { schools: [{ urn: LEAD, role: 'member' }] });
    partner = await signIn(t.app, t.db, { name: 'Partner Head', schools: [{ urn: PARTNER, role: 'admin' }] });
    other = await signIn(t.app, t.db, { schools: [{ urn: OTHER, role: 'admin' }] });
    stranger = await signIn(t.app, t.db, {});
    const shared = await createOrganisation(t.db, {
      name: 'Leeds LA',
      schools: [{ urn: LEAD, sharesRecords: true }],
    });
    const unshared = await createOrganisation(t.db, {
      name: 'Other LA',
      schools: [{ urn: PARTNER, sharesRecords: false }],
    });
    officer = await signIn(t.app, t.db, { organisations: [shared] });
    unsharedOfficer = await signIn(t.app, t.db, { organisations: [unshared] });
  });

  it('offers the proposal form prefilled from a match', async () => {
    const res = await get(lead, `/partnerships/new?with=${PARTNER}&from=${LEAD}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(`value="${PARTNER}"`);
    expect(res.body).toContain('Working with Birch Primary');
    // Asking for support: Ash is supported and Birch supports, as the match said.
    const support = await get(lead, `/partnerships/new?with=${PARTNER}&from=${LEAD}&strategy=support`);
    expect(support.body).toMatch(/name="proposerRole" type="radio" value="supported" checked/);
    expect(support.body).toMatch(/name="partnerRole" type="radio" value="supporting" checked/);
    const offer = await get(lead, `/partnerships/new?with=${PARTNER}&from=${LEAD}&strategy=offer-support`);
    expect(offer.body).toMatch(/name="proposerRole" type="radio" value="supporting" checked/);
    expect(offer.body).toMatch(/name="type" type="radio" value="peer-to-peer" checked/);
  });

  it('finds the partner school by name with a plain form, keeping where the proposal came from', async () => {
    const form = await get(lead, `/partnerships/new?from=${LEAD}&strategy=support`);
    expect(visibleText(form.body)).toContain('Find the partner school by name');
    const found = await get(lead, `/partnerships/new?from=${LEAD}&strategy=support&partnerName=birch`);
    expect(compactMarkup(found.body)).toContain(
      `href="/partnerships/new?with=${PARTNER}&amp;from=${LEAD}&amp;strategy=support">Propose to Birch Primary</a>`,
    );
    expect(visibleText(found.body)).not.toContain('Propose to Cedar Primary');
    const chosen = await get(lead, `/partnerships/new?with=${PARTNER}&from=${LEAD}&strategy=support`);
    expect(chosen.body).toContain(`name="partnerUrn" type="text" value="${PARTNER}"`);
    const none = await get(lead, '/partnerships/new?partnerName=Zzyzx');
    expect(visibleText(none.body)).toContain('No school has a name like “Zzyzx”');
  });

  it('keeps what was typed and names each problem when a proposal is wrong', async () => {
    const res = await post(lead, '/partnerships', {
      title: 'Reading together',
      partnerUrn: '12',
      proposerUrn: String(LEAD),
    });
    expect(res.statusCode).toBe(400);
    expect(visibleText(res.body)).toContain('There is a problem');
    expect(visibleText(res.body)).toContain('Choose the type of partnership');
    expect(visibleText(res.body)).toContain(
      'The URN or Welsh school number of the partner school must be 5 to 7 digits',
    );
    expect(res.body).toContain('value="Reading together"');
    // Each field's problem in Welsh too, whole, as the catalogue writes it.
    const welsh = await post({ ...lead, cookie: `${lead.cookie}; s2s-lang=cy` }, '/partnerships', {
      title: 'Reading together',
      partnerUrn: '12',
      proposerUrn: '',
    });
    expect(visibleText(welsh.body)).toContain(
      'Rhaid i URN yr ysgol bartner neu ei rhif ysgol Cymru fod yn 5 i 7 digid',
    );
    expect(visibleText(welsh.body)).toContain('Rhowch URN eich ysgol neu ei rhif ysgol Cymru');
  });

  it('refuses to propose for a school the user does not administer', async () => {
    const res = await post(leadMember, '/partnerships', {
      title: 'x',
      type: 'peer-to-peer',
      proposerUrn: String(LEAD),
      proposerRole: 'reciprocal',
      partnerUrn: String(PARTNER),
      partnerRole: 'reciprocal',
    });
    expect(res.statusCode).toBe(400);
    expect(visibleText(res.body)).toContain('You can only propose a partnership for a school you administer');
  });

  it('says before sending that nobody from the partner school uses S2S yet', async () => {
    const warning = 'Nobody from Dogwood Primary uses S2S yet';
    expect((await get(lead, `/partnerships/new?with=${NOBODY}&from=${LEAD}`)).body).toContain(warning);
    expect(
      visibleText((await get(lead, `/partnerships/new?with=${PARTNER}&from=${LEAD}`)).body),
    ).not.toContain('uses S2S yet');
    const proposal = {
      title: 'Dogwood and Ash',
      type: 'peer-to-peer',
      proposerUrn: String(LEAD),
      proposerRole: 'supporting',
      partnerUrn: String(NOBODY),
      partnerRole: 'supported',
    };
    const held = await post(lead, '/partnerships', proposal);
    expect(held.statusCode).toBe(200);
    expect(held.body).toContain(warning);
    expect(visibleText(held.body)).toContain('Send the proposal anyway');
    expect((await get(lead, '/api/partnerships')).json().total).toBe(0);
    const sent = await post(lead, '/partnerships', { ...proposal, sendAnyway: String(NOBODY) });
    expect(sent.statusCode).toBe(303);
    expect((await get(lead, '/api/partnerships')).json().total).toBe(1);
  });

  it('creates the proposal with its message and shows its set-up task list', async () => {
    const id = await propose();
    const page = await get(lead, `/partnerships/${id}`);
    expect(page.statusCode).toBe(200);
    expect(visibleText(page.body)).toContain('Set up the partnership');
    expect(visibleText(page.body)).toContain('Invited, not yet answered');
  });

  it('lets every taking-part school plan, keeping input on errors', async () => {
    const id = await propose();
    const bad = await post(lead, `/partnerships/${id}/plan/focus`, { need: 'Reading has fallen' });
    expect(bad.statusCode).toBe(400);
    expect(visibleText(bad.body)).toContain('Choose at least one focus area');
    expect(visibleText(bad.body)).toContain('Reading has fallen');
    const good = await post(lead, `/partnerships/${id}/plan/focus`, {
      focusAreas: ['literacy', 'teaching-and-learning'],
      need: 'Reading has fallen for three years',
      priorities: 'School plan priority 1',
    });
    expect(good.statusCode).toBe(303);
  });

  it('shows an invited school only the invitation, and strangers nothing, not even that it exists', async () => {
    const id = await propose();
    await chooseFocus(id);
    const invited = await get(partner, `/partnerships/${id}`);
    expect(invited.statusCode).toBe(200);
    expect(visibleText(invited.body)).toContain('Will Birch Primary join this partnership?');
    expect(visibleText(invited.body)).toContain('We would like to learn from your phonics teaching');
    expect(visibleText(invited.body)).toContain('Reciprocal partner (gives and receives)');
    expect(visibleText(invited.body)).not.toContain('Reading has fallen for three years');
    expect((await get(partner, `/partnerships/${id}/check`)).statusCode).toBe(403);
    expect((await get(partner, `/partnerships/${id}/plan/focus`)).statusCode).toBe(403);
    for (const who of [other, stranger, unsharedOfficer]) {
      expect((await get(who, `/partnerships/${id}`)).statusCode).toBe(404);
      expect((await get(who, `/partnerships/${id}/impact`)).statusCode).toBe(404);
      const seen = (url: string) => get(who, url).then((res) => comparable(res.body, url));
      expect(await seen(`/partnerships/${id}`)).toEqual(await seen('/partnerships/999999'));
    }
    const anonymous = await get(null, `/partnerships/${id}`);
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/sign-in/);
  });

  it('lets an officer of an organisation the lead shares with read, but not change', async () => {
    const id = await propose();
    const page = await get(officer, `/partnerships/${id}`);
    expect(page.statusCode).toBe(200);
    expect(visibleText(page.body)).toContain('Reading together');
    expect(
      (await post(officer, `/partnerships/${id}/plan/exit`, { exitStrategy: 'x', sustainability: 'y' }))
        .statusCode,
    ).toBe(403);
  });

  it('refuses an answer from someone who is not the invited school’s admin', async () => {
    const id = await propose();
    expect(
      (await post(other, `/partnerships/${id}/invitation`, { urn: String(PARTNER), answer: 'accept' }))
        .statusCode,
    ).toBe(404);
    expect(
      (await post(lead, `/partnerships/${id}/invitation`, { urn: String(PARTNER), answer: 'accept' }))
        .statusCode,
    ).toBe(403);
  });

  it('takes the partner’s acceptance, after which it sees the plan', async () => {
    const id = await propose();
    await chooseFocus(id);
    const res = await post(partner, `/partnerships/${id}/invitation`, {
      urn: String(PARTNER),
      answer: 'accept',
    });
    expect(res.statusCode).toBe(303);
    const page = await get(partner, `/partnerships/${id}/check`);
    expect(page.statusCode).toBe(200);
    expect(visibleText(page.body)).toContain('Reading has fallen for three years');
  });

  it('will not agree an incomplete plan, and says why', async () => {
    const id = await propose();
    await accept(id);
    const res = await post(lead, `/partnerships/${id}/agree`, {});
    expect(res.statusCode).toBe(409);
    expect(visibleText(res.body)).toContain(
      'Complete every section of the set-up before agreeing the partnership',
    );
  });

  it('lets only an administrator invite or withdraw a school', async () => {
    const id = await propose();
    await accept(id);
    expect((await get(leadMember, `/partnerships/${id}/plan/schools`)).statusCode).toBe(403);
    expect(
      (await post(leadMember, `/partnerships/${id}/plan/schools`, { urn: String(OTHER), role: 'supported' }))
        .statusCode,
    ).toBe(403);
    expect(
      (await post(leadMember, `/partnerships/${id}/plan/schools/${PARTNER}/remove`, {})).statusCode,
    ).toBe(403);
    expect((await get(lead, `/partnerships/${id}/plan/schools`)).statusCode).toBe(200);
  });

  it('lets a member contribute to the plan but not agree for the school', async () => {
    const id = await propose();
    await chooseFocus(id);
    await accept(id);
    await completePlan(id);
    expect(visibleText((await get(leadMember, `/partnerships/${id}/check`)).body)).not.toContain(
      'Agree the partnership',
    );
    expect((await post(leadMember, `/partnerships/${id}/agree`, {})).statusCode).toBe(403);
    expect((await post(leadMember, `/partnerships/${id}/agree`, { urn: String(LEAD) })).statusCode).toBe(403);
    expect((await post(lead, `/partnerships/${id}/agree`, { urn: String(PARTNER) })).statusCode).toBe(403);
    expect((await get(lead, `/api/partnerships/${id}`)).json()).toMatchObject({
      status: 'proposed',
      agreements: [],
    });
  });

  it('waits for the partner once one school has agreed', async () => {
    const id = await planned();
    const { planVersion } = (await get(lead, `/api/partnerships/${id}`)).json();
    const agreed = await post(lead, `/partnerships/${id}/agree`, { planVersion: String(planVersion) });
    expect(agreed.statusCode).toBe(303);
    const api = (await get(partner, `/api/partnerships/${id}`)).json();
    expect(api).toMatchObject({
      status: 'proposed',
      agreements: [{ urn: LEAD, agreedBy: 'Lead Head', agreedAt: expect.any(String), planVersion }],
    });
    const check = await get(partner, `/partnerships/${id}/check`);
    expect(visibleText(check.body)).toContain('Agreed by Lead Head');
    expect(visibleText(check.body)).toContain('Waiting for an administrator to agree');
    expect(visibleText(check.body)).toContain('Agree the partnership');
    expect(visibleText((await get(lead, `/partnerships/${id}/check`)).body)).not.toContain(
      'Agree the partnership',
    );
    expect((await post(lead, `/partnerships/${id}/agree`, {})).statusCode).toBe(409);
  });

  it('withdraws an agreement when the plan changes, and tells that school what changed', async () => {
    const id = await planned();
    await sent(lead, `/partnerships/${id}/agree`);
    const { planVersion } = (await get(lead, `/api/partnerships/${id}`)).json();
    expect(
      (
        await post(partner, `/partnerships/${id}/plan/resources`, {
          staffDays: '24',
          releaseTime: 'Half a day a fortnight',
        })
      ).statusCode,
    ).toBe(303);
    const api = (await get(lead, `/api/partnerships/${id}`)).json();
    expect(api).toMatchObject({ status: 'proposed', planVersion: planVersion + 1, agreements: [] });
    const check = await get(lead, `/partnerships/${id}/check`);
    expect(visibleText(check.body)).toContain('The agreement of Ash Primary was withdrawn: the plan changed');
    expect(visibleText(check.body)).toContain('Removed: Staff days: 12');
    expect(visibleText(check.body)).toContain('Now: Staff days: 24');
    expect(visibleText(check.body)).not.toContain('Removed: Release time');
    // The version the partner read is no longer the plan: agreeing to it is refused.
    const stale = await post(partner, `/partnerships/${id}/agree`, { planVersion: String(planVersion) });
    expect(stale.statusCode).toBe(409);
    expect(visibleText(stale.body)).toContain('The plan changed since you read it');
    expect(visibleText((await get(lead, `/partnerships/${id}`)).body)).toContain(
      'Agreement of Ash Primary withdrawn',
    );
  });

  it('is agreed once both schools have agreed to the same plan, then runs to a completed close', async () => {
    const id = await planned();
    expect((await post(partner, `/partnerships/${id}/agree`, {})).statusCode).toBe(303);
    expect((await get(lead, `/api/partnerships/${id}`)).json().status).toBe('proposed');
    expect((await post(lead, `/partnerships/${id}/agree`, {})).statusCode).toBe(303);
    const api = (await get(lead, `/api/partnerships/${id}`)).json();
    expect(api.status).toBe('agreed');
    expect(api.agreements.map((a: { urn: number }) => a.urn).sort()).toEqual([LEAD, PARTNER]);
    expect(
      (await post(partner, `/partnerships/${id}/plan/exit`, { exitStrategy: 'x', sustainability: 'y' }))
        .statusCode,
    ).toBe(409);
    // Starting, the review and a completed close are signed by both schools.
    expect((await post(leadMember, `/partnerships/${id}/start`, {})).statusCode).toBe(403);
    expect((await post(partner, `/partnerships/${id}/start`, {})).statusCode).toBe(303);
    const signedOnce = (await get(lead, `/api/partnerships/${id}`)).json();
    expect(signedOnce.status).toBe('agreed');
    expect(signedOnce.signatures).toEqual([
      { step: 'start', urn: PARTNER, signedBy: 'Partner Head', signedAt: expect.any(String), standing: true },
    ]);
    const waiting = await get(partner, `/partnerships/${id}`);
    expect(visibleText(waiting.body)).toContain('Birch Primary signed on');
    expect(visibleText(waiting.body)).toContain(
      'Waiting for Ash Primary to confirm starting the partnership',
    );
    expect(visibleText(waiting.body)).not.toContain('Start the partnership');
    const again = await post(partner, `/partnerships/${id}/start`, {});
    expect(again.statusCode).toBe(409);
    expect(visibleText(again.body)).toContain('Your school has already signed');
    expect(visibleText((await get(lead, `/partnerships/${id}`)).body)).toContain('Confirm the start');
    expect((await post(lead, `/partnerships/${id}/start`, {})).statusCode).toBe(303);
    expect((await get(lead, `/api/partnerships/${id}`)).json().status).toBe('active');
    const action = await post(leadMember, `/partnerships/${id}/record/actions`, OVERDUE_ACTION);
    expect(action.statusCode).toBe(303);
    const page = await get(leadMember, `/partnerships/${id}`);
    expect(visibleText(page.body)).toContain('Joint lesson study');
    expect(visibleText(page.body)).toContain('Overdue');
    const badIssue = await post(partner, `/partnerships/${id}/record/issues`, {
      description: 'Cover fell through',
      'raisedOn-day': '31',
      'raisedOn-month': '2',
      'raisedOn-year': '2025',
    });
    expect(badIssue.statusCode).toBe(400);
    expect(visibleText(badIssue.body)).toContain('Date it arose must be a real date');
    expect(visibleText(badIssue.body)).toContain('Cover fell through');
    expect((await post(other, `/partnerships/${id}/record/updates`, { body: 'sneaky' })).statusCode).toBe(
      404,
    );
    expect(
      (
        await post(partner, `/partnerships/${id}/record/feedback`, {
          fromUrn: String(LEAD),
          body: 'Pretending to be Ash',
        })
      ).statusCode,
    ).toBe(400);
    expect((await post(partner, `/partnerships/${id}/review`, {})).statusCode).toBe(303);
    expect((await get(lead, `/api/partnerships/${id}`)).json().status).toBe('active');
    expect((await post(lead, `/partnerships/${id}/review`, {})).statusCode).toBe(303);
    expect((await get(lead, `/api/partnerships/${id}`)).json().status).toBe('reviewing');
    expect(
      (await post(lead, `/partnerships/${id}/close`, { closure: 'ended-early', reason: '' })).body,
    ).toContain('Enter why the partnership is ending early');
    expect(
      (await post(lead, `/partnerships/${id}/close`, { closure: 'completed', reason: 'Objectives met' }))
        .statusCode,
    ).toBe(303);
    const closing = await get(partner, `/partnerships/${id}`);
    expect(visibleText(closing.body)).toContain('Ash Primary signed on');
    expect(visibleText(closing.body)).toContain('“Objectives met”');
    expect(visibleText(closing.body)).toContain(
      'Waiting for Birch Primary to confirm closing the partnership as completed',
    );
    expect(visibleText(closing.body)).toContain('Confirm closing as completed');
    expect(
      (await post(partner, `/partnerships/${id}/close`, { closure: 'completed', reason: '' })).statusCode,
    ).toBe(303);
    const closed = await get(partner, `/partnerships/${id}`);
    expect(visibleText(closed.body)).toContain('Closed: completed');
    const signatures = (await get(lead, `/api/partnerships/${id}`)).json().signatures;
    expect(signatures.map((g: { step: string; urn: number }) => `${g.step} ${g.urn}`)).toEqual([
      `start ${PARTNER}`,
      `start ${LEAD}`,
      `review ${PARTNER}`,
      `review ${LEAD}`,
      `complete ${LEAD}`,
      `complete ${PARTNER}`,
    ]);
    expect(signatures.every((g: { standing: boolean }) => !g.standing)).toBe(true);
    for (const step of [
      'Proposed',
      'Invitation accepted by Birch Primary',
      'Plan agreed by Birch Primary',
      'Agreed',
      'Start signed by Birch Primary',
      'Start signed by Ash Primary',
      'Started',
      'Review signed by Ash Primary',
      'Review started',
      'Closing signed by Birch Primary',
    ])
      expect(closed.body).toContain(step);
    expect(visibleText(closed.body)).toContain('Lead Head');
    expect(visibleText(closed.body)).toContain('Partner Head');
  });

  it('serves an impact report to members and officers it is shared with', async () => {
    const id = await completed();
    const res = await get(partner, `/partnerships/${id}/impact`);
    expect(res.statusCode).toBe(200);
    expect(visibleText(res.body)).toContain('Impact report');
    expect(visibleText(res.body)).toContain('More pupils reading well');
    expect(visibleText(res.body)).toContain('Were the two groups moving in step before the start?');
    expect(visibleText(res.body)).toContain(
      'Year by year: the gap between the partnership’s schools and the comparison, against its size in 2024',
    );
    expect(visibleText(res.body)).toContain('How this is worked out, and its limits');
    expect((await get(officer, `/partnerships/${id}/impact`)).statusCode).toBe(200);
  });

  it('answers the API only to those who may see, and 401 to anonymous callers', async () => {
    const id = await completed();
    expect((await get(null, '/api/partnerships')).statusCode).toBe(401);
    expect((await get(null, `/api/partnerships/${id}`)).statusCode).toBe(401);
    expect((await get(null, '/api/partnerships/export.csv')).statusCode).toBe(401);
    const list = await get(partner, '/api/partnerships');
    expect(list.json()).toMatchObject({ total: 1, items: [{ id, status: 'closed', closure: 'completed' }] });
    expect((await get(stranger, '/api/partnerships')).json()).toMatchObject({ total: 0, items: [] });
    expect((await get(stranger, `/api/partnerships/${id}`)).statusCode).toBe(404);
    expect((await get(other, `/api/partnerships/${id}/impact`)).statusCode).toBe(404);
    const one = await get(officer, `/api/partnerships/${id}`);
    expect(one.json()).toMatchObject({
      id,
      actions: [{ description: 'Joint lesson study' }],
      events: expect.any(Array),
    });
    const impact = await get(lead, `/api/partnerships/${id}/impact`);
    expect(impact.json().objectives[0].objective.description).toBe('More pupils reading well');
    expect(impact.json().objectives[0].registry).toMatchObject({
      method: 'two-way-fixed-effects',
      baselineYear: 2024,
      outcomeYear: 2025,
      comparison: { schools: COMPARISON.length, matchedOn: ['fsmPercent', 'pupils', 'phase'] },
      preTrends: { years: [2022, 2023, 2024], partnershipMean: [55, 56.5, 56.5] },
      parallelTrends: { plausible: expect.any(Boolean), note: expect.any(String) },
      result: { treatedCount: 2, comparisonCount: COMPARISON.length, uncertaintyFrom: 'similar-schools' },
      eventStudy: { referenceYear: 2024, years: [{ year: 2022 }, { year: 2023 }, { year: 2025 }] },
    });
    expect(impact.json().objectives[0].registry.preTrends.comparisonMean).toHaveLength(3);
    const csv = await get(lead, '/api/partnerships/export.csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\n')[0]).toBe(
      'id,title,type,status,closure,startDate,endDate,schools,urns,overdueActions',
    );
    expect(csv.body).toContain(
      `Reading together,peer-to-peer,closed,completed,2024-09-01,2026-02-28,Ash Primary; Birch Primary,${LEAD}; ${PARTNER},1`,
    );
  });

  it('shows an officer a dashboard of the schools that share with them, and no one else', async () => {
    await propose();
    const orgId = officer.user.organisations[0]!.id;
    const res = await get(officer, `/organisations/${orgId}/partnerships`);
    expect(res.statusCode).toBe(200);
    expect(visibleText(res.body)).toContain('Reading together');
    expect((await get(unsharedOfficer, `/organisations/${orgId}/partnerships`)).statusCode).toBe(403);
    expect((await get(lead, `/organisations/${orgId}/partnerships`)).statusCode).toBe(403);
    expect((await get(lead, `/api/organisations/${orgId}/partnerships.csv`)).statusCode).toBe(403);
    expect(visibleText((await get(officer, `/api/organisations/${orgId}/partnerships.csv`)).body)).toContain(
      'Reading together',
    );
    const unsharedId = unsharedOfficer.user.organisations[0]!.id;
    expect(
      visibleText((await get(unsharedOfficer, `/organisations/${unsharedId}/partnerships`)).body),
    ).not.toContain('Reading together');
  });
});
