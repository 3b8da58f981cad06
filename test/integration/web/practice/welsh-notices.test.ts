import { describe, expect, it } from 'vitest';
import { signIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { visibleText } from '../../../helpers/page-text.ts';
import { caseStudyPartnership, draftPractice } from '../../../helpers/practice.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { inWelsh } from '../../../helpers/untranslated.ts';

const OWN = 662001;
const PARTNER = 662002;

/** What the library tells a Welsh reader once an action on a case study or a record is done, or refused. */
describe('the good-practice notices in Welsh', () => {
  const t = useTestApp(
    async (db) => {
      await insertSchool(db, { urn: OWN, name: 'Ysgol Gynradd Aberdaron' });
      await insertSchool(db, { urn: PARTNER, name: 'Ysgol Gynradd Botwnnog' });
    },
    { fresh: 'test' },
  );
  const welsh = inWelsh(() => t.app);
  /** The page a Welsh reader is sent to after a form, as they read it. */
  const after = async (posted: { statusCode: number; headers: Record<string, unknown> }, who: object) => {
    expect(posted.statusCode).toBe(303);
    return visibleText(await welsh.page(String(posted.headers.location), who as never));
  };
  const stage = (html: string) => /id="case-study-stage">([^<]*)</.exec(html)?.[1];

  it('tells each school in Welsh where its case study stands after starting, approving and withdrawing it', async () => {
    const { lead, partner, id } = await caseStudyPartnership(t.app, t.db, { own: OWN, partner: PARTNER });
    const base = `/partnerships/${id}/case-study`;
    expect(stage(await welsh.page(base, lead))).toBe(
      'Heb ddechrau: dewiswch beth mae’n ei ddangos, yna mae pob ysgol yn ei chymeradwyo.',
    );

    const started = await after(await welsh.post(base, lead, { parts: 'need' }), lead);
    expect(started).toContain(
      'Rydych wedi dewis beth mae’r astudiaeth achos yn ei ddangos. Mae gweinyddwr pob ysgol yn ei chymeradwyo nawr.',
    );
    expect(started).toContain('Yn aros i bob ysgol ei chymeradwyo.');
    expect(started).not.toContain('You chose what the case study shows');

    const approve = (who: typeof lead, urn: number) =>
      welsh.post(`${base}/approve`, who, { urn: String(urn), partsKey: 'need' });
    expect(await after(await approve(lead, OWN), lead)).toContain(
      'Rydych wedi cymeradwyo’r astudiaeth achos ar ran eich ysgol. Mae’n aros am yr ysgolion eraill.',
    );
    const sent = await after(await approve(partner, PARTNER), partner);
    expect(sent).toContain(
      'Mae pob ysgol wedi cymeradwyo’r astudiaeth achos: mae gyda’r cymedrolwyr, a bydd yn gyhoeddus unwaith y byddant yn ei chymeradwyo.',
    );
    expect(sent).toContain('Mae pob ysgol wedi’i chymeradwyo. Mae gyda’r cymedrolwyr');

    const withdrawn = await after(await welsh.post(`${base}/withdraw`, partner, {}), partner);
    expect(withdrawn).toContain(
      'Rydych wedi tynnu’r astudiaeth achos yn ôl. Nid yw’n cael ei dangos yn y llyfrgell.',
    );
    expect(stage(await welsh.page(base, lead))).toBe(
      'Wedi’i thynnu’n ôl gan Ysgol Gynradd Botwnnog. Nid yw’n cael ei dangos yn y llyfrgell.',
    );
    expect(stage((await t.app.inject({ url: base, headers: { cookie: lead.cookie } })).body)).toBe(
      'Withdrawn by Ysgol Gynradd Botwnnog. It is not shown in the library.',
    );
  });

  it('tells a Welsh author in Welsh why a record was not sent for moderation', async () => {
    const member = await signIn(t.app, t.db, { schools: [{ urn: OWN }] });
    const flagged = await draftPractice(t.app, member, OWN, { whatChanged: 'Mrs Patel saw it first.' });
    const unconfirmed = await welsh.post(`/practice/${flagged}/submit`, member, { version: '1' });
    expect(unconfirmed.statusCode).toBe(400);
    expect(visibleText(unconfirmed.body)).toContain(
      'Gwiriwch bob darn, yna cadarnhewch neu newidiwch y cofnod',
    );
    expect(visibleText(unconfirmed.body)).toContain('Mae hyn yn edrych fel enw person: “Mrs Patel”');
    expect(unconfirmed.body).not.toContain('Check each passage');
    expect(unconfirmed.body).not.toContain('This looks like');

    const clean = await draftPractice(t.app, member, OWN);
    const stale = await welsh.post(`/practice/${clean}/submit`, member, { version: '2' });
    expect(stale.statusCode).toBe(409);
    expect(visibleText(stale.body)).toContain(
      'Mae’r cofnod wedi newid ers i chi ei ddarllen; gwiriwch ef a’i anfon eto.',
    );
    expect(stale.body).not.toContain('The record has changed since you read it');
  });
});
