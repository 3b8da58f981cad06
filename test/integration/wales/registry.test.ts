import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/ingest/import-file.ts';
import { useTestApp } from '../../helpers/app.ts';
import { fixture } from '../../helpers/fixtures.ts';

const LIST = fixture('wales/240410-address-list-schools-wales-maintained.csv');

describe('Welsh schools in the registry beside English ones', () => {
  const t = useTestApp(
    async (db) => {
      await importFile(db, 'gias', fixture('edubasealldata20250422.csv'));
      await importFile(db, 'wales-schools', LIST);
    },
    { fresh: 'file' },
  );

  it('answers a Welsh school by its LA and school number, with its Welsh context', async () => {
    const res = await t.app.inject({ url: '/api/schools/6814901' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      urn: 6814901,
      name: 'Ysgol Gyfun Enghraifft',
      country: 'Wales',
      languageMedium: 'bilingual',
      wales: {
        languageMedium: 'bilingual',
        welshMediumType: 'Bilingual (Category B)',
        consortium: 'csc',
        consortiumEra: 'September 2021 to 2024',
        estynInspections: [],
        enoughEvidence: false,
      },
    });
    // An English school has no Welsh context, and its six-digit URN never meets a Welsh number.
    const english = await t.app.inject({ url: '/api/schools/100000' });
    expect(english.json()).toMatchObject({ urn: 100000, country: 'England', wales: null });
    expect((await t.app.inject({ url: '/api/schools/6814902' })).statusCode).toBe(404);
  });

  it('finds Welsh schools by name, by number and by "Cardiff"', async () => {
    const byName = await t.app.inject({ url: '/api/schools?q=Ysgol%20Gyfun' });
    expect(byName.json().items.map((s: { urn: number }) => s.urn)).toEqual([6814901]);
    const byNumber = await t.app.inject({ url: '/api/schools?q=6602901' });
    expect(byNumber.json().items).toMatchObject([{ urn: 6602901, languageMedium: 'welsh-medium' }]);
    const cardiff = await t.app.inject({ url: '/api/schools?q=Cardiff' });
    // 100005 is a Welsh school the GIAS extract lists under a URN of its own.
    expect(
      cardiff
        .json()
        .items.map((s: { urn: number }) => s.urn)
        .sort(),
    ).toEqual([100005, 6811901, 6812901, 6814901, 6817901]);
  });

  it('shows the Welsh context on the profile, in English and in Welsh, and says when evidence is lacking', async () => {
    const en = await t.app.inject({ url: '/schools/6602901?lang=en' });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('School number 6602901');
    expect(en.body).toContain('Welsh-medium');
    expect(en.body).toContain('GwE (North Wales)');
    expect(en.body).toContain('Not enough evidence: no Estyn inspection is on record');
    const cy = await t.app.inject({ url: '/schools/6602901?lang=cy' });
    expect(cy.body).toContain('Y cyd-destun Cymreig');
    expect(cy.body).toContain('Cyfrwng Cymraeg');
    expect(cy.body).toContain('Dim digon o dystiolaeth');
    const special = await t.app.inject({ url: '/schools/6817901' });
    expect(special.body).toContain('Not applicable: nursery and special schools have no Welsh medium type');
    const english = await t.app.inject({ url: '/schools/100000' });
    expect(english.body).not.toContain('Welsh context');
  });

  it('shows Estyn inspections in their eras, never with a grade', async () => {
    const estyn = { era: 'estyn' as const, raw: '{}', key_judgements: '{}', report_card: '{}' };
    await t.db
      .insertInto('inspections')
      .values([
        { ...estyn, urn: 6812901, start_date: '2019-03-11', estyn_follow_up: 'estyn review' },
        { ...estyn, urn: 6812901, start_date: '2023-05-15', estyn_follow_up: null },
      ])
      .execute();
    const res = await t.app.inject({ url: '/api/schools/6812901' });
    expect(res.json().wales).toMatchObject({
      enoughEvidence: true,
      estynInspections: [
        { startDate: '2023-05-15', era: 'narrative', followUp: null },
        { startDate: '2019-03-11', era: 'summary-judgements', followUp: 'estyn review' },
      ],
    });
    const page = await t.app.inject({ url: '/schools/6812901' });
    expect(page.body).toContain(
      'narrative report with no summative grade (since September 2022), no follow-up',
    );
    expect(page.body).toContain(
      'report with summary judgements (framework to 2022), follow-up: estyn review',
    );
    expect(page.body).not.toContain('id="welsh-evidence"');
  });
});
