import { describe, expect, it } from 'vitest';
import { updatePlan } from '../../../../src/data/partnerships.ts';
import { MemoryMailer } from '../../../../src/mail/mailer.ts';
import { createOrganisation, signIn, type SignedIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { postForm } from '../../../helpers/forms.ts';
import { aPublishedLeader, completeReadiness, deploymentForm, nextSpring } from '../../../helpers/leaders.ts';
import { visibleText } from '../../../helpers/page-text.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { englishLeftIn, inWelsh } from '../../../helpers/untranslated.ts';

const BASE = 643001;
const CLIENT = 643002;

/** A deployment as its people read it in Welsh: their notifications, their emails and their lists. */
describe('a deployment in Welsh', () => {
  const mailer = new MemoryMailer();
  const t = useTestApp(
    async (db) => {
      await insertSchool(db, { urn: BASE, name: 'Ysgol Sylfaen', lat: 53.8, lon: -1.55 });
      await insertSchool(db, {
        urn: CLIENT,
        name: 'Ysgol y Cleient',
        lat: 53.85,
        lon: -1.55,
        laCode: '681',
        laName: 'Cardiff',
      });
    },
    { fresh: 'test', mailer },
  );
  const spring = nextSpring();
  const { page: welsh } = inWelsh(() => t.app);

  /** Who keeps Welsh as the language of the service, as the language switch remembers it. */
  const keepsWelsh = (who: SignedIn) =>
    t.db.updateTable('users').set({ language: 'cy' }).where('id', '=', who.user.id).execute();

  /** What the commissioner types, in Welsh: it is shown as typed. */
  const typedInWelsh = {
    scope: 'Hyfforddi’r arweinydd darllen',
    objectives: 'Darllen yn gyson ym mhob dosbarth',
    successCriteria: 'Pob gwers ddarllen yn dda erbyn y Pasg',
    reportsTo: 'Y pennaeth',
    exitStrategy: 'Yr arweinydd darllen yn parhau â’r hyfforddi',
  };

  /** Consortiwm Tawe's officer commissions Ada Leader for Ysgol y Cleient; Cal Head administers it. */
  async function aDeployment() {
    const ada = await aPublishedLeader(t.app, t.db, 'Ada Leader', {
      urn: BASE,
      daysPerTerm: '6',
      dayRatePounds: '450',
    });
    const bea = await aPublishedLeader(t.app, t.db, 'Bea Morgan', {
      urn: BASE,
      daysPerTerm: '6',
      dayRatePounds: '300',
    });
    const organisationId = await createOrganisation(t.db, {
      name: 'Consortiwm Tawe',
      schools: [{ urn: CLIENT, sharesRecords: true }],
    });
    const officer = await signIn(t.app, t.db, { name: 'Olu Swyddog', organisations: [organisationId] });
    const head = await signIn(t.app, t.db, { name: 'Cal Head', schools: [{ urn: CLIENT, role: 'admin' }] });
    for (const who of [ada.who, bea.who, officer, head]) await keepsWelsh(who);
    mailer.sent.length = 0;
    const done = await postForm(
      t.app,
      `/system-leaders/${ada.profileId}/commission`,
      {
        _csrf: officer.csrfToken,
        ...deploymentForm({ clientUrn: CLIENT, ...spring, days: '3' }),
        ...typedInWelsh,
      },
      officer.headers,
    );
    expect(done.statusCode).toBe(303);
    const id = Number(/\/deployments\/(\d+)/.exec(String(done.headers.location))![1]);
    return { id, ada, bea, organisationId, officer, head };
  }

  const post = (who: SignedIn, url: string, fields: Record<string, string> = {}) =>
    postForm(t.app, url, { _csrf: who.csrfToken, ...fields }, who.headers);
  const mailTo = (who: SignedIn) => mailer.sent.filter((m) => m.to === who.user.email);

  /** The Welsh notifications page of someone, with nothing of the catalogue's English left in it. */
  async function notificationsOf(who: SignedIn): Promise<string> {
    const html = await welsh('/notifications', who);
    expect(englishLeftIn(html)).toEqual([]);
    return visibleText(html);
  }

  it('tells the leader, the school and the team in their own language, in the service and by email', async () => {
    const { id, ada, bea, officer, head } = await aDeployment();
    const asked =
      'Mae Olu Swyddog o Consortiwm Tawe yn gofyn i chi weithio gyda Ysgol y Cleient fel arweinydd system';
    expect(await notificationsOf(ada.who)).toContain(asked);
    expect(mailTo(ada.who).map((m) => m.subject)).toEqual([asked]);
    expect(mailTo(ada.who)[0]!.text).toContain(`${asked}.`);

    expect(
      (await post(officer, `/deployments/${id}/team`, { profileId: String(bea.profileId), days: '2' }))
        .statusCode,
    ).toBe(303);
    const joining = 'Mae Olu Swyddog yn gofyn i chi ymuno â thîm y secondiad i Ysgol y Cleient';
    expect(await notificationsOf(bea.who)).toContain(joining);
    expect(mailTo(bea.who).map((m) => m.subject)).toEqual([joining]);

    await completeReadiness(t.db, id);
    expect((await post(ada.who, `/deployments/${id}/answer`, { answer: 'accepted' })).statusCode).toBe(303);
    // Ada's public profile lists it, the school unnamed, by its phase and place in Welsh.
    const profile = await welsh(`/system-leaders/${ada.profileId}`);
    expect(englishLeftIn(profile)).toEqual([]);
    expect(visibleText(profile)).toContain('3 diwrnod gyda ysgol gynradd yng Nghaerdydd');
    expect(visibleText(await t.app.inject(`/system-leaders/${ada.profileId}`).then((r) => r.body))).toContain(
      '3 days with a primary school in Cardiff',
    );
    const accepted = 'Mae Ada Leader wedi derbyn y secondiad i Ysgol y Cleient';
    for (const told of [head, officer]) {
      expect(await notificationsOf(told)).toContain(accepted);
      expect(mailTo(told).map((m) => m.subject)).toContain(accepted);
    }
    expect((await post(bea.who, `/deployments/${id}/answer`, { answer: 'declined' })).statusCode).toBe(303);
    expect(await notificationsOf(head)).toContain(
      'Mae Bea Morgan wedi gwrthod y secondiad i Ysgol y Cleient',
    );

    expect((await post(officer, `/deployments/${id}/team/${bea.who.user.id}/remove`)).statusCode).toBe(303);
    expect(await notificationsOf(bea.who)).toContain('Nid ydych ar dîm y secondiad i Ysgol y Cleient mwyach');
    expect(mailTo(bea.who).map((m) => m.subject)).toContain(
      'Nid ydych ar dîm y secondiad i Ysgol y Cleient mwyach',
    );
  });

  it('tells the team of a withdrawal in their own language, and keeps English for one who reads English', async () => {
    const { id, ada, officer } = await aDeployment();
    await t.db.updateTable('users').set({ language: 'en' }).where('id', '=', officer.user.id).execute();
    expect((await post(officer, `/deployments/${id}/withdraw`)).statusCode).toBe(303);
    const withdrawn = 'Mae’r secondiad i Ysgol y Cleient wedi’i dynnu’n ôl cyn iddo ddechrau';
    expect(await notificationsOf(ada.who)).toContain(withdrawn);
    expect(mailTo(ada.who).map((m) => m.subject)).toContain(withdrawn);
    // The API answers in English, with the subject as written in English.
    const api = (await t.app.inject({ url: '/api/notifications', headers: ada.who.headers })).json();
    expect(api.items.map((n: { subject: string }) => n.subject)).toEqual([
      'The deployment to Ysgol y Cleient is withdrawn before it started',
      'Olu Swyddog of Consortiwm Tawe asks you to work with Ysgol y Cleient as a system leader',
    ]);
  });

  it('titles the deployment in Welsh on the deployments lists, the organisation’s dashboard and the plan’s pages', async () => {
    const { id, ada, organisationId, officer, head } = await aDeployment();
    const title = 'Secondiad Ada Leader i Ysgol y Cleient';
    for (const [url, who] of [
      ['/deployments', ada.who],
      ['/deployments', officer],
      ['/deployments', head],
      [`/organisations/${organisationId}/partnerships`, officer],
      [`/partnerships/${id}/check`, head],
      [`/partnerships/${id}/plan/focus`, head],
      [`/partnerships/${id}/close`, head],
    ] as const) {
      const html = await welsh(url, who);
      expect(visibleText(html), url).toContain(title);
      expect(englishLeftIn(html), url).toEqual([]);
    }
    // English as before; a title someone wrote stays as they wrote it.
    const english = await t.app.inject({
      url: `/organisations/${organisationId}/partnerships?lang=en`,
      headers: officer.headers,
    });
    expect(visibleText(english.body)).toContain('Deployment of Ada Leader to Ysgol y Cleient');
    await updatePlan(t.db, id, { title: 'Ada in spring' });
    expect(visibleText(await welsh(`/organisations/${organisationId}/partnerships`, officer))).toContain(
      'Ada in spring',
    );
  });
});
