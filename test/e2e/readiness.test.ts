import { mkdirSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMilestone } from '../../src/data/partnerships.ts';
import { signInBrowser } from '../helpers/accounts.ts';
import { createAcceptedPartnership } from '../helpers/partnerships.ts';
import { expectNoAxeViolations, shownText } from '../helpers/browser.ts';
import { insertSchool } from '../helpers/schools.ts';
import { useBrowserApp } from '../helpers/browser-app.ts';

const SHOTS = '.s2s/screenshots';
// A limit, not a measurement: axe on long pages is slow on a busy shared machine.
const STEP_LIMIT = 240_000;

describe('a school leader assesses readiness in Chromium', () => {
  const served = useBrowserApp(async (db) => {
    await insertSchool(db, { urn: 500001, name: 'Brookfield Primary School', town: 'Leeds' });
    await insertSchool(db, { urn: 500002, name: 'Meadow Lane Primary School', town: 'Leeds' });
  });
  let context: BrowserContext;
  let page: Page;

  const shot = (name: string) => page.screenshot({ path: `${SHOTS}/readiness-${name}.png`, fullPage: true });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    context = await served.browser.newContext();
    await signInBrowser(context, served.url, served.db, { schools: [{ urn: 500001, role: 'admin' }] });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
  });

  it(
    'starts a self-evaluation, correcting the missing choices',
    async () => {
      await page.goto(`${served.url}/readiness`);
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Start' }).click();
      await expect
        .poll(() => shownText(page.locator('.govuk-error-summary')))
        .toContain('Choose what to assess');
      await expectNoAxeViolations(page);
      await page.getByLabel('Enablers of school-to-school support: a self-evaluation').check();
      await page.getByLabel('Deployment of a system leader or team').check();
      await page.getByRole('button', { name: 'Start' }).click();
      await expect
        .poll(() => shownText(page.locator('h1')))
        .toContain('Enablers of school-to-school support');
      await expectNoAxeViolations(page);
      await shot('task-list');
    },
    STEP_LIMIT,
  );

  it(
    'answers each section and completes the assessment',
    async () => {
      // Leadership and trust are weak, impact evaluation is missing; everything else is established.
      const ratings: Record<string, string> = {
        'leadership-capacity': 'Emerging',
        trust: 'Not in place',
        'evaluating-impact': 'Not in place',
      };
      for (const section of ['Enablers of partnership working', 'Fundamentals of sustained improvement']) {
        await page.getByRole('link', { name: section }).click();
        await expect.poll(() => shownText(page.locator('h1'))).toContain(section);
        const groups = page.locator('.s2s-readiness-item');
        for (let i = 0; i < (await groups.count()); i++) {
          const group = groups.nth(i);
          const name = (await group.locator('input[type=radio]').first().getAttribute('name'))!.replace(
            'rating-',
            '',
          );
          await group.getByLabel(ratings[name] ?? 'Established', { exact: true }).check();
          await group.getByLabel('Evidence (optional)').fill(`Our evidence about ${name}`);
        }
        await expectNoAxeViolations(page);
        if (section.startsWith('Enablers')) await shot('section');
        await page.getByRole('button', { name: 'Save and return to the task list' }).click();
        await expect.poll(() => shownText(page.locator('.govuk-notification-banner'))).toContain('saved');
      }
      await page.getByRole('link', { name: 'Check your answers and complete' }).click();
      await expect.poll(() => shownText(page.locator('h1'))).toContain('Check your answers');
      await expectNoAxeViolations(page);
      await page.getByRole('button', { name: 'Complete the assessment' }).click();
    },
    STEP_LIMIT,
  );

  it(
    'reads the report: scores, chart, gaps ranked for a deployment, and the action plan',
    async () => {
      await expect.poll(() => shownText(page.locator('h1'))).toContain('Readiness report');
      await expectNoAxeViolations(page);
      await shot('report');
      await page.emulateMedia({ media: 'print' });
      await shot('report-print');
      expect(await page.locator('.govuk-service-navigation').isVisible()).toBe(false);
      await page.emulateMedia({ media: 'screen' });
      const main = page.locator('main');
      await expect.poll(() => shownText(main.locator('svg[role=img] title'))).toBe('Readiness by section');
      const table = await main.locator('table').first().innerText();
      expect(table).toMatch(/Enablers of partnership working\s+5 of 5\s+2\.4\s+47%/);
      // Impact evaluation weighs double for a deployment, so it leads the gaps.
      const gaps = main.locator('ol.govuk-list--number > li');
      await expect.poll(() => shownText(gaps.first())).toContain('evaluate the impact');
      await expect.poll(() => gaps.count()).toBe(3);
      // The enablers give a next step by level: nothing in place starts elsewhere than emerging practice.
      await expect
        .poll(() => shownText(gaps.first()))
        .toContain('Before any collaboration starts, decide how');
      await expect
        .poll(() => shownText(main.locator('ol.govuk-list--number')))
        .toContain('Build on the commitment you have');
    },
    STEP_LIMIT,
  );

  it(
    'updates an action and reaches sharing, with no axe violations',
    async () => {
      const main = page.locator('main');
      await page.getByRole('link', { name: 'Update action 1' }).click();
      await expectNoAxeViolations(page);
      await page.getByLabel('Owner').fill('Deputy headteacher');
      await page.getByRole('button', { name: 'Save the action' }).click();
      await expect.poll(() => shownText(main)).toContain('Deputy headteacher');

      await page
        .getByRole('link', { name: 'Share this assessment with a partner school or organisation' })
        .click();
      await expectNoAxeViolations(page);

      await page.goto(`${served.url}/readiness`);
      await expectNoAxeViolations(page);
      await shot('hub');
    },
    STEP_LIMIT,
  );

  it(
    'brings the open actions into an agreed partnership, where the partner school updates one and ticks off a milestone',
    async () => {
      const leader = (await served.db.selectFrom('users').select('id').executeTakeFirstOrThrow()).id;
      const id = await createAcceptedPartnership(
        served.db,
        {
          title: 'Leading together',
          type: 'deployment',
          proposer: { urn: 500001, role: 'supported' },
          invited: [{ urn: 500002, role: 'supporting' }],
          createdBy: leader,
          at: new Date().toISOString(),
        },
        'agreed',
      );
      await addMilestone(served.db, id, {
        title: 'Evaluation baseline agreed',
        dueDate: '2099-01-31',
        doneOn: null,
      });

      await page.goto(`${served.url}/partnerships/${id}`);
      await page
        .getByRole('button', { name: 'Bring in Brookfield Primary School’s readiness actions (3 open)' })
        .click();
      const carried = page.locator('#readiness-actions ~ table').first();
      await expect.poll(() => carried.locator('tbody tr').count()).toBe(3);
      await expectNoAxeViolations(page);
      await shot('partnership-actions');

      const partnerContext = await served.browser.newContext();
      await signInBrowser(partnerContext, served.url, served.db, { schools: [{ urn: 500002 }] });
      const partnerPage = await partnerContext.newPage();
      await partnerPage.goto(`${served.url}/partnerships/${id}`);
      const first = partnerPage.locator('#readiness-actions ~ table').first().locator('tbody tr').first();
      await expect.poll(() => shownText(first)).toContain('Deputy headteacher');
      await first.getByRole('combobox').selectOption('in-progress');
      await first.getByRole('button').click();
      await expect
        .poll(() =>
          shownText(partnerPage.locator('#readiness-actions ~ table').first().locator('tbody tr').first()),
        )
        .toContain('In progress');
      await expectNoAxeViolations(partnerPage);
      await partnerPage.getByRole('button', { name: /Mark as done\W+Evaluation baseline agreed/ }).click();
      await expect
        .poll(() => shownText(partnerPage.locator('#milestones ~ table').first()))
        .toContain('Mark as not done');
      await expectNoAxeViolations(partnerPage);
      await partnerContext.close();

      const assessment = await served.db
        .selectFrom('readiness_assessments')
        .select('id')
        .executeTakeFirstOrThrow();
      await page.goto(`${served.url}/readiness/assessments/${assessment.id}/report`);
      const plan = page.locator('#action-plan ~ table').first();
      await expect
        .poll(() => shownText(plan.locator('tbody tr').first()))
        .toMatch(/In progress[\s\S]*Leading together/);
      await expectNoAxeViolations(page);
    },
    STEP_LIMIT,
  );

  it(
    'reaches the school’s assessments from its profile',
    async () => {
      await page.goto(`${served.url}/schools/500001`);
      await page.getByRole('link', { name: 'Readiness assessments (1)' }).click();
      await expect.poll(() => shownText(page.locator('h1'))).toBe('Readiness assessments');
      await expect
        .poll(() => shownText(page.locator('main table')))
        .toContain('Enablers of school-to-school support: a self-evaluation');
      await expectNoAxeViolations(page);
    },
    STEP_LIMIT,
  );
});
