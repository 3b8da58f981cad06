import { describe, expect, it } from 'vitest';
import { WALES_PROFILE } from '../../../src/domain/classification/index.ts';
import { importFile } from '../../../src/ingest/import-file.ts';
import { useTestApp } from '../../helpers/app.ts';
import { fixture } from '../../helpers/fixtures.ts';
import { visibleText } from '../../helpers/page-text.ts';
import { fingerprint } from '../../helpers/site.ts';

const LIST = fixture('wales/240410-address-list-schools-wales-located.csv');
const ESTYN = fixture('wales/240301-estyn-inspection-outcomes.csv');
const CATEGORISATION = fixture('wales/190117-national-school-categorisation.csv');
const IN_NEED = 6812911;
const EXCELLENT = 6812912;
const NARRATIVE = 6812913;
const GREEN = 6812914;

describe('Welsh evidence: Estyn outcomes and the national categorisation', () => {
  const t = useTestApp(async (db) => {
    await importFile(db, 'wales-schools', LIST);
    await importFile(db, 'estyn', ESTYN);
    await importFile(db, 'wales-categorisation', CATEGORISATION);
  });

  it('imports Estyn’s summary judgements and follow-up in their eras, and the support categories by year', async () => {
    const inspections = await t.db
      .selectFrom('inspections')
      .select(['urn', 'start_date', 'era', 'estyn_follow_up', 'estyn_judgements', 'overall_effectiveness'])
      .orderBy('urn')
      .orderBy('start_date', 'desc')
      .execute();
    expect(inspections).toEqual([
      {
        urn: IN_NEED,
        start_date: '2019-03-12',
        era: 'estyn',
        estyn_follow_up: 'estyn review',
        estyn_judgements: { standards: 3, wellbeing: 2, teaching: 3, care: 2, leadership: 2 },
        overall_effectiveness: null,
      },
      expect.objectContaining({
        urn: IN_NEED,
        start_date: '2012-02-07',
        estyn_judgements: { currentPerformance: 2, prospects: 2 },
      }),
      expect.objectContaining({
        urn: EXCELLENT,
        estyn_judgements: { standards: 1, wellbeing: 1, teaching: 2, care: 2, leadership: 1 },
      }),
      // A narrative report: no judgements invented.
      expect.objectContaining({
        urn: NARRATIVE,
        start_date: '2023-10-02',
        estyn_follow_up: null,
        estyn_judgements: {},
      }),
      // Local authority monitoring is not an Estyn follow-up category; the row keeps what was published.
      expect.objectContaining({ urn: GREEN, estyn_follow_up: null }),
    ]);
    const categories = await t.db
      .selectFrom('welsh_categorisations')
      .select(['urn', 'year', 'support_category'])
      .orderBy('urn')
      .orderBy('year')
      .execute();
    expect(categories).toEqual([
      { urn: IN_NEED, year: 2018, support_category: 'yellow' },
      { urn: IN_NEED, year: 2019, support_category: 'amber' },
      { urn: EXCELLENT, year: 2018, support_category: 'green' },
      { urn: EXCELLENT, year: 2019, support_category: 'green' },
      { urn: GREEN, year: 2019, support_category: 'green' },
    ]);
  });

  it('skips a school not in the registry and changes nothing on a second import of the same files', async () => {
    const estyn = await importFile(t.db, 'estyn', ESTYN);
    expect(estyn).toMatchObject({ kind: 'estyn', inserted: 0, updated: 0, unchanged: 5, asOf: '2023-10-02' });
    expect(estyn.skipped).toEqual([
      { reason: 'URN not in the registry (import the GIAS extract first)', count: 1 },
    ]);
    const categorisation = await importFile(t.db, 'wales-categorisation', CATEGORISATION);
    expect(categorisation).toMatchObject({ inserted: 0, updated: 0, unchanged: 5, asOf: '2019-01' });
  });

  it.each([
    [
      'estyn',
      'wales/estyn-bad-rows.csv',
      [
        /row 2, field "Standards": "Fair" is not an Estyn judgement/,
        /row 3, field "Standards": "Good" for an inspection of 2023-10-02: Estyn has given no summary judgements since September 2022/,
        /row 4, field "Follow-up Activity": "Awaiting" is not an Estyn follow-up activity/,
        /row 5, field "Provider Number": 100001 is not a Welsh LA and school number/,
      ],
    ],
    [
      'wales-categorisation',
      'wales/categorisation-bad-rows.csv',
      [
        /row 2, field "Year": "2018" is not an academic year such as 2018\/19/,
        /row 3, field "Support Category": "Blue" is not a support category/,
        /row 5, field "School Number": the categorisation of 6812914 for 2018\/19 appears twice \(first on row 4\)/,
      ],
    ],
  ] as const)(
    'refuses a bad %s file, naming file, row and field, and writes nothing',
    async (kind, name, messages) => {
      const before = await fingerprint(t.db);
      const error = await importFile(t.db, kind, fixture(name)).then(
        () => new Error('imported'),
        (e: Error) => e,
      );
      for (const message of messages) expect(error.message).toMatch(message);
      expect(error.message).toContain(name.split('/')[1]);
      expect(await fingerprint(t.db)).toEqual(before);
    },
  );

  it('refuses an Estyn file given as another kind, naming the command that imports it', async () => {
    await expect(importFile(t.db, 'wales-schools', ESTYN)).rejects.toThrow(
      /import it with `s2s import estyn FILE`/,
    );
  });

  it('places Welsh schools by the Welsh profile and gives a school in need Welsh partners, with reasons', async () => {
    const profile = await t.app.inject(`/api/schools/${IN_NEED}`);
    expect(profile.statusCode).toBe(200);
    const res = await t.app.inject(`/api/schools/${IN_NEED}/partners?strategy=support`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.school.group).toBe('in-need');
    expect(body.profile.name).toBe(WALES_PROFILE.name);
    expect(body.school.reasons).toEqual([
      'In Estyn review after its latest Estyn inspection (inspection of 12 March 2019)',
      'Adequate or unsatisfactory in at least one area at its latest Estyn inspection: lowest Estyn judgement Adequate (inspection of 12 March 2019)',
      'Amber or red support category at the latest national categorisation: amber support category (national categorisation 2018/19)',
    ]);
    const candidates = body.candidates as { urn: number; group: string; reasons: string[] }[];
    expect(candidates.map((c) => c.urn).sort()).toEqual([EXCELLENT, GREEN]);
    for (const c of candidates) {
      expect(c.group).toBe('high-performing');
      expect(c.reasons.length).toBeGreaterThan(0);
    }
    expect(candidates.find((c) => c.urn === EXCELLENT)!.reasons).toContain(
      'High-performing: Excellent in at least one area and good or better in all at its latest Estyn inspection: lowest Estyn judgement Good (inspection of 4 December 2018)',
    );

    const page = visibleText((await t.app.inject(`/schools/${IN_NEED}/partners?strategy=support`)).body);
    expect(page).toContain('Ysgol Gymraeg Dau');
    expect(page).toContain('In Estyn review after its latest Estyn inspection');
  });

  it('says “not enough evidence” for a school whose only report is narrative and which has no categorisation', async () => {
    const res = await t.app.inject(`/api/schools/${NARRATIVE}/partners?strategy=support`);
    expect(res.json().school).toMatchObject({
      group: 'other',
      sufficientEvidence: false,
      reasons: ['Not enough evidence to decide: no national categorisation (support category)'],
    });
  });
});
