import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../helpers/app.ts';
import { insertPractice } from '../../../helpers/practice.ts';
import { insertSchool } from '../../../helpers/schools.ts';

const URN = 662001;

/**
 * Practice search on a seeded set whose right answers are known: a record whose title says what
 * was asked ranks above one whose summary says it, which ranks above one that says it only in its
 * account; words match through English stemming; stronger evidence lifts an equal match; records
 * that do not say it are not found; drafts and withdrawn records never are.
 */
describe('practice search ranks records by how well they match', () => {
  const t = useTestApp(
    async (db) => {
      await insertSchool(db, { urn: URN, name: 'Ashgrove Primary School' });
    },
    { fresh: 'file' },
  );
  const ids: Record<string, number> = {};
  const plain = {
    whatWeDid: 'Staff met weekly.',
    whatChanged: 'Pupils did better.',
    howWeKnow: 'Termly checks.',
    resources: 'Some staff time.',
  };

  beforeAll(async () => {
    const put = async (
      key: string,
      content: Record<string, unknown>,
      extra: Parameters<typeof insertPractice>[1] = { urn: URN },
    ) => {
      ids[key] = await insertPractice(t.db, {
        state: 'published',
        ...extra,
        urn: URN,
        content: { ...plain, ...content },
      });
    };
    await put('inBody', {
      title: 'Whole-school reading',
      summary: 'Reading for pleasure across every class.',
      whatWeDid: 'Teachers added a short phonics check to guided reading.',
    });
    await put('inTitle', {
      title: 'Phonics catch-up in Year 1',
      summary: 'Small groups for pupils behind in reading.',
    });
    await put('inSummary', {
      title: 'Early reading',
      summary: 'Daily phonics sessions for pupils in Reception.',
    });
    await put('unrelated', {
      title: 'Attendance calls home',
      summary: 'A call on the first morning of absence.',
    });
    // Text that would match, never shown: a draft and a withdrawn record.
    await put('draft', { title: 'Phonics for parents', summary: 'Workshops.' }, { urn: URN, state: 'draft' });
    await put('withdrawn', { title: 'Phonics in Year 2', summary: 'Catch-up.' });
    await t.db
      .updateTable('practice_records')
      .set({ withdrawn_at: new Date() })
      .where('id', '=', ids.withdrawn!)
      .execute();
    // Two records that say the same; one with evidence S2S could back with figures.
    await put('ownAccount', { title: 'Mentors for early career teachers', summary: 'Weekly meetings.' });
    await put(
      'dataBacked',
      { title: 'Mentors for early career teachers', summary: 'Weekly meetings.' },
      { urn: URN, evidence: 'data-backed' },
    );
    await put('welsh', { title: 'Darllen ar y cyd', summary: 'Darllen bob bore.', language: 'cy' });
  });

  const search = async (query: string) => {
    const response = await t.app.inject(`/api/practice?${query}`);
    expect(response.statusCode).toBe(200);
    return response.json() as { total: number; items: { id: number; matched: string[] }[] };
  };

  it('puts a title match first, then a summary match, then one in the account, and leaves out the rest', async () => {
    const found = await search('q=phonics');
    expect(found.items.map((i) => i.id)).toEqual([ids.inTitle, ids.inSummary, ids.inBody]);
    expect(found.total).toBe(3);
    expect(found.items[0]!.matched.join(' ')).toMatch(/title/i);
    expect(found.items[2]!.matched.join(' ')).not.toMatch(/title/i);
  });

  it('matches other forms of a word through English stemming', async () => {
    expect((await search('q=mentoring')).items.map((i) => i.id)).toEqual([ids.dataBacked, ids.ownAccount]);
  });

  it('ranks a match with stronger evidence above the same match on the school’s own account', async () => {
    const found = await search('q=mentors%20teachers');
    expect(found.items.map((i) => i.id)).toEqual([ids.dataBacked, ids.ownAccount]);
  });

  it('finds Welsh text as written', async () => {
    expect((await search('q=darllen')).items.map((i) => i.id)).toEqual([ids.welsh]);
  });

  it('filters by evidence without changing the order within what is left', async () => {
    expect((await search('q=mentors&evidence=data-backed')).items.map((i) => i.id)).toEqual([ids.dataBacked]);
  });
});
