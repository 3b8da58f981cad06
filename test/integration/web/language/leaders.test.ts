import { describe, expect, it } from 'vitest';
import { signIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { postForm } from '../../../helpers/forms.ts';
import { aPublishedLeader, deploymentForm, nextSpring, publishProfile } from '../../../helpers/leaders.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { englishLeftIn } from '../../../helpers/untranslated.ts';

const [DERW, BEDW] = [644001, 644002];

/** The system leaders' pages in Welsh: none of the catalogue's English may show. */
describe('system leaders in Welsh', () => {
  const t = useTestApp(
    async (db) => {
      await insertSchool(db, { urn: DERW, name: 'Ysgol y Derw', lat: 51.6, lon: -3.9 });
      await insertSchool(db, { urn: BEDW, name: 'Ysgol y Bedw', lat: 51.62, lon: -3.9 });
    },
    { fresh: 'test' },
  );

  const welsh = async (who: { headers: { cookie: string } } | null, url: string) => {
    const res = await t.app.inject({
      url,
      headers: { cookie: who ? `${who.headers.cookie}; s2s-lang=cy` : 's2s-lang=cy' },
    });
    expect(res.statusCode, url).toBe(200);
    expect(res.body, url).toContain('<html lang="cy"');
    return res.body;
  };

  it('shows the directory, a profile, a deployment and the deployments list in Welsh', async () => {
    const leader = await signIn(t.app, t.db, {
      name: 'Gwen Arwain',
      email: 'gwen@ysgol.example',
    });
    await publishProfile(t.app, leader, { urn: DERW, jobTitle: 'Pennaeth', daysPerTerm: '6' });
    const { id: profileId } = await t.db
      .selectFrom('system_leader_profiles')
      .select('id')
      .where('user_id', '=', leader.user.id)
      .executeTakeFirstOrThrow();
    const client = await signIn(t.app, t.db, {
      email: 'bedw@ysgol.example',
      schools: [{ urn: BEDW, role: 'admin' }],
    });
    const commissioned = await postForm(
      t.app,
      `/system-leaders/${profileId}/commission`,
      {
        _csrf: client.csrfToken,
        ...deploymentForm({ clientUrn: BEDW, ...nextSpring(), reportsTo: 'Y pennaeth' }),
        // What the school writes is its own words, in Welsh here.
        scope: 'Hyfforddi’r arweinydd Saesneg a thîm blwyddyn 6 ar ddarllen',
        objectives: 'Darllen yn cael ei addysgu’n gyson',
        successCriteria: 'Pob gwers ddarllen yn dda erbyn y Pasg',
        exitStrategy: 'Mae’r arweinydd Saesneg yn parhau â’r hyfforddi',
      },
      client.headers,
    );
    expect(commissioned.statusCode).toBe(303);
    const deployment = String(commissioned.headers.location).replace(/\?.*/, '');
    // A second leader on the deployment's team, with their own days and answer to give.
    const member = await aPublishedLeader(t.app, t.db, 'Huw Tîm', {
      urn: DERW,
      jobTitle: 'Dirprwy',
      daysPerTerm: '6',
    });
    const added = await postForm(
      t.app,
      `${deployment}/team`,
      { _csrf: client.csrfToken, profileId: String(member.profileId), days: '2', dayRatePounds: '' },
      client.headers,
    );
    expect(added.statusCode).toBe(303);

    const directory = await welsh(null, '/system-leaders');
    expect(directory).toContain('Dod o hyd i arweinydd system');
    expect(directory).toMatch(/Cafwyd hyd i 2 /);
    const profile = await welsh(null, `/system-leaders/${profileId}`);
    expect(profile).toContain('Diwrnodau fesul tymor');
    expect(profile).toContain('£450 y dydd');
    const page = await welsh(client, deployment);
    expect(page).toContain('Lleoliad Gwen Arwain yn Ysgol y Bedw');
    expect(page).toContain('Yn aros am yr arweinydd system');
    expect(page).toContain('Aelod o’r tîm');
    expect(page).toContain('Ychwanegu arweinydd system at y tîm');
    const asMember = await welsh(member.who, deployment);
    expect(asMember).toContain('Heb ateb eto');
    const list = await welsh(client, '/deployments');
    expect(list).toContain('Ar gyfer eich ysgolion');
    for (const [url, html] of [
      ['/system-leaders', directory],
      [`/system-leaders/${profileId}`, profile],
      [deployment, page],
      [`${deployment} (as a team member)`, asMember],
      ['/deployments', list],
    ] as const)
      expect(englishLeftIn(html), url).toEqual([]);
  });
});
