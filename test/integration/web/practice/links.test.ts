import { describe, expect, it } from 'vitest';
import { saveSchoolDeclaration } from '../../../../src/data/declarations.ts';
import { signIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { insertMatchingDataset } from '../../../helpers/matching-dataset.ts';
import { createAcceptedPartnership } from '../../../helpers/partnerships.ts';
import { visibleText } from '../../../helpers/page-text.ts';
import { insertPractice } from '../../../helpers/practice.ts';
import { inWelsh } from '../../../helpers/untranslated.ts';

/** From the matching dataset: the school searching for partners, and its best-placed partner. */
const SEEKER = 200001;
const BEACON = 200002;

describe('the library where the rest of S2S meets it', () => {
  const t = useTestApp(
    async (db) => {
      await insertMatchingDataset(db);
      await insertPractice(db, {
        urn: BEACON,
        state: 'published',
        evidence: 'data-backed',
        content: { title: 'Whole-class reading in Year 5', focusAreas: ['literacy'] },
      });
      await insertPractice(db, {
        urn: BEACON,
        state: 'published',
        content: { title: 'Governors’ learning walks', focusAreas: ['governance'] },
      });
      await insertPractice(db, {
        urn: BEACON,
        state: 'submitted',
        content: { title: 'Maths mastery lessons', focusAreas: ['numeracy'] },
      });
    },
    { fresh: 'test' },
  );

  it('lists a school’s published practice on its profile, and nothing still in moderation', async () => {
    const profile = (await t.app.inject(`/schools/${BEACON}`)).body;
    expect(profile).toContain('Good practice it has shared');
    expect(profile).toMatch(/Whole-class reading in Year 5[\s\S]*Backed by published data/);
    expect(profile).toContain('Governors’ learning walks');
    expect(profile).not.toContain('Maths mastery lessons');
    expect((await t.app.inject(`/schools/${SEEKER}`)).body).not.toContain('Good practice it has shared');
  });

  it('shows a school’s members the practice its candidate partners have published on what it needs', async () => {
    const member = await signIn(t.app, t.db, { schools: [{ urn: SEEKER }] });
    await saveSchoolDeclaration(
      t.db,
      { urn: SEEKER, capacityToSupport: 0, needs: ['literacy'] },
      member.user,
    );
    const url = `/schools/${SEEKER}/partners?strategy=support`;
    const page = (await t.app.inject({ url, headers: { cookie: member.cookie } })).body;
    const beacon = page.slice(page.indexOf('Beacon Primary School'));
    expect(beacon).toContain(
      'Has published practice on Literacy (reading, writing, English); evidence: backed by published data',
    );
    expect(beacon).toContain('Whole-class reading in Year 5');
    expect(page).not.toContain('Governors’ learning walks');
    // What a school needs is its own: nobody else sees it used.
    expect((await t.app.inject(url)).body).not.toContain('Has published practice');
    const welsh = visibleText((await inWelsh(() => t.app).get(url, member)).body);
    expect(welsh).toContain(
      'Wedi cyhoeddi arfer ar Llythrennedd (darllen, ysgrifennu, Saesneg); tystiolaeth: wedi’i gefnogi gan ddata cyhoeddedig',
    );
  });

  it('says in Welsh, on a Welsh page, why a record matched the search', async () => {
    const url = '/practice?q=reading&focus=literacy&evidence=data-backed';
    expect(visibleText((await t.app.inject(url)).body)).toContain(
      'Matched: words in the title; words in the summary; words in the account; focus area: Literacy (reading, writing, English); evidence: Backed by published data',
    );
    expect(visibleText((await inWelsh(() => t.app).get(url)).body)).toContain(
      'geiriau yn y teitl; geiriau yn y crynodeb; geiriau yn yr hanes; maes ffocws: Llythrennedd (darllen, ysgrifennu, Saesneg); tystiolaeth: Wedi’i gefnogi gan ddata cyhoeddedig',
    );
  });

  it('links each focus area of a partnership to the practice in it', async () => {
    const member = await signIn(t.app, t.db, { schools: [{ urn: SEEKER, role: 'admin' }] });
    const id = await createAcceptedPartnership(t.db, {
      title: 'Reading together',
      type: 'peer-to-peer',
      proposer: { urn: SEEKER, role: 'supported' },
      invited: [{ urn: BEACON, role: 'supporting' }],
      createdBy: member.user.id,
      at: new Date().toISOString(),
    });
    await t.db
      .updateTable('partnerships')
      .set({ focus_areas: ['literacy'] })
      .where('id', '=', id)
      .execute();
    const page = (await t.app.inject({ url: `/partnerships/${id}`, headers: { cookie: member.cookie } }))
      .body;
    expect(page).toContain('href="/practice?focus=literacy"');
    const library = (await t.app.inject('/practice?focus=literacy')).body;
    expect(library).toContain('Whole-class reading in Year 5');
    expect(library).not.toContain('Governors’ learning walks');
  });
});
