import { describe, expect, it } from 'vitest';
import type { Db } from '../../../../src/data/db.ts';
import { publishProfileVersion, setActiveProfile } from '../../../../src/data/profiles.ts';
import { NFER_2017_PROFILE } from '../../../../src/domain/classification/profiles/nfer-2017.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { compactMarkup, visibleText } from '../../../helpers/page-text.ts';

const KS2 = 300001;
const KS4 = 300002;
const NO_EVIDENCE = 300003;
const DORSET = 300004;
const OTHER_KS4 = 300005;

async function inspect(db: Db, urn: number, startDate: string, grade: 1 | 2 | 3 | 4) {
  await db
    .insertInto('inspections')
    .values({
      urn,
      inspection_number: `I${urn}`,
      start_date: startDate,
      publication_date: null,
      inspection_type: 'Section 5',
      era: 'legacy',
      overall_effectiveness: grade,
      key_judgements: JSON.stringify({}),
      report_card: JSON.stringify({}),
      safeguarding_met: null,
      category: null,
      estyn_follow_up: null,
      raw: JSON.stringify({}),
    })
    .execute();
}

async function ks4(db: Db, urn: number, progress8: number, raw: Record<string, string>) {
  await db
    .insertInto('performance')
    .values({
      urn,
      year: 2019,
      key_stage: 4,
      status: 'final',
      cohort: 150,
      rwm_expected_percent: null,
      reading_expected_percent: null,
      writing_expected_percent: null,
      maths_expected_percent: null,
      reading_progress: null,
      writing_progress: null,
      maths_progress: null,
      progress8,
      attainment8: 48.1,
      english_maths5_percent: 47,
      raw: JSON.stringify(raw),
    })
    .execute();
}

async function seed(db: Db) {
  await insertSchool(db, { urn: KS2, name: 'Abbey Hey Primary Academy', town: 'Manchester' });
  await inspect(db, KS2, '2019-03-13', 1);
  await db
    .insertInto('performance')
    .values({
      urn: KS2,
      year: 2019,
      key_stage: 2,
      status: 'final',
      cohort: 60,
      rwm_expected_percent: 71,
      reading_expected_percent: 80,
      writing_expected_percent: 78,
      maths_expected_percent: 82,
      reading_progress: -0.04,
      writing_progress: 1.2,
      maths_progress: 2.5,
      progress8: null,
      attainment8: null,
      english_maths5_percent: null,
      raw: JSON.stringify({ PTRWM_HIGH: '12%' }),
    })
    .execute();
  await db
    .insertInto('school_links')
    .values([
      {
        urn: KS2,
        link_urn: 105386,
        link_name: 'Abbey Hey Primary School',
        link_type: 'Predecessor - merged',
        link_date: '2013-03-08',
      },
      {
        urn: KS2,
        link_urn: KS4,
        link_name: 'Old name of the high school',
        link_type: 'Successor',
        link_date: null,
      },
    ])
    .execute();
  // Found by the words of the exact name too, and ahead of it in name order.
  await insertSchool(db, { urn: 300010, name: 'Abbey Academy Hey Primary', town: 'Manchester' });
  await insertSchool(db, { urn: 300011, name: 'Abbey Hey Primary Acadmy', town: 'Manchester' });
  await insertSchool(db, { urn: KS4, name: 'Eltham Hill School', phase: 'secondary' });
  await inspect(db, KS4, '2019-01-15', 2);
  await ks4(db, KS4, -0.04, { P8CILOW: '-0.20', P8CIUPP: '0.12' });
  await insertSchool(db, { urn: OTHER_KS4, name: 'Another High School', phase: 'secondary' });
  await ks4(db, OTHER_KS4, 0.1, {});
  await insertSchool(db, { urn: NO_EVIDENCE, name: 'New Free School' });
  await insertSchool(db, {
    urn: DORSET,
    name: 'Wimborne First School',
    laCode: '835',
    laName: 'Pre-LGR 2019 Dorset',
  });
}

/** The page's main text, without markup (attributes hold ISO dates and URLs legitimately). */
const textOf = (html: string) => visibleText(html.slice(html.indexOf('<main')));

