import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { declareConflict, saveReviewer } from '../../src/data/peer-review/reviewers.ts';
import { createSession } from '../../src/data/sessions.ts';
import { SESSION_COOKIE } from '../../src/web/plugins/session.ts';
import { createUser } from '../helpers/accounts.ts';
import { expectNoAxeViolations } from '../helpers/browser.ts';
import { useBrowserApp } from '../helpers/browser-app.ts';
import { joinedGroup } from '../helpers/peer-review.ts';
import { insertSchool } from '../helpers/schools.ts';

const [ASH, BIRCH, CEDAR, DALE] = [143001, 143002, 143003, 143004];
/** Each step runs axe on several pages, which takes a while on a shared machine. */
const SLOW = 300_000;
const SHOTS = 'test-results';

describe('peer review in Chromium: a cluster of three schedules a cycle, forms a team, and acts on a finding', () => {
  const served = useBrowserApp(async (db) => {
    await insertSchool(db, { urn: ASH, name: 'Ash Primary School' });
    await insertSchool(db, { urn: BIRCH, name: 'Birch Primary School' });
    await insertSchool(db, { urn: CEDAR, name: 'Cedar Primary School' });
    await insertSchool(db, { urn: DALE, name: 'Dale Primary School' });
    const ash = await createUser(db, {
      email: 'ash@example.org',
      name: 'Ava Head',
      schools: [{ urn: ASH, role: 'admin' }],
    });
    const bea = await createUser(db, {
      email: 'bea@example.org',
      name: 'Bea Lead',
      schools: [{ urn: BIRCH, role: 'admin' }],
    });
    const cy = await createUser(db, {
      email: 'cy@example.org',
      name: 'Cy Conflicted',
      schools: [{ urn: CEDAR }],
    });
    const eli = await createUser(db, {
      email: 'eli@example.org',
      name: 'Eli Reviewer',
      schools: [{ urn: CEDAR }],
    });
    const mo = await createUser(db, {
      email: 'mo@example.org',
      name: 'Mo Derator',
      schools: [{ urn: DALE }],
    });
    const trained = { trainedOn: '2025-09-01', trainedBy: 'Northern Hub', experience: '' };
    await saveReviewer(db, bea.id, { homeUrn: BIRCH, earlierReviews: 3, ...trained }, bea);
    await saveReviewer(db, cy.id, { homeUrn: CEDAR, earlierReviews: 1, ...trained }, cy);
    await saveReviewer(db, eli.id, { homeUrn: CEDAR, earlierReviews: 1, ...trained }, eli);
    await saveReviewer(db, mo.id, { homeUrn: DALE, earlierReviews: 5, ...trained }, mo);
    await declareConflict(db, cy.id, { urn: ASH, kind: 'governs' }, cy);
    await joinedGroup(db, { name: 'Aire cluster', urns: [ASH, BIRCH, CEDAR] }, ash);
  });

  /** A page signed in as a person the seed made. */
  async function pageAs(email: string): Promise<Page> {
    const user = await served.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    const token = await createSession(served.db, user.id, new Date());
    const context = await served.browser.newContext();
    await context.addCookies([
      { name: SESSION_COOKIE, value: token, url: served.url, httpOnly: true, sameSite: 'Lax' },
    ]);
    return context.newPage();
  }

  let reviewUrl = '';

  it(
    'lets a school’s administrator schedule a cycle for the cluster',
    async () => {
      const ash = await pageAs('ash@example.org');
      await ash.goto(`${served.url}/peer-review`);
      await expectNoAxeViolations(ash);
      await ash.getByRole('link', { name: 'Aire cluster' }).click();
      await ash.waitForURL(/\/peer-review\/groups\/\d+$/);
      await expectNoAxeViolations(ash);
      await ash.getByRole('link', { name: 'Schedule a review cycle' }).click();
      await ash.waitForURL(/\/cycles\/new$/);
      await expectNoAxeViolations(ash);
      await ash.getByLabel('Title').fill('Spring 2027 reviews');
      await ash.getByLabel('First day of the cycle').fill('2027-01-04');
      await ash.getByLabel('Last day of the cycle').fill('2027-07-16');
      await ash.getByLabel('Moderator').selectOption({ label: 'Mo Derator, Dale Primary School' });
      // Birch hosts first (in the moderator's sample); Ash's report is final once submitted.
      await ash.getByLabel('Date of the visit to Birch Primary School').fill('2027-01-20');
      await ash.getByLabel('Date of the visit to Ash Primary School').fill('2027-02-10');
      await ash.getByLabel('Date of the visit to Cedar Primary School').fill('2027-03-10');
      await ash.getByRole('button', { name: 'Schedule the cycle' }).click();
      await ash.waitForURL(/\/peer-review\/cycles\/\d+$/);
      await expectNoAxeViolations(ash);
      expect(await ash.getByRole('row').count()).toBe(4);
      await ash.getByRole('link', { name: 'Ash Primary School' }).click();
      await ash.waitForURL(/\/peer-review\/reviews\/\d+$/);
      reviewUrl = ash.url();
      await expectNoAxeViolations(ash);
    },
    SLOW,
  );

  it(
    'refuses a conflicted reviewer, then forms a team with a trained lead',
    async () => {
      const ash = await pageAs('ash@example.org');
      await ash.goto(reviewUrl);
      expect(
        await ash
          .getByText('Cy Conflicted: The reviewer declared that they are or have been a governor')
          .count(),
      ).toBe(1);
      await ash
        .getByLabel('Reviewer from the register')
        .selectOption({ label: 'Cy Conflicted, Cedar Primary School (conflict of interest)' });
      await ash.getByRole('button', { name: 'Add to the team' }).click();
      expect(await ash.getByRole('heading', { name: 'There is a problem' }).count()).toBe(1);
      expect(await ash.getByText('has a conflict of interest with the host school').count()).toBeGreaterThan(
        0,
      );
      await expectNoAxeViolations(ash);

      await ash
        .getByLabel('Reviewer from the register')
        .selectOption({ label: 'Bea Lead, Birch Primary School' });
      await ash.getByLabel('Lead reviewer').check();
      await ash.getByRole('button', { name: 'Add to the team' }).click();
      await ash.waitForURL(/#team$/);
      await ash
        .getByLabel('Reviewer from the register')
        .selectOption({ label: 'Eli Reviewer, Cedar Primary School' });
      await ash.getByRole('button', { name: 'Add to the team' }).click();
      await ash.waitForURL(/#team$/);
      expect(await ash.getByText('Bea Lead').count()).toBeGreaterThan(0);
      expect(await ash.locator('#team ~ p strong').allTextContents()).not.toContain('Cy Conflicted');

      await ash
        .getByLabel('Your school’s self-evaluation')
        .fill('Teaching is strong; we want a view on leadership.');
      await ash.getByLabel('The focus you choose for the review').selectOption({ label: 'Leadership' });
      await ash.getByRole('button', { name: 'Save the self-evaluation' }).click();
      await ash.waitForURL(/#self-evaluation$/);
      await expectNoAxeViolations(ash);
    },
    SLOW,
  );

  it(
    'lets the lead record a judgement and findings, each with evidence, and submit the report',
    async () => {
      const bea = await pageAs('bea@example.org');
      await bea.goto(reviewUrl);
      await expectNoAxeViolations(bea);
      await bea
        .getByLabel('Area', { exact: true })
        .first()
        .selectOption({ label: 'Leadership and capacity to improve' });
      await bea.getByLabel('Secure:').check();
      await bea
        .getByLabel('Evidence for the judgement')
        .fill('Meetings with senior and middle leaders; the improvement plan.');
      await bea.getByRole('button', { name: 'Record the judgement' }).click();
      await bea.waitForURL(/#judgements$/);

      await bea.getByLabel('Even better if').check();
      await bea
        .getByLabel('Finding', { exact: true })
        .fill('Middle leaders would check the quality of teaching in their subjects.');
      await bea
        .getByLabel('Evidence for the finding')
        .fill('Three subject leaders said they had not visited lessons this year.');
      await bea.getByRole('button', { name: 'Record the finding' }).click();
      await bea.waitForURL(/#findings$/);
      await expectNoAxeViolations(bea);
      await bea.getByRole('button', { name: 'Submit the final report' }).click();
      await bea.waitForURL(/#submit$/);
      expect(await bea.getByText('Final', { exact: true }).count()).toBe(1);
    },
    SLOW,
  );

  it(
    'lets the host turn the area to develop into an action and a need, and follow a link to support',
    async () => {
      const ash = await pageAs('ash@example.org');
      await ash.goto(reviewUrl);
      await expectNoAxeViolations(ash);
      await ash.getByRole('link', { name: /Act on this and find support/ }).click();
      await ash.waitForURL(/\/peer-review\/findings\/\d+$/);
      await expectNoAxeViolations(ash);
      await ash
        .getByLabel('What your school will do')
        .fill('Subject leaders visit lessons twice a term, with a partner school.');
      await ash.getByLabel('Who leads it (optional)').fill('Deputy head');
      await ash.getByLabel(/Declare leadership as a need/).check();
      await ash.getByRole('button', { name: 'Add the action' }).click();
      await ash.waitForURL(/#support$/);
      expect(await ash.getByText('Subject leaders visit lessons twice a term').count()).toBe(1);
      await expectNoAxeViolations(ash);
      await ash.getByRole('link', { name: 'System leaders with expertise in leadership' }).click();
      await ash.waitForURL(/\/system-leaders\?expertise=leadership$/);
      await expectNoAxeViolations(ash);
      await ash.goBack();
      await ash.getByRole('link', { name: 'Practice on leadership' }).click();
      await ash.waitForURL(/\/practice\?focus=leadership$/);
      await expectNoAxeViolations(ash);
    },
    SLOW,
  );

  it(
    'lets the host record the action’s progress and challenge the finding, and the lead record the outcome',
    async () => {
      const ash = await pageAs('ash@example.org');
      await ash.goto(reviewUrl);
      await ash.getByRole('link', { name: /Challenge this finding/ }).click();
      await ash.waitForURL(/\/peer-review\/findings\/\d+$/);
      await ash.getByLabel('How far action 1 has got').selectOption({ label: 'In progress' });
      await ash.getByRole('button', { name: 'Save how far action 1 has got' }).click();
      await ash.waitForURL(/#actions$/);
      expect(await ash.getByText(/twice a term[\s\S]*in progress/).count()).toBe(1);
      await ash
        .getByLabel('Why your school challenges this finding')
        .fill('Two of the three subject leaders were new this term.');
      await ash.getByRole('button', { name: 'Challenge the finding' }).click();
      await ash.waitForURL(/#challenge-history$/);
      await expectNoAxeViolations(ash);

      const bea = await pageAs('bea@example.org');
      await bea.goto(reviewUrl);
      await bea.getByRole('link', { name: /The finding’s challenge/ }).click();
      await expectNoAxeViolations(bea);
      await bea.getByLabel('The finding stands').check();
      await bea
        .getByLabel('Your note to the host school')
        .fill('New leaders too should see lessons in their first term.');
      await bea.getByRole('button', { name: 'Record the outcome' }).click();
      await bea.waitForURL(/#challenge-history$/);
      expect(await bea.getByText('New leaders too should see lessons', { exact: false }).count()).toBe(1);
      await expectNoAxeViolations(bea);
      for (const width of [1280, 390]) {
        await bea.setViewportSize({ width, height: 900 });
        await bea.screenshot({ path: `${SHOTS}/finding-${width}.png`, fullPage: true });
      }
    },
    SLOW,
  );

  it(
    'shows anyone the anonymised figures across S2S',
    async () => {
      const page = await (await served.browser.newContext()).newPage();
      await page.goto(`${served.url}/peer-review/summary`);
      expect(await page.getByRole('heading', { name: 'Peer review across S2S' }).count()).toBe(1);
      await expectNoAxeViolations(page);
      await page.getByRole('link', { name: 'By region' }).click();
      await page.waitForURL(/by=region$/);
      await expectNoAxeViolations(page);
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.screenshot({ path: `${SHOTS}/summary-${width}.png`, fullPage: true });
      }
    },
    SLOW,
  );
});
