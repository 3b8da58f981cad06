import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, signInBrowser } from '../helpers/accounts.ts';
import { useBrowserApp } from '../helpers/browser-app.ts';
import { expectNoAxeViolations, shownText } from '../helpers/browser.ts';
import { completeReadiness, daysFromToday, insertLeaderProfile, nextSpring } from '../helpers/leaders.ts';
import { insertSchool } from '../helpers/schools.ts';

const SHOTS = '.s2s/screenshots';
// A limit, not a measurement: axe on long pages is slow on a busy shared machine.
const STEP_LIMIT = 300_000;
const BASE = 181001;
const NEEDY = 181002;

describe('a system leader deployed to a school in need, in Chromium', () => {
  let organisationId = 0;
  const served = useBrowserApp(async (db) => {
    await insertSchool(db, { urn: BASE, name: 'Beacon Primary School', lat: 53.8, lon: -1.55 });
    await insertSchool(db, { urn: NEEDY, name: 'Needwood Primary School', lat: 53.85, lon: -1.55 });
    // The school said where it needs support, as its settings page records it.
    await db
      .insertInto('school_declarations')
      .values({ urn: NEEDY, capacity_to_support: 0, needs: ['literacy'], updated_by: null })
      .execute();
    organisationId = await createOrganisation(db, {
      name: 'Leeds City Council',
      schools: [{ urn: NEEDY }],
    });
  });
  const pages: Record<'leader' | 'head' | 'officer' | 'member', Page> = {} as never;
  const spring = nextSpring();

  /** Every page is checked with axe as it is reached, and at both widths where it is photographed. */
  const reached = async (page: Page) => {
    await page.waitForLoadState();
    await expectNoAxeViolations(page);
  };
  const visit = async (page: Page, path: string) => {
    await page.goto(`${served.url}${path}`);
    await reached(page);
  };
  const submit = async (page: Page, button: string) => {
    await page.getByRole('button', { name: button }).click();
    await reached(page);
  };
  const shot = async (page: Page, name: string) => {
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SHOTS}/system-leaders-${name}-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  };
  const fillDate = async (page: Page, name: string, iso: string) => {
    const [year, month, day] = iso.split('-');
    await page.locator(`#${name}-day`).fill(String(Number(day)));
    await page.locator(`#${name}-month`).fill(String(Number(month)));
    await page.locator(`#${name}-year`).fill(year!);
  };
  const main = (page: Page) => shownText(page.locator('main'));
  /** The deployment, opened from the person's list of deployments. */
  const openDeployment = async (page: Page) => {
    await visit(page, '/deployments');
    await page.getByRole('link', { name: /Deployment of Lena Leader to Needwood/ }).click();
    await reached(page);
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const people = {
      leader: { name: 'Lena Leader' },
      head: { name: 'Hal Head', schools: [{ urn: NEEDY, role: 'admin' as const }] },
      officer: { name: 'Olu Officer', organisations: [organisationId] },
      member: { name: 'Mo Member' },
    };
    for (const [who, spec] of Object.entries(people) as [keyof typeof people, object][]) {
      const context = await served.browser.newContext();
      const user = await signInBrowser(context, served.url, served.db, spec);
      // A second leader has published a profile too, at £300 a day, to join the team later.
      if (who === 'member')
        await insertLeaderProfile(served.db, user, {
          urn: BASE,
          expertise: ['literacy'],
          dayRatePounds: 300,
        });
      pages[who] = await context.newPage();
      pages[who].setDefaultTimeout(20_000);
    }
  });

  it(
    'a leader fills in a profile, sees it hidden, and publishes it',
    async () => {
      const page = pages.leader;
      await visit(page, '/account/system-leader');
      await page.getByLabel('Your role').fill('Executive headteacher');
      await page.getByLabel('URN or Welsh school number of the school you work from').fill(String(BASE));
      await page.locator('input[name="expertise"][value="literacy"]').check();
      await page.locator('input[name="phases"][value="primary"]').check();
      await page.getByLabel('Your experience').fill('Led reading recovery across three Leeds primaries.');
      await page.getByLabel('Days a term you can give').fill('6');
      await fillDate(page, 'availableFrom', daysFromToday(0));
      await fillDate(page, 'availableTo', daysFromToday(730));
      await page.getByLabel('How far you will travel, in kilometres').fill('20');
      await page.getByLabel('Your day rate').fill('450');
      await submit(page, 'Save your profile');
      await expect.poll(() => main(page)).toContain('Your profile has been saved.');
      expect(await main(page)).toContain('Only you can see it.');
      await shot(page, '1-own-profile');
      await submit(page, 'Publish your profile');
      await expect.poll(() => main(page)).toContain('Your profile is published');
    },
    STEP_LIMIT,
  );

  it(
    'the school in need finds the leader among those matching its needs',
    async () => {
      const page = pages.head;
      await visit(page, `/schools/${NEEDY}/system-leaders`);
      expect(await main(page)).toContain('literacy');
      const why = page.getByRole('list', { name: 'Why Lena Leader matches' });
      await expect.poll(() => shownText(why)).toContain('Expertise in literacy');
      await shot(page, '2-school-needs');
      await page.getByRole('link', { name: 'Lena Leader' }).click();
      await reached(page);
      expect(await shownText(page.locator('h1'))).toContain('Lena Leader');
      await shot(page, '3-profile');
    },
    STEP_LIMIT,
  );

  it(
    'the council’s officer commissions a deployment for the school; too many days are refused naming the field',
    async () => {
      const page = pages.officer;
      await visit(page, '/system-leaders?expertise=literacy&near=' + NEEDY);
      await page.getByRole('link', { name: 'Lena Leader' }).click();
      await reached(page);
      await page.getByRole('link', { name: 'Commission a deployment of Lena Leader' }).click();
      await reached(page);
      expect(await page.getByLabel('Needwood Primary School').isChecked()).toBe(true);
      await page.getByLabel('Scope').fill('Coach the English lead and the Year 6 team on reading');
      await page.getByLabel('Objectives').fill('Reading taught consistently from Year 3 to Year 6');
      await page.getByLabel('Success criteria').fill('Every reading lesson observed is good by Easter');
      await page.getByLabel('Days', { exact: true }).fill('9');
      await fillDate(page, 'startDate', spring.start);
      await fillDate(page, 'endDate', spring.end);
      await page.getByLabel(/The commissioning organisation/).check();
      await page.getByLabel('Who the system leader reports to').fill('The headteacher of Needwood');
      await page.getByLabel('Exit strategy').fill('The English lead carries on the coaching');
      await submit(page, 'Commission the deployment');
      const summary = page.locator('.govuk-error-summary');
      await expect.poll(() => shownText(summary)).toContain('more days than the system leader has left');
      expect(await summary.locator('a').getAttribute('href')).toBe('#days');
      await shot(page, '4-commission-refused');

      await page.getByLabel('Days', { exact: true }).fill('4');
      await submit(page, 'Commission the deployment');
      await expect.poll(() => main(page)).toContain('The deployment is commissioned');
      expect(await main(page)).toContain('£1,800');
    },
    STEP_LIMIT,
  );

  it(
    'each side answers its readiness questions; the leader can accept only once both have completed them',
    async () => {
      const leader = pages.leader;
      await openDeployment(leader);
      const deploymentPath = new URL(leader.url()).pathname;
      const id = Number(deploymentPath.split('/').pop());
      expect(await main(leader)).toContain(
        'You can accept once both sides have completed their readiness questions',
      );
      expect(await leader.getByLabel('Accept: I agree to the scope, days and terms').count()).toBe(0);
      await shot(leader, '5-readiness-to-answer');
      // The leader answers their first theme through the readiness pages.
      await leader.getByRole('link', { name: 'Answer your questions' }).click();
      await reached(leader);
      await leader.getByRole('link', { name: 'Moral purpose, trust and openness to challenge' }).click();
      await reached(leader);
      await leader.getByLabel('Addressed', { exact: true }).check();
      await submit(leader, 'Save and return to the task list');
      await visit(leader, deploymentPath);
      expect(await main(leader)).toContain('System leader’s questions 1 of 7 questions answered');
      // The rest of both sides' answers, as each would give them, then the leader may accept.
      await completeReadiness(served.db, id, { rating: 3 });
      await visit(leader, deploymentPath);
      expect(await main(leader)).toContain('The two sides’ answers agree on every theme');
      await shot(leader, '5-readiness-completed');
    },
    STEP_LIMIT,
  );

  it(
    'the leader accepts, and the officer sees the days and cost by school',
    async () => {
      const leader = pages.leader;
      await openDeployment(leader);
      await leader.getByLabel('Accept: I agree to the scope, days and terms').check();
      await submit(leader, 'Send your answer');
      await expect.poll(() => main(leader)).toContain('You accepted the deployment');
      expect(await main(leader)).toContain('Agreed by both sides');
      await shot(leader, '5-deployment-accepted');

      // The leader keeps the running record with the school.
      await leader.getByRole('link', { name: 'the partnership page' }).click();
      await reached(leader);
      await leader.getByRole('link', { name: 'Add a progress update' }).click();
      await reached(leader);
      await leader.getByLabel('What has happened, and what it has changed').fill('First coaching day done');
      await submit(leader, 'Add the update');
      await expect.poll(() => main(leader)).toContain('First coaching day done');

      const officer = pages.officer;
      await visit(officer, '/deployments');
      const table = officer.getByRole('table', { name: /Days and cost by school/ });
      const row = table.getByRole('row', { name: /Needwood Primary School/ });
      await expect.poll(() => shownText(row)).toMatch(/4 days[\s\S]*£1,800/);
      expect(await shownText(officer.getByRole('table', { name: /Each deployment/ }))).toContain(
        'Agreed by both sides',
      );
      await shot(officer, '6-officer-deployments');
    },
    STEP_LIMIT,
  );

  it(
    'before it starts the officer adds a second leader to the team; she accepts her place by keyboard; then the school starts it and the officer sees each member’s cost',
    async () => {
      const officer = pages.officer;
      await openDeployment(officer);
      const id = Number(new URL(officer.url()).pathname.split('/').pop());
      await officer
        .getByLabel('System leader', { exact: true })
        .selectOption({ label: 'Mo Member, Beacon Primary School' });
      await officer.locator('#days').fill('2');
      await submit(officer, 'Add to the team');
      await expect.poll(() => main(officer)).toContain('asked to accept their place');
      expect(await main(officer)).toContain('Waiting for the team to accept');

      // The school cannot start it while a member of the team has not accepted.
      const head = pages.head;
      await visit(head, `/partnerships/${id}`);
      await submit(head, 'Start the partnership');
      await expect
        .poll(() => shownText(head.locator('.govuk-error-summary')))
        .toContain('Every member of the deployment’s team must accept their place');

      // The member finds the deployment in her list, the team named under its title, and accepts by keyboard.
      const member = pages.member;
      await visit(member, '/deployments');
      expect(await main(member)).toContain(
        'Lena Leader (Lead) Accepted Mo Member (Team member) Not answered yet',
      );
      await member.getByRole('link', { name: /Deployment of Lena Leader to Needwood/ }).focus();
      await Promise.all([member.waitForURL(/\/deployments\/\d+$/), member.keyboard.press('Enter')]);
      await reached(member);
      await member.getByLabel('Accept: I agree to the scope, days and terms').focus();
      await member.keyboard.press('Space');
      await member.getByRole('button', { name: 'Send your answer' }).focus();
      await Promise.all([member.waitForURL(/done=accepted/), member.keyboard.press('Enter')]);
      await reached(member);
      await expect.poll(() => main(member)).toContain('You accepted your place on the team.');
      expect(await main(member)).toContain('Agreed by both sides');
      await shot(member, '7-member-accepted');

      // Every member has accepted. The term begins (the service reads the real clock, so the
      // partnership's first day is brought to today), and the school starts the deployment.
      await served.db
        .updateTable('partnerships')
        .set({ start_date: daysFromToday(0) })
        .where('id', '=', id)
        .execute();
      await visit(head, `/partnerships/${id}`);
      await submit(head, 'Start the partnership');
      await expect.poll(() => head.getByRole('button', { name: 'Begin the review' }).count()).toBe(1);

      // The officer sees each member's days and cost, and the whole team's in the summary.
      await visit(officer, `/deployments/${id}`);
      const team = officer.locator('#team-members');
      expect(await shownText(team.getByRole('row', { name: /Lena Leader/ }))).toMatch(
        /4 days[\s\S]*£450[\s\S]*£1,800/,
      );
      expect(await shownText(team.getByRole('row', { name: /Mo Member/ }))).toMatch(
        /2 days[\s\S]*£300[\s\S]*£600/,
      );
      expect(await main(officer)).toContain('£2,400');
      expect(await officer.getByRole('button', { name: 'Add to the team' }).count()).toBe(0);
      await visit(officer, '/deployments');
      const row = officer
        .getByRole('table', { name: /Days and cost by school/ })
        .getByRole('row', { name: /Needwood/ });
      await expect.poll(() => shownText(row)).toMatch(/6 days[\s\S]*£2,400/);
      await shot(officer, '8-officer-team-costs');
    },
    STEP_LIMIT,
  );
});