describe('pages that read right to a school leader', () => {
  const t = useTestApp(seed, { fresh: 'test' });

  it('links a school to its pages on Get Information about Schools, performance tables and Ofsted, by URN', async () => {
    const page = await t.app.inject(`/schools/${KS2}`);
    const links = [
      ...compactMarkup(page.body).matchAll(/<li>\s*<a class="govuk-link" href="(https:[^"]+)">([^<]+)<\/a>/g),
    ].map((m) => [m[2]!.replace(/\s+/g, ' ').trim(), m[1]]);
    expect(links).toEqual([
      [
        'Get Information about Schools',
        `https://get-information-schools.service.gov.uk/Establishments/Establishment/Details/${KS2}`,
      ],
      [
        'School performance (Compare school and college performance)',
        `https://www.find-school-performance-data.service.gov.uk/school/${KS2}`,
      ],
      ['Ofsted inspection reports', `https://reports.ofsted.gov.uk/search?q=${KS2}`],
    ]);
  });

  it('shows KS2 results at the higher standard where the data has them, and no "-0.0"', async () => {
    const text = textOf((await t.app.inject(`/schools/${KS2}`)).body);
    expect(text).toContain('Reading, writing and maths: higher standard 12%');
    expect(text).toContain('Reading progress score 0.0');
    expect(text).not.toMatch(/[-−]0\.0\b/);
  });

  it('shows Progress 8 with its confidence interval, and says when it is not clearly different from national', async () => {
    const text = textOf((await t.app.inject(`/schools/${KS4}`)).body);
    expect(text).toContain('Progress 8 score (95% confidence interval) −0.04 (−0.20 to +0.12)');
    expect(text).toContain('Not clearly different from national');
  });

  it('writes dates as "13 March 2019" everywhere, the reasons too, without repeating the grade', async () => {
    const text = textOf((await t.app.inject(`/schools/${KS2}`)).body);
    expect(text).toContain('Outstanding at the latest inspection (inspection of 13 March 2019)');
    expect(text).toContain('Inspection started 13 March 2019');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).not.toContain('overall effectiveness Outstanding');
  });

  it('says a trust is not recorded in this data when no school records one, and "not part of a trust" when the data has them', async () => {
    expect(textOf((await t.app.inject(`/schools/${KS2}`)).body)).toContain(
      'Trust or federation Not recorded in this data',
    );
    await t.db
      .updateTable('schools')
      .set({ trust: 'Bright Futures Educational Trust' })
      .where('urn', '=', KS4)
      .execute();
    expect(textOf((await t.app.inject(`/schools/${KS2}`)).body)).toContain(
      'Trust or federation Not part of a trust or federation',
    );
    expect(textOf((await t.app.inject(`/schools/${KS4}`)).body)).toContain(
      'Trust or federation Bright Futures Educational Trust',
    );
  });

  it('says "not enough evidence" as such rather than "neither"', async () => {
    await t.app.snapshots.get();
    const text = textOf((await t.app.inject(`/schools/${NO_EVIDENCE}`)).body);
    expect(text).toMatch(/Group Not enough evidence under the NFER 2017/);
    expect(text).not.toMatch(/Group Neither/);
  });

  it('shows the predecessor and successor schools GIAS links, to their profile here or their GIAS page', async () => {
    const page = await t.app.inject(`/schools/${KS2}`);
    const text = textOf(page.body);
    expect(text).toContain('Abbey Hey Primary School 105386 Predecessor (merged) 8 March 2013');
    expect(text).toContain(`Eltham Hill School ${KS4} Successor Not recorded`);
    expect(page.body).toContain(
      'href="https://get-information-schools.service.gov.uk/Establishments/Establishment/Details/105386"',
    );
    expect(page.body).toContain(`href="/schools/${KS4}">Eltham Hill School</a>`);
  });

  it('flags an inspection older than the active profile counts as evidence, with its age', async () => {
    const { version: _version, ...nfer } = NFER_2017_PROFILE;
    await publishProfileVersion(
      t.db,
      { ...nfer, name: 'recent-evidence', title: 'Recent evidence', maxInspectionAgeYears: 4 },
      null,
    );
    await setActiveProfile(t.db, 'recent-evidence', null);
    await t.app.snapshots.refresh();
    const years = Math.floor((Date.now() - Date.parse('2019-03-13')) / (365.25 * 24 * 3600 * 1000));
    const text = textOf((await t.app.inject(`/schools/${KS2}`)).body);
    expect(text).toContain(
      `This inspection is ${years} years old: older than the 4 years the Recent evidence performance profile counts as current evidence.`,
    );
  });

  it('shows each result with its phase, group, latest inspection and date, and local authorities by their names today', async () => {
    await t.app.snapshots.get();
    const page = await t.app.inject('/?q=school');
    const text = textOf(page.body);
    expect(text).toContain('Eltham Hill School Secondary · Community school · URN 300002');
    expect(text).toMatch(
      /Eltham Hill School .*? Neither in need nor high-performing Ofsted: Good, 15 January 2019/,
    );
    expect(text).toMatch(/Wimborne First School .*?· Dorset Not enough evidence No inspection recorded/);
    expect(page.body).toContain('<option value="835">Dorset</option>');
    expect(page.body).not.toContain('Pre-LGR');
  });

  it('offers only the phases that have schools, and claims only the countries it holds', async () => {
    const page = await t.app.inject('/');
    const phases = [...page.body.matchAll(/<option value="([a-z-]*)"[^>]*>[^<]*<\/option>/g)]
      .map((m) => m[1])
      .filter((v) => ['', 'primary', 'secondary', 'nursery', 'special', 'middle'].includes(v!));
    expect(phases.slice(0, 3)).toEqual(['', 'primary', 'secondary']);
    expect(page.body).not.toContain('value="nursery"');
    expect(textOf(page.body)).toContain('Search every school in England,');
  });

  it('puts the school whose name was typed in full first, however it was typed, and a misspelt name after it', async () => {
    for (const q of ['Abbey Hey Primary Academy', 'abbey  hey primary ACADEMY ', 'abbey hey']) {
      const api = (await t.app.inject(`/api/schools?q=${encodeURIComponent(q)}`)).json();
      expect(api.items[0]).toMatchObject({ urn: KS2 });
    }
    const misspelt = (await t.app.inject('/api/schools?q=Abbey%20Hey%20Primary%20Acadmy')).json();
    expect(misspelt.items[0]).toMatchObject({ urn: 300011 });
    const text = textOf((await t.app.inject('/?q=Abbey+Hey+Primary+Academy')).body);
    expect(text.indexOf('Abbey Hey Primary Academy')).toBeLessThan(text.indexOf('Abbey Academy Hey Primary'));
  });

  it('answers an offset past the last page with the last page, saying so', async () => {
    const page = await t.app.inject('/?q=school&limit=2&offset=400');
    const text = textOf(page.body);
    expect(text).toContain('4 schools found');
    expect(text).toContain('this is the last page');
    expect(page.body.match(/<h3 class="govuk-heading-s/g)).toHaveLength(2);
    const api = (await t.app.inject('/api/schools?q=school&limit=2&offset=400')).json();
    expect(api).toMatchObject({ total: 4, offset: 2 });
    expect(api.items).toHaveLength(2);
  });
});
