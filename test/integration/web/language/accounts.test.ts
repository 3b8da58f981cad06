import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { NOTIFICATION_KINDS } from '../../../../src/domain/notifications.ts';
import { createOrganisation, signIn, type SignedIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { readOutbox } from '../../../helpers/mail.ts';
import { visibleText } from '../../../helpers/page-text.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { englishLeftIn, inWelsh } from '../../../helpers/untranslated.ts';
import { BACKGROUND_WORK_MS } from '../../../helpers/background.ts';

const SCHOOL = 650001;
const OTHER = 650002;

describe('accounts, invitations, password resets and notifications in Welsh', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 's2s-cy-accounts-'));
  const t = useTestApp(
    async (db) => {
      await insertSchool(db, { urn: SCHOOL, name: 'Ysgol y Graig' });
      await insertSchool(db, { urn: OTHER, name: 'Ysgol Bryn Teg' });
    },
    { env: { S2S_DATA_DIR: dataDir } },
  );

  const { get: welsh, post } = inWelsh(() => t.app);
  const chooseWelsh = (who: SignedIn) =>
    t.db.updateTable('users').set({ language: 'cy' }).where('id', '=', who.user.id).execute();

  it('refuses a notification preference in Welsh, naming the kind of notification', async () => {
    const member = await signIn(t.app, t.db, { schools: [{ urn: SCHOOL }] });
    const straightAway = Object.fromEntries(NOTIFICATION_KINDS.map((kind) => [kind, 'immediately']));
    const english = (choices: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: '/notifications/preferences',
        headers: { ...member.headers, 'content-type': 'application/x-www-form-urlencoded' },
        payload: new URLSearchParams({ _csrf: member.csrfToken, ...choices }).toString(),
      });

    const switchedOff = { ...straightAway, proposed: 'off' };
    const offRefused = await post('/notifications/preferences', member, switchedOff);
    expect(offRefused.statusCode).toBe(400);
    expect(visibleText(offRefused.body)).toContain(
      'Mae ysgol yn cynnig partneriaeth i’ch ysgol: mae angen i chi weithredu, felly dewiswch e-bost ar unwaith neu un dyddiol',
    );
    expect(englishLeftIn(offRefused.body)).toEqual([]);
    expect(visibleText((await english(switchedOff)).body)).toContain(
      'A school proposes a partnership to your school needs your action: choose an email straight away or a daily one',
    );

    const unheardOf = { ...straightAway, started: 'loud' };
    const unknownRefused = await post('/notifications/preferences', member, unheardOf);
    expect(unknownRefused.statusCode).toBe(400);
    expect(visibleText(unknownRefused.body)).toContain(
      'Dewiswch sut y byddwch yn clywed am hyn: mae partneriaeth yn dechrau',
    );
    expect(englishLeftIn(unknownRefused.body)).toEqual([]);
    expect(visibleText((await english(unheardOf)).body)).toContain(
      'Choose how you hear that a partnership starts',
    );
  });

  it('shows no English message of the catalogue on the signed-in account pages', async () => {
    const organisation = await createOrganisation(t.db, {
      kind: 'consortium',
      name: 'Consortiwm y Gorllewin',
      schools: [{ urn: SCHOOL, sharesRecords: true }],
    });
    const head = await signIn(t.app, t.db, {
      name: 'Siân Evans',
      schools: [{ urn: SCHOOL, role: 'admin' }],
      organisations: [organisation],
      platformAdmin: true,
    });
    await signIn(t.app, t.db, { name: 'Dafydd Jones', schools: [{ urn: SCHOOL, role: 'member' }] });
    const account = await welsh('/account', head);
    expect(visibleText(account.body)).toContain('Eich cyfrif');
    expect(visibleText(account.body)).toContain('Consortiwm y Gorllewin (consortiwm rhanbarthol): swyddog');
    for (const url of [
      '/account',
      '/sign-out',
      `/schools/${SCHOOL}/members`,
      `/schools/${SCHOOL}/sharing`,
      `/schools/${SCHOOL}/sharing?saved=1`,
      '/join-requests',
      '/notifications',
      '/notifications/preferences',
    ])
      expect(englishLeftIn((await welsh(url, head)).body), url).toEqual([]);
    const members = await welsh(`/schools/${SCHOOL}/members`, head);
    expect(visibleText(members.body)).toContain('Gwahodd rhywun');
    expect(visibleText(members.body)).toContain('Dafydd Jones');
    // A refused invitation names the field in Welsh.
    const refused = await post(`/schools/${SCHOOL}/invitations`, head, { email: 'not-an-address' });
    expect(refused.statusCode).toBe(400);
    expect(visibleText(refused.body)).toContain('Rhowch gyfeiriad e-bost yn y fformat cywir');
    expect(visibleText(refused.body)).toContain('Dewiswch a fyddant yn aelod neu’n weinyddwr');
    expect(englishLeftIn(refused.body)).toEqual([]);
  });

  it('emails an invitation in the inviter’s Welsh, and shows the invitation and its errors in Welsh', async () => {
    const head = await signIn(t.app, t.db, { name: 'Siân Evans', schools: [{ urn: OTHER, role: 'admin' }] });
    await chooseWelsh(head);
    const before = (await readOutbox(dataDir)).length;
    const invited = await post(`/schools/${OTHER}/invitations`, head, {
      email: 'newydd@ysgol.example',
      role: 'member',
    });
    expect(invited.statusCode).toBe(303);
    const mail = (await readOutbox(dataDir)).slice(before);
    expect(mail.map((m) => m.to)).toEqual(['newydd@ysgol.example']);
    expect(mail[0]!.subject).toBe('Fe’ch gwahoddir i ymuno â Ysgol Bryn Teg ar S2S');
    expect(mail[0]!.text).toContain('Mae Siân Evans wedi eich gwahodd i ymuno â Ysgol Bryn Teg ar S2S');
    expect(mail[0]!.text).toContain('I dderbyn, agorwch y ddolen hon o fewn 14 diwrnod:');
    const link = /\/invitations\/[\w-]+/.exec(mail[0]!.text)![0];

    const stranger = { cookie: 's2s-lang=cy' };
    const page = await t.app.inject({ url: link, headers: stranger });
    expect(page.statusCode).toBe(200);
    expect(visibleText(page.body)).toContain(
      'Fe’ch gwahoddwyd i ymuno â Ysgol Bryn Teg fel aelod, gan ddefnyddio’r cyfeiriad e-bost newydd@ysgol.example.',
    );
    expect(englishLeftIn(page.body)).toEqual([]);
    const csrf = page.cookies.find((c) => c.name === 's2s-csrf')!.value;
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const refused = await t.app.inject({
      method: 'POST',
      url: link,
      headers: {
        cookie: `s2s-lang=cy; s2s-csrf=${csrf}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      payload: new URLSearchParams({
        _csrf: token,
        name: '',
        password: 'short',
        confirmPassword: 'other',
      }).toString(),
    });
    expect(refused.statusCode).toBe(400);
    const shown = visibleText(refused.body);
    expect(shown).toContain('Rhowch eich enw llawn');
    expect(shown).toContain('Rhaid i’r cyfrinair fod yn 10 nod neu fwy');
    expect(englishLeftIn(refused.body)).toEqual([]);
    expect(englishLeftIn((await welsh('/invitations/no-such-token')).body)).toEqual([]);
  });

  it('emails a password reset in the language the person chose, and shows the reset pages in Welsh', async () => {
    const person = await signIn(t.app, t.db, {
      email: 'athro@ysgol.example',
      password: 'a long enough password',
    });
    await chooseWelsh(person);
    const form = await welsh('/password-reset');
    expect(englishLeftIn(form.body)).toEqual([]);
    const csrf = form.cookies.find((c) => c.name === 's2s-csrf')!.value;
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const ask = (email: string) =>
      t.app.inject({
        method: 'POST',
        url: '/password-reset',
        headers: {
          cookie: `s2s-lang=cy; s2s-csrf=${csrf}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        payload: new URLSearchParams({ _csrf: token, email }).toString(),
      });
    const before = (await readOutbox(dataDir)).length;
    const sent = await ask('athro@ysgol.example');
    expect(visibleText(sent.body)).toContain('Gwiriwch eich e-bost');
    expect(englishLeftIn(sent.body)).toEqual([]);
    // The link is sent after the answer, so that the answer's timing tells nothing.
    const mail = await vi.waitFor(
      async () => {
        const fresh = (await readOutbox(dataDir)).slice(before);
        expect(fresh).toHaveLength(1);
        return fresh;
      },
      { timeout: BACKGROUND_WORK_MS },
    );
    expect(mail.map((m) => m.subject)).toEqual(['Ailosod eich cyfrinair S2S']);
    expect(mail[0]!.text).toContain('Gofynnodd rhywun am ailosod y cyfrinair ar gyfer eich cyfrif S2S.');
    expect(mail[0]!.text).toContain('I ddewis cyfrinair newydd, agorwch y ddolen hon o fewn 60 munud:');
    const link = /\/password-reset\/[\w-]+/.exec(mail[0]!.text)![0];
    expect(englishLeftIn((await welsh(link)).body)).toEqual([]);
    expect(englishLeftIn((await welsh('/password-reset/no-such-token')).body)).toEqual([]);
    const empty = await ask('');
    expect(empty.statusCode).toBe(400);
    expect(visibleText(empty.body)).toContain('Rhowch eich cyfeiriad e-bost');
    expect(englishLeftIn(empty.body)).toEqual([]);
  });
});
