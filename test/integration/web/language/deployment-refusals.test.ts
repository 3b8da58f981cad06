import { describe, expect, it } from 'vitest';
import { signIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { aPublishedLeader, deploymentForm, nextSpring } from '../../../helpers/leaders.ts';
import { visibleText } from '../../../helpers/page-text.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { englishLeftIn, inWelsh } from '../../../helpers/untranslated.ts';

const [DERW, BEDW] = [646001, 646002];

/** What a deployment's people are refused, on its pages and through the API, in Welsh. */
describe('a deployment’s refusals in Welsh', () => {
  const t = useTestApp(
    async (db) => {
      await insertSchool(db, { urn: DERW, name: 'Ysgol y Derw', lat: 51.6, lon: -3.9 });
      await insertSchool(db, { urn: BEDW, name: 'Ysgol y Bedw', lat: 51.62, lon: -3.9 });
    },
    { fresh: 'test' },
  );
  const { get, post } = inWelsh(() => t.app);

  it('says why in Welsh when an answer, a withdrawal or a section is refused', async () => {
    const leader = await aPublishedLeader(t.app, t.db, 'Gwen Arwain', { urn: DERW, daysPerTerm: '6' });
    const head = await signIn(t.app, t.db, {
      email: 'bedw-refusals@ysgol.example',
      schools: [{ urn: BEDW, role: 'admin' }],
    });
    const made = await post(`/system-leaders/${leader.profileId}/commission`, head, {
      ...deploymentForm({ clientUrn: BEDW, ...nextSpring(), reportsTo: 'Y pennaeth' }),
      scope: 'Hyfforddi’r tîm darllen',
      objectives: 'Darllen yn cael ei addysgu’n gyson',
      successCriteria: 'Pob gwers ddarllen yn dda',
      exitStrategy: 'Mae’r tîm yn parhau â’r hyfforddi',
    });
    expect(made.statusCode).toBe(303);
    const id = Number(/\/deployments\/(\d+)/.exec(String(made.headers.location))![1]);
    const refused = (res: { statusCode: number; body: string }, status: number, said: string) => {
      expect(res.statusCode, said).toBe(status);
      expect(res.body).toContain('<html lang="cy"');
      expect(visibleText(res.body)).toContain(said);
      expect(englishLeftIn(res.body), said).toEqual([]);
    };

    refused(
      await get(`/partnerships/${id}/plan/schools`, head, false),
      403,
      'Partïon secondiad yw’r ysgol sy’n cael cymorth a’i harweinydd system: ni ellir gwahodd unrhyw ysgol arall.',
    );
    refused(
      await post(`/deployments/${id}/answer`, leader.who, {}),
      400,
      'Dewiswch a ydych chi’n derbyn neu’n gwrthod y secondiad',
    );
    expect((await post(`/deployments/${id}/answer`, leader.who, { answer: 'declined' })).statusCode).toBe(
      303,
    );
    refused(
      await post(`/deployments/${id}/answer`, leader.who, { answer: 'declined' }),
      409,
      'Rydych chi eisoes wedi ateb ynghylch y secondiad hwn.',
    );
    refused(
      await post(`/deployments/${id}/withdraw`, head, {}),
      409,
      'Mae’r secondiad wedi dechrau, wedi cau neu wedi’i wrthod: ni ellir ei dynnu’n ôl mwyach.',
    );

    const api = await t.app.inject({
      url: '/api/deployments/999999',
      headers: { ...head.headers, 'accept-language': 'cy' },
    });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ message: 'Dim secondiad o’r fath.' });
  });
});
