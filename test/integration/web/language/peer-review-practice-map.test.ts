import { describe, expect, it } from 'vitest';
import { saveJudgement } from '../../../../src/data/peer-review/report.ts';
import { saveReviewer } from '../../../../src/data/peer-review/reviewers.ts';
import { addToTeam } from '../../../../src/data/peer-review/team.ts';
import { createOrganisation, createUser, signIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { finalReport, joinedGroup, scheduledCycle } from '../../../helpers/peer-review.ts';
import { insertPractice } from '../../../helpers/practice.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import {
  englishLeftIn,
  frameworkEnglish,
  frameworkEnglishIn,
  inWelsh,
} from '../../../helpers/untranslated.ts';
import { scriptWords, visibleText } from '../../../helpers/page-text.ts';

const [DERW, BEDW, CELYN, ONNEN] = [643001, 643002, 643003, 643004];

const FRAMEWORK_ENGLISH = frameworkEnglish(new URL('../../../../frameworks/peer-review/', import.meta.url));

/** Peer review, good practice and the map in Welsh: none of the catalogue's English may show. */
describe('peer review, good practice and the map in Welsh', () => {
  const t = useTestApp(
    async (db) => {
      await insertSchool(db, { urn: DERW, name: 'Ysgol y Derw' });
      await insertSchool(db, { urn: BEDW, name: 'Ysgol y Bedw' });
      await insertSchool(db, { urn: CELYN, name: 'Ysgol y Celyn' });
      await insertSchool(db, { urn: ONNEN, name: 'Ysgol yr Onnen' });
      const derwAdmin = await createUser(db, {
        email: 'derw@ysgol.example',
        schools: [{ urn: DERW, role: 'admin' }],
      });
      const lead = await createUser(db, {
        email: 'bedw@ysgol.example',
        name: 'Bethan Arwain',
        schools: [{ urn: BEDW, role: 'admin' }],
      });
      const moderator = await createUser(db, {
        email: 'onnen@ysgol.example',
        name: 'Morgan Cymedroli',
        schools: [{ urn: ONNEN }],
      });
      const trained = { trainedOn: '2025-09-01', trainedBy: 'Canolfan y De', experience: '' };
      await saveReviewer(db, lead.id, { homeUrn: BEDW, earlierReviews: 3, ...trained }, lead);
      await saveReviewer(db, moderator.id, { homeUrn: ONNEN, earlierReviews: 4, ...trained }, moderator);
      await createOrganisation(db, {
        name: 'Consortiwm y Gorllewin',
        schools: [{ urn: DERW, sharesRecords: true }],
      });
      const urns = [DERW, BEDW, CELYN];
      const groupId = await joinedGroup(db, { name: 'Clwstwr Tawe', urns }, derwAdmin);
      const { reviews } = await scheduledCycle(
        db,
        { groupId, urns, moderatorUserId: moderator.id },
        derwAdmin,
      );
      await addToTeam(
        db,
        reviews.get(DERW)!,
        { userId: lead.id, role: 'lead', conflicts: [], override: null },
        derwAdmin,
      );
      await finalReport(
        db,
        reviews.get(DERW)!,
        [
          {
            focusArea: 'literacy',
            kind: 'area-to-develop',
            finding: 'Mae angen mwy o ddarllen ym mlwyddyn 5',
          },
        ],
        lead,
      );
    },
    { fresh: 'file' },
  );

  const { page: welsh } = inWelsh(() => t.app);
  const idOf = async (table: 'peer_review_groups' | 'peer_review_cycles') =>
    (await t.db.selectFrom(table).select('id').executeTakeFirstOrThrow()).id;
  const reviewOf = async (urn: number) =>
    (await t.db.selectFrom('peer_reviews').select('id').where('host_urn', '=', urn).executeTakeFirstOrThrow())
      .id;

  it('shows peer review’s pages in Welsh: the hub, a group, its cycle, a review, a finding, the register and the figures', async () => {
    const host = await signIn(t.app, t.db, {
      email: 'derw2@ysgol.example',
      schools: [{ urn: DERW, role: 'admin' }],
    });
    const group = await idOf('peer_review_groups');
    const cycle = await idOf('peer_review_cycles');
    const final = await reviewOf(DERW);
    const planned = await reviewOf(BEDW);
    const finding = (
      await t.db
        .selectFrom('peer_review_findings')
        .select('id')
        .where('review_id', '=', final)
        .executeTakeFirstOrThrow()
    ).id;

    const hub = await welsh('/peer-review', host);
    expect(hub).toContain('Adolygiad gan gymheiriaid');
    expect(hub).toContain('Wedi cytuno i gymryd rhan');
    const review = await welsh(`/peer-review/reviews/${final}`, host);
    expect(review).toContain('Gwell fyth pe bai');
    expect(review).toContain('Gweithredu ar hyn a dod o hyd i gymorth');
    const act = await welsh(`/peer-review/findings/${finding}`, host);
    expect(act).toContain('Gweithredu ar ganfyddiad');
    expect(act).toContain('Llythrennedd (darllen, ysgrifennu, Saesneg)');
    for (const [url, html] of [
      ['/peer-review', hub],
      [`/peer-review/reviews/${final}`, review],
      [`/peer-review/findings/${finding}`, act],
      [`/peer-review/groups/${group}`, await welsh(`/peer-review/groups/${group}`, host)],
      [
        `/peer-review/groups/${group}/cycles/new`,
        await welsh(`/peer-review/groups/${group}/cycles/new`, host),
      ],
      [`/peer-review/cycles/${cycle}`, await welsh(`/peer-review/cycles/${cycle}`, host)],
      [`/peer-review/reviews/${planned}`, await welsh(`/peer-review/reviews/${planned}`, host)],
      ['/peer-review/groups/new', await welsh('/peer-review/groups/new', host)],
      ['/peer-review/reviewer', await welsh('/peer-review/reviewer', host)],
      ['/peer-review/summary', await welsh('/peer-review/summary', host)],
      ['/peer-review/summary?by=la', await welsh('/peer-review/summary?by=la')],
    ] as const)
      expect(englishLeftIn(html), url).toEqual([]);
  });

  it('shows the peer-review framework in Welsh: its areas, their prompts and evidence, its scale and its name', async () => {
    const host = await signIn(t.app, t.db, {
      email: 'derw3@ysgol.example',
      schools: [{ urn: DERW, role: 'admin' }],
    });
    const reviewer = await signIn(t.app, t.db, {
      email: 'adolygydd@ysgol.example',
      name: 'Rhys Adolygu',
      schools: [{ urn: ONNEN }],
    });
    const planned = await reviewOf(CELYN);
    await addToTeam(
      t.db,
      planned,
      { userId: reviewer.user.id, role: 'reviewer', conflicts: [], override: null },
      host.user,
    );
    await saveJudgement(
      t.db,
      planned,
      { areaId: 'pupils-outcomes', judgement: 2, evidence: 'Gwrando ar ddarllenwyr' },
      reviewer.user,
    );
    const review = await welsh(`/peer-review/reviews/${planned}`, reviewer);
    const text = visibleText(review);
    expect(text).toContain('Cynnydd a chanlyniadau disgyblion: Yn datblygu');
    expect(text).toContain(
      'Pa mor dda y mae disgyblion yn darllen, a pha mor dda y caiff darllenwyr gwannach',
    );
    expect(text).toContain(
      'Tystiolaeth: Canlyniadau cyhoeddedig dros dair blynedd; Gwybodaeth asesu’r ysgol ei hun;',
    );
    expect(text).toContain('Angen sylw ar frys: Mae gwendidau yma’n dal disgyblion yn ôl nawr');
    const group = await idOf('peer_review_groups');
    const cycleForm = await welsh(`/peer-review/groups/${group}/cycles/new`, host);
    expect(visibleText(cycleForm)).toContain('Adolygu cydweithredol gan gymheiriaid');
    for (const [url, html] of [
      [`/peer-review/reviews/${planned}`, review],
      [`/peer-review/groups/${group}/cycles/new`, cycleForm],
      [
        `/peer-review/reviews/${await reviewOf(DERW)}`,
        await welsh(`/peer-review/reviews/${await reviewOf(DERW)}`, host),
      ],
    ] as const) {
      expect(frameworkEnglishIn(html, FRAMEWORK_ENGLISH), url).toEqual([]);
      expect(englishLeftIn(html), url).toEqual([]);
    }
    // An English reader sees the framework as written.
    const english = await t.app.inject({
      url: `/peer-review/reviews/${planned}?lang=en`,
      headers: { cookie: reviewer.cookie },
    });
    expect(visibleText(english.body)).toContain("Pupils' progress and outcomes: Developing");
  });

  it('shows the map in Welsh, and gives its script the Welsh words for its pop-ups, search and leaders', async () => {
    const html = await welsh('/map?by=la');
    expect(html).toContain('Arweinwyr system');
    expect(html).toContain('Gweld yr un ffigurau mewn tabl');
    expect(englishLeftIn(html)).toEqual([]);
    const words = scriptWords(html);
    expect(words).toMatchObject({
      viewProfile: 'Gweld proffil {{name}}',
      nothingHere: 'Dim byd yma: dewiswch ysgol neu ardal.',
      groups: { 'in-need': 'Angen cymorth' },
      focusAreas: { 'welsh-language': 'Datblygu’r Gymraeg' },
    });
    const english = await t.app.inject({ url: '/map?by=la&lang=en' });
    expect(english.body).toContain('View {{name}}&#39;s profile');
  });

  /** A record written in Welsh: the page's own words are what the check reads. */
  const welshContent = (title: string) => ({
    title,
    summary: 'Darllen yn uchel bob bore.',
    whatWeDid: 'Mae disgyblion yn darllen yn uchel mewn parau.',
    resources: 'Deg munud y dydd.',
    whatChanged: 'Mae mwy o ddisgyblion yn darllen yn rhugl.',
    howWeKnow: 'Gwiriadau rhuglder bob tymor.',
    language: 'cy' as const,
  });

  it('shows good practice in Welsh: the library, a record with its moderation, and the moderators’ queue', async () => {
    const published = await insertPractice(t.db, {
      urn: DERW,
      state: 'published',
      content: welshContent('Darllen bob dydd'),
    });
    const waiting = await insertPractice(t.db, {
      urn: DERW,
      state: 'submitted',
      content: welshContent('Rhifedd yn yr awyr agored'),
    });
    const moderator = await signIn(t.app, t.db, { platformAdmin: true });
    const library = await welsh('/practice');
    expect(library).toContain('Arfer da');
    expect(library).toContain('Cyfrif yr ysgol ei hun');
    const record = await welsh(`/practice/${waiting}`, moderator);
    expect(record).toContain('Cymeradwyo a chyhoeddi');
    for (const [url, html] of [
      ['/practice', library],
      ['/practice?q=Nowhere', await welsh('/practice?q=Nowhere')],
      [`/practice/${published}`, await welsh(`/practice/${published}`)],
      [`/practice/${waiting}`, record],
      ['/practice/moderation', await welsh('/practice/moderation', moderator)],
      ['/practice/moderation?done=approved', await welsh('/practice/moderation?done=approved', moderator)],
    ] as const)
      expect(englishLeftIn(html), url).toEqual([]);
  });
});
