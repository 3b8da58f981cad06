import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { saveSchoolDeclaration } from '../../src/data/declarations.ts';
import { signInBrowser } from '../helpers/accounts.ts';
import { expectNoAxeViolations, shownText } from '../helpers/browser.ts';
import { useBrowserApp } from '../helpers/browser-app.ts';
import { insertMatchingDataset } from '../helpers/matching-dataset.ts';

/** From the matching dataset: the school looking for partners, and its best-placed partner. */
const SEEKER = 200001;
const BEACON = 200002;
const TITLE = 'Whole-class reading in Year 5';
/** Each step runs axe on several pages, which takes a while on a shared machine. */
const SLOW = 240_000;

describe('good practice in Chromium: published, moderated, then found from a partner search', () => {
  const served = useBrowserApp(insertMatchingDataset);

  /** A page signed in as a new user with these roles. */
  async function pageAs(spec: Parameters<typeof signInBrowser>[3]): Promise<Page> {
    const context = await served.browser.newContext();
    await signInBrowser(context, served.url, served.db, spec);
    const page = await context.newPage();
    return page;
  }

  let recordUrl = '';

  it(
    'lets a school’s member write a draft and send it for moderation',
    async () => {
      const author = await pageAs({ schools: [{ urn: BEACON }] });
      await author.goto(`${served.url}/practice`);
      await expectNoAxeViolations(author);
      await author.getByRole('button', { name: 'Share your practice' }).click();
      await author.waitForURL(/\/practice\/new$/);
      await expectNoAxeViolations(author);
      await author.getByLabel('Title', { exact: true }).fill(TITLE);
      await author
        .getByLabel('Summary', { exact: true })
        .fill('Reading one shared text aloud as a class, every day, lifted fluency.');
      await author
        .getByLabel('What you did')
        .fill('Teachers read a chapter aloud, then pupils read it back in pairs.');
      await author.getByLabel('Primary', { exact: true }).check();
      await author.getByLabel('All pupils').check();
      await author.getByLabel('Literacy (reading, writing, English)').check();
      await author.getByLabel('Staff time and cost').fill('Twenty minutes a day; £200 for class sets.');
      await author.getByLabel('What changed').fill('More pupils read at the expected pace.');
      await author.getByLabel('How you know').fill('Termly fluency checks.');
      await author.getByRole('button', { name: 'Save as a draft' }).click();
      await author.waitForURL(/\/practice\/\d+$/);
      recordUrl = author.url();
      expect(await shownText(author.locator('h1'))).toBe(TITLE);
      await expectNoAxeViolations(author);
      await author.getByRole('button', { name: 'Send for moderation' }).click();
      await author.waitForURL(recordUrl);
      expect(await author.getByText('Waiting for moderation').count()).toBeGreaterThan(0);
      await expectNoAxeViolations(author);
    },
    SLOW,
  );

  it(
    'lets a moderator find it in the queue and approve it',
    async () => {
      const moderator = await pageAs({ platformAdmin: true });
      await moderator.goto(`${served.url}/practice`);
      await moderator.getByRole('link', { name: 'Practice to moderate' }).click();
      await moderator.waitForURL(/\/practice\/moderation$/);
      await expectNoAxeViolations(moderator);
      await moderator.getByRole('link', { name: TITLE }).click();
      await moderator.waitForURL(recordUrl);
      await expectNoAxeViolations(moderator);
      await moderator.getByRole('button', { name: 'Approve and publish' }).click();
      await moderator.waitForURL(/\/practice\/moderation\?done=approved$/);
      expect(await moderator.getByText('You approved the record: it is now public.').count()).toBe(1);
      await expectNoAxeViolations(moderator);
    },
    SLOW,
  );

  it(
    'shows it beside the partner a school needing literacy is offered, and in the library',
    async () => {
      // The seeking school has said it needs help with literacy (its settings page, tested elsewhere).
      const seekerContext = await served.browser.newContext();
      const seekerMember = await signInBrowser(seekerContext, served.url, served.db, {
        schools: [{ urn: SEEKER }],
      });
      await saveSchoolDeclaration(
        served.db,
        { urn: SEEKER, capacityToSupport: 0, needs: ['literacy'] },
        seekerMember,
      );
      const seeker = await seekerContext.newPage();
      await seeker.goto(`${served.url}/schools/${SEEKER}/partners?strategy=support`);
      const beacon = seeker.locator('.s2s-candidates > li').filter({ hasText: 'Beacon Primary School' });
      expect(await shownText(beacon)).toContain(
        'Has published practice on Literacy (reading, writing, English)',
      );
      await expectNoAxeViolations(seeker);
      await beacon.getByRole('link', { name: TITLE }).click();
      await seeker.waitForURL(recordUrl);
      expect(await seeker.getByText('Report a problem with this record').count()).toBe(1);
      await expectNoAxeViolations(seeker);

      // Anyone finds it in the library, and sees why it matched.
      const visitor = await (await served.browser.newContext()).newPage();
      await visitor.goto(`${served.url}/practice`);
      await visitor.getByLabel('Search practice').fill('fluency');
      await visitor.getByRole('button', { name: 'Search' }).click();
      await visitor.waitForURL(/q=fluency/);
      expect(await visitor.getByRole('link', { name: TITLE }).count()).toBe(1);
      expect(await visitor.getByText('Matched: words in the summary').count()).toBe(1);
      await expectNoAxeViolations(visitor);
      await visitor.goto(`${served.url}/practice/evidence`);
      await expectNoAxeViolations(visitor);
      await visitor.goto(`${served.url}/schools/${BEACON}`);
      expect(await visitor.getByRole('heading', { name: 'Good practice it has shared' }).count()).toBe(1);
      await expectNoAxeViolations(visitor);
    },
    SLOW,
  );

  it(
    'lets the school change its published record in the edit form, a refused change named beside its field',
    async () => {
      const author = await pageAs({ schools: [{ urn: BEACON }] });
      await author.goto(recordUrl);
      await author.getByRole('button', { name: 'Change the record' }).click();
      await author.waitForURL(/\/practice\/\d+\/edit$/);
      expect(await shownText(author.locator('h1'))).toContain('Change your practice record');
      expect(await author.getByLabel('Title', { exact: true }).inputValue()).toBe(TITLE);
      await expectNoAxeViolations(author);
      // An empty summary is refused: the error summary and the field's message, still axe clean.
      await author.getByLabel('Summary', { exact: true }).fill('');
      await author.getByRole('button', { name: 'Save as a draft' }).click();
      await author.waitForLoadState();
      expect(await author.locator('.govuk-error-summary').count()).toBe(1);
      await expectNoAxeViolations(author);
      await author
        .getByLabel('Summary', { exact: true })
        .fill('Reading one shared text aloud as a class, every day, lifted fluency in Year 5.');
      await author.getByRole('button', { name: 'Save as a draft' }).click();
      await author.waitForURL(recordUrl);
      await expectNoAxeViolations(author);
    },
    SLOW,
  );
});
