import { describe, expect, it } from 'vitest';
import { NFER_2017_PROFILE } from '../../../../src/domain/classification/index.ts';
import { profileFormValues } from '../../../../src/web/admin/profile-form.ts';
import { profileThresholds } from '../../../../src/web/admin/profile-thresholds.ts';
import { signIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { visibleText } from '../../../helpers/page-text.ts';
import { insertMatchingDataset } from '../../../helpers/matching-dataset.ts';
import { englishLeftIn, inWelsh } from '../../../helpers/untranslated.ts';

/**
 * A page without the values of its form's fields: the editor shows the stored profile (its title,
 * description and rules, as their author wrote them) to be edited, not words of the service.
 */
const withoutFieldValues = (html: string) =>
  html
    .replace(/<textarea[^>]*>[\s\S]*?<\/textarea>/g, '<textarea></textarea>')
    .replace(/ value="[^"]*"/g, '');

/** The thresholds form as shown for version 1, with some fields typed over. */
function thresholdsForm(typed: Record<string, string>) {
  const { rules: _rules, ...settings } = profileFormValues(NFER_2017_PROFILE);
  const fields = Object.fromEntries(
    profileThresholds(NFER_2017_PROFILE).map((t) => [t.field, String(t.value)]),
  );
  return { ...settings, ...fields, basedOn: '1', ...typed };
}

describe('the performance profiles, for a platform administrator in Welsh', () => {
  const t = useTestApp(insertMatchingDataset, { fresh: 'test' });

  const { get: welsh, post } = inWelsh(() => t.app);

  it('shows the list, a profile, a draft in both editors, its preview and its errors in Welsh', async () => {
    const admin = await signIn(t.app, t.db, { platformAdmin: true });
    for (const url of [
      '/admin/profiles',
      '/admin/profiles?activated=nfer-2017',
      '/admin/profiles/nfer-2017',
      '/admin/profiles/nfer-2017/new',
      '/admin/profiles/nfer-2017/new/rules',
    ]) {
      const res = await welsh(url, admin);
      expect(res.statusCode, url).toBe(200);
      expect(englishLeftIn(withoutFieldValues(res.body)), url).toEqual([]);
    }
    const list = visibleText((await welsh('/admin/profiles', admin)).body);
    expect(list).toContain('Pa broffil ddylai S2S ei ddefnyddio pan na enwir un?');
    expect(list).toContain('nfer-2017, fersiwn 1');
    const profile = visibleText((await welsh('/admin/profiles/nfer-2017', admin)).body);
    expect(profile).toContain('Creu fersiwn newydd');
    expect(profile).toContain('Wedi’i ddarparu gydag S2S');
    const thresholds = visibleText((await welsh('/admin/profiles/nfer-2017/new', admin)).body);
    expect(thresholds).toContain('Creu fersiwn 2');
    expect(thresholds).toMatch(
      /Cynnydd cyfartalog CA2 ar draws darllen, ysgrifennu a mathemateg, (is na|uwchlaw|ar neu)/,
    );

    // The preview of a draft: the same fields, posted with "preview".
    const preview = await post('/admin/profiles/nfer-2017/new', admin, {
      ...thresholdsForm({}),
      action: 'preview',
    });
    expect(preview.statusCode).toBe(200);
    expect(englishLeftIn(withoutFieldValues(preview.body))).toEqual([]);
    const previewText = visibleText(preview.body);
    expect(previewText).toContain('Y fersiwn hon');
    expect(previewText).toContain('Does dim wedi’i gyhoeddi eto.');

    const wrong = await post('/admin/profiles/nfer-2017/new', admin, {
      ...thresholdsForm({ title: 'x', minimumCohort: 'lots', 'threshold-1': 'high' }),
      action: 'preview',
    });
    expect(wrong.statusCode).toBe(400);
    expect(englishLeftIn(withoutFieldValues(wrong.body))).toEqual([]);
    const wrongText = visibleText(wrong.body);
    expect(wrongText).toContain('Rhowch deitl o 3 nod o leiaf');
    expect(wrongText).toContain('Rhaid i’r garfan leiaf fod yn nifer cyfan o ddisgyblion, 0 neu fwy');
    expect(wrongText).toMatch(/\): rhowch rif, fel /);

    const badJson = await post('/admin/profiles/nfer-2017/new/rules', admin, {
      ...profileFormValues(NFER_2017_PROFILE),
      rules: '{"inNeed": [], "highPerforming": [], "areas": [], "extra": 1}',
      basedOn: '1',
      action: 'preview',
    });
    expect(badJson.statusCode).toBe(400);
    expect(visibleText(badJson.body)).toContain('Rheolau: nid yw extra yn rhan o broffil');

    const none = await post('/admin/profiles/active', admin, {});
    expect(none.statusCode).toBe(400);
    expect(englishLeftIn(none.body)).toEqual([]);
    expect(visibleText(none.body)).toContain('Dewiswch y proffil i’w ddefnyddio pan na enwir un');
  });

  it('says in Welsh which rule, which field and which value is wrong in the rules', async () => {
    const admin = await signIn(t.app, t.db, { platformAdmin: true });
    const rulesSaying = async (rules: string) => {
      const res = await post('/admin/profiles/nfer-2017/new/rules', admin, {
        ...profileFormValues(NFER_2017_PROFILE),
        rules,
        basedOn: '1',
        action: 'preview',
      });
      expect(res.statusCode).toBe(400);
      // Values quoted from the JSON (names of measures, what was typed) are the same in every language.
      const withoutJson = withoutFieldValues(res.body).replace(/&quot;[^&<]*&quot;/g, '""');
      expect(englishLeftIn(withoutJson)).toEqual([]);
      const start = res.body.indexOf('govuk-error-summary');
      const summary = res.body.slice(start, res.body.indexOf('</ul>', start));
      return [...summary.matchAll(/<a [^>]*href="#rules"[^>]*>([\s\S]*?)<\/a>/g)].map((m) =>
        visibleText(m[1]!).replaceAll('&quot;', '"').trim(),
      );
    };
    const condition = { measure: 'ks2.readingProgress', op: 'lt', value: -5 };
    const said = await rulesSaying(
      JSON.stringify({
        inNeed: [
          { id: 'Bad Id', text: 'x', all: [] },
          { id: 'gwan', text: 'Gwan', all: [{ ...condition, measure: 'ofsted.nope' }] },
          { id: 'dim-testun', eras: [], all: [{ ...condition, value: true }] },
        ],
        highPerforming: 'none',
        areas: [],
      }),
    );
    expect(said).toEqual([
      'Rheolau, inNeed[0].id (rheol Bad Id): defnyddiwch lythrennau bach, digidau, atalnodau llawn a chysylltnodau',
      'Rheolau, inNeed[0].text (rheol Bad Id): rhowch o leiaf 3 nod',
      'Rheolau, inNeed[0].all (rheol Bad Id): mae angen o leiaf un amod ar reol',
      expect.stringMatching(
        /^Rheolau, inNeed\[1\]\.all\[0\]\.measure \(rheol gwan\): ni chaniateir "ofsted\.nope" yma; defnyddiwch un o "inspection\.era", /,
      ),
      'Rheolau, inNeed[2].text (rheol dim-testun): mae ei angen ond mae ar goll',
      'Rheolau, inNeed[2].eras (rheol dim-testun): rhestrwch o leiaf un eitem',
      'Rheolau, inNeed[2].all[0].value (rheol dim-testun): rhaid iddo fod yn rhif, yn destun neu’n rhestr ohonynt',
      'Rheolau, highPerforming: disgwyliwyd rhestr, nid "none"',
    ]);

    const twice = { id: 'ddwywaith', text: 'Ddwywaith', all: [condition] };
    expect(
      await rulesSaying(JSON.stringify({ inNeed: [twice, twice], highPerforming: [], areas: [] })),
    ).toEqual(['Rheolau, inNeed[1].id (rheol ddwywaith): mae’r id rheol ddwywaith yn ddyblyg']);
    expect(await rulesSaying('{\n  "inNeed": [],\n  "areas": [],\n}')).toEqual([
      'Nid yw’r rheolau’n JSON dilys: mae’r broblem yn llinell 4, colofn 1',
    ]);
    expect(await rulesSaying('{"inNeed": [}')).toEqual([
      'Nid yw’r rheolau’n JSON dilys: ni ddisgwylir "}" yn y fan honno',
    ]);
    expect(await rulesSaying('{"inNeed": [')).toEqual([
      'Nid yw’r rheolau’n JSON dilys: maen nhw’n dod i ben cyn eu bod yn gyflawn',
    ]);
  });
});
