import { describe, expect, it } from 'vitest';
import type { Db } from '../../../../src/data/db.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { visibleText } from '../../../helpers/page-text.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { englishLeftIn } from '../../../helpers/untranslated.ts';

/** Requires improvement at its inspection of 14 March 2024, with two outstanding schools nearby. */
const IN_NEED = 700001;

async function seed(db: Db) {
  const schools = [
    { urn: IN_NEED, name: 'Ysgol Aber', lat: 53.8, grade: 3, startDate: '2024-03-14' },
    { urn: 700002, name: 'Ysgol Bryn', lat: 53.81, grade: 1, startDate: '2023-05-10' },
    { urn: 700003, name: 'Ysgol y Cwm', lat: 53.79, grade: 1, startDate: '2022-11-02' },
  ] as const;
  for (const { urn, name, lat, grade, startDate } of schools) {
    await insertSchool(db, { urn, name, lat, lon: -1.55, town: 'Leeds' });
    await db
      .insertInto('inspections')
      .values({
        urn,
        start_date: startDate,
        era: 'legacy',
        overall_effectiveness: grade,
        key_judgements: JSON.stringify({}),
        report_card: JSON.stringify({}),
        raw: JSON.stringify({}),
      })
      .execute();
  }
}

describe('the reasons the classification and partner search give, in Welsh', () => {
  const t = useTestApp(seed, { fresh: 'file' });
  const page = async (url: string, language: 'en' | 'cy') => {
    const res = await t.app.inject({ url, headers: { cookie: `s2s-lang=${language}` } });
    expect(res.statusCode, url).toBe(200);
    return { html: res.body, text: visibleText(res.body) };
  };

  it('shows a school’s reasons in Welsh on its Welsh profile, and in English on its English one', async () => {
    const english = await page(`/schools/${IN_NEED}`, 'en');
    expect(english.text).toContain(
      'Requires improvement or inadequate at the latest inspection: Ofsted overall effectiveness Requires improvement (inspection of 14 March 2024)',
    );
    const welsh = await page(`/schools/${IN_NEED}`, 'cy');
    expect(welsh.text).toContain(
      'Angen gwella neu annigonol yn yr arolygiad diweddaraf: effeithiolrwydd cyffredinol Ofsted: Angen gwella (arolygiad 14 Mawrth 2024)',
    );
    expect(welsh.text).not.toContain('at the latest inspection');
  });

  it('shows a school’s latest inspection in Welsh on its Welsh profile, with no English left', async () => {
    const english = await page(`/schools/${IN_NEED}`, 'en');
    expect(english.text).toContain('Overall effectiveness: Requires improvement');
    expect(english.text).toContain('Inspection started 14 March 2024');
    const welsh = await page(`/schools/${IN_NEED}`, 'cy');
    expect(welsh.text).toContain('Effeithiolrwydd cyffredinol: Angen gwella');
    expect(welsh.text).toContain(
      'Arolygiad Ofsted gyda gradd effeithiolrwydd cyffredinol (cyn Medi 2024). Dechreuodd yr arolygiad 14 Mawrth 2024.',
    );
    expect(welsh.text).not.toMatch(/Overall effectiveness|Inspection started|years? ago/);
    expect(englishLeftIn(welsh.html)).toEqual([]);
  });

  it('shows the searching school’s reasons in Welsh on its Welsh partner search', async () => {
    const welsh = await page(`/schools/${IN_NEED}/partners`, 'cy');
    expect(welsh.text).toContain(
      'Angen gwella neu annigonol yn yr arolygiad diweddaraf: effeithiolrwydd cyffredinol Ofsted: Angen gwella (arolygiad 14 Mawrth 2024)',
    );
    expect(welsh.text).not.toContain('Requires improvement or inadequate');
    // Each candidate's reasons: how far, how alike, its group and why, its room for partners.
    expect(welsh.text).toContain(
      'Perfformio’n uchel: Rhagorol yn yr arolygiad diweddaraf (arolygiad 10 Mai 2023)',
    );
    expect(welsh.text).toContain('Lle i 2 bartneriaeth arall');
    expect(welsh.text).not.toMatch(/km away|Capacity for|High-performing/);
    expect(englishLeftIn(welsh.html)).toEqual([]);
  });

  it('still gives the reasons in English, as before, through the API', async () => {
    const res = await t.app.inject({ url: `/api/schools/${IN_NEED}`, headers: { 'accept-language': 'cy' } });
    const { classification } = res.json<{ classification: { reasons: Record<string, unknown>[] } }>();
    expect(classification.reasons.map((r) => [r.ruleId, r.text, Object.keys(r)])).toEqual([
      [
        'nfer.in-need.below-good',
        'Requires improvement or inadequate at the latest inspection: Ofsted overall effectiveness Requires improvement (inspection of 14 March 2024)',
        ['ruleId', 'text', 'values'],
      ],
    ]);
  });
});
