import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, signInBrowser } from '../helpers/accounts.ts';
import { expectNoAxeViolations } from '../helpers/browser.ts';
import { insertSchool } from '../helpers/schools.ts';
import { useBrowserApp } from '../helpers/browser-app.ts';
import { readOutbox } from '../helpers/mail.ts';

const SHOTS = '.s2s/screenshots';
// A limit, not a measurement: axe on long pages is slow on a busy shared machine.
const STEP_LIMIT = 300_000;
const LEAD = 140001;
const PARTNER = 140002;
const COMPARISON = [140010, 140011, 140012, 140013, 140014, 140015];

describe('a partnership from a match to its impact report in Chromium', () => {
  // The service writes its mail here, so the test reads what each person was sent.
  const dataDir = mkdtempSync(path.join(tmpdir(), 's2s-e2e-partnership-'));
  const mailTo = async (email: string) =>
    (await readOutbox(dataDir)).filter((m) => m.to === email).map((m) => m.subject);
  const served = useBrowserApp(
    async (db) => {
      await insertSchool(db, { urn: LEAD, name: 'Ashgrove Primary School', town: 'Leeds' });
      await insertSchool(db, { urn: PARTNER, name: 'Birchfield Primary School', town: 'Leeds' });
      for (const urn of COMPARISON) await insertSchool(db, { urn, name: `Comparison Primary ${urn}` });
      // Members gain 8 points a year after the 2023 baseline; similar schools about 1.
      const rwm = (urn: number, values: number[]) =>
        values.map((v, i) => ({
          urn,
          year: 2021 + i,
          key_stage: 2 as const,
          rwm_expected_percent: v,
          raw: '{}',
        }));
      await db
        .insertInto('performance')
        .values([
          ...rwm(LEAD, [55, 56, 57, 65, 73]),
          ...rwm(PARTNER, [48, 49, 50, 58, 66]),
          ...COMPARISON.flatMap((urn, i) =>
            rwm(urn, [50 + i, 51 + i, 52 + i, 53 + i + (i % 2), 54 + i + (i % 3)]),
          ),
        ])
        .execute();
      organisationId = await createOrganisation(db, {
        name: 'Leeds City Council',
        schools: [{ urn: LEAD, sharesRecords: true }],
      });
    },
    { S2S_DATA_DIR: dataDir },
  );
  let leadContext: BrowserContext;
  let leadEmail: string;
  let partnerEmail: string;
  let lead: Page;
  let partner: Page;
  let officer: Page;
  let organisationId: number;

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: `${SHOTS}/partnership-${name}.png`, fullPage: true });
  /** Every page is checked with axe as it is reached. */
  const visit = async (page: Page, path: string) => {
    await page.goto(`${served.url}${path}`);
    await expectNoAxeViolations(page);
  };
  const submit = async (page: Page, button: string) => {
    await page.getByRole('button', { name: button }).click();
    await page.waitForLoadState();
    await expectNoAxeViolations(page);
  };
  const fillDate = async (page: Page, name: string, iso: string) => {
    const [year, month, day] = iso.split('-');
    await page.locator(`#${name}-day`).fill(String(Number(day)));
    await page.locator(`#${name}-month`).fill(String(Number(month)));
    await page.locator(`#${name}-year`).fill(year!);
  };

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    leadContext = await served.browser.newContext();
    leadEmail = (
      await signInBrowser(leadContext, served.url, served.db, {
        name: 'Asha Head',
        schools: [{ urn: LEAD, role: 'admin' }],
      })
    ).email;
    lead = await leadContext.newPage();
    const partnerContext = await served.browser.newContext();
    partnerEmail = (
      await signInBrowser(partnerContext, served.url, served.db, {
        name: 'Ben Head',
        schools: [{ urn: PARTNER, role: 'admin' }],
      })
    ).email;
    partner = await partnerContext.newPage();
    const officerContext = await served.browser.newContext();
    await signInBrowser(officerContext, served.url, served.db, {
      name: 'Olu Officer',
      organisations: [organisationId],
    });
    officer = await officerContext.newPage();
    for (const page of [lead, partner, officer]) page.setDefaultTimeout(20_000);
  });

  it(
    'proposes from a match, and the partner accepts',
    async () => {
      await visit(lead, `/partnerships/new?with=${PARTNER}&from=${LEAD}`);
      await expect
        .poll(() => lead.locator('#title').inputValue())
        .toBe('Working with Birchfield Primary School');
      await submit(lead, 'Send the proposal');
      await expect
        .poll(() => lead.locator('.govuk-error-summary').textContent())
        .toContain('Choose the type of partnership');
      await lead.getByLabel('Peer-to-peer and joint practice development').check();
      await lead.locator('#proposerRole-4').check();
      await lead.locator('#partnerRole-4').check();
      await submit(lead, 'Send the proposal');
      await expect
        .poll(() => lead.locator('h1').textContent())
        .toContain('Working with Birchfield Primary School');
      await shot(lead, '1-task-list');
      expect(await mailTo(partnerEmail)).toEqual([
        'Ashgrove Primary School proposes a partnership to your school',
      ]);

      await visit(partner, '/partnerships');
      await partner.getByRole('link', { name: 'Working with Birchfield Primary School' }).click();
      await expectNoAxeViolations(partner);
      await expect
        .poll(() => partner.locator('main').textContent())
        .toContain('Will Birchfield Primary School join');
      await shot(partner, '2-invitation');
      await partner.getByLabel('Yes, accept the invitation').check();
      await submit(partner, 'Send answer');
      await expect.poll(() => partner.locator('main').textContent()).toContain('Accepted');
      expect(await mailTo(leadEmail)).toEqual([
        'Birchfield Primary School accepted your partnership invitation',
      ]);
    },
    STEP_LIMIT,
  );

  it(
    'sets the partnership up through the task list, checks the answers and agrees',
    async () => {
      const base = lead.url().replace(served.url, '').split('?')[0]!;
      await visit(lead, `${base}/plan/focus`);
      await lead
        .getByLabel('Why is the support needed?')
        .fill('Reading at the expected standard is below similar schools');
      await submit(lead, 'Save and return to the task list');
      await expect
        .poll(() => lead.locator('.govuk-error-summary').textContent())
        .toContain('Choose at least one focus area');
      await expect
        .poll(() => lead.getByLabel('Why is the support needed?').inputValue())
        .toContain('Reading at the expected');
      await lead.getByLabel('Literacy').check();
      await lead
        .getByLabel('How does it serve school, local and national priorities?')
        .fill('School improvement plan priority 1; the local literacy strategy');
      await submit(lead, 'Save and return to the task list');

      await visit(lead, `${base}/plan/objectives`);
      await lead.getByLabel('Objective', { exact: true }).fill('More pupils meeting the expected standard');
      await lead.getByLabel('Success criteria').fill('Both schools above 60%');
      await lead.locator('#measure').selectOption('ks2.rwmExpectedPercent');
      await lead.getByLabel('Baseline').fill('54');
      await lead.getByLabel('Target').fill('62');
      await submit(lead, 'Add the objective');

      await visit(lead, `${base}/plan/resources`);
      await lead.getByLabel('Staff days committed in total').fill('20');
      await lead.getByLabel('Release time').fill('An afternoon a fortnight for each English lead');
      await submit(lead, 'Save and return to the task list');
      await visit(lead, `${base}/plan/costs`);
      await lead.getByLabel('What is paid for').fill('Supply cover');
      await lead.getByLabel('Amount in pounds').fill('3600');
      await lead.getByLabel('Who pays').fill('Leeds City Council');
      await submit(lead, 'Add the cost');

      await visit(lead, `${base}/plan/timescales`);
      await fillDate(lead, 'startDate', '2023-09-01');
      await fillDate(lead, 'endDate', '2025-08-31');
      await submit(lead, 'Save and return to the task list');

      for (const [urn, name, title, seniority] of [
        [LEAD, 'Asha Head', 'Headteacher', 'Headteacher or executive headteacher'],
        [PARTNER, 'Cai Lead', 'English lead', 'Middle leader'],
      ] as const) {
        await visit(lead, `${base}/plan/staff`);
        await lead.locator('#urn').selectOption(String(urn));
        await lead.getByLabel('Name', { exact: true }).fill(name);
        await lead.getByLabel('Job title').fill(title);
        await lead.getByLabel(seniority).check();
        await submit(lead, 'Add the person');
      }

      await visit(lead, `${base}/plan/exit`);
      await lead
        .getByLabel('What is the exit strategy?')
        .fill('English leads run the programme alone from September 2025');
      await lead
        .getByLabel(/How will improvements be sustained/)
        .fill('Part of induction; a joint governors’ celebration');
      await submit(lead, 'Save and return to the task list');
      await expect.poll(() => lead.locator('.govuk-task-list').textContent()).not.toContain('Incomplete');
      await shot(lead, '3-task-list-complete');

      await lead.getByRole('button', { name: 'Check answers and agree' }).click();
      await expectNoAxeViolations(lead);
      await shot(lead, '4-check-answers');
      await submit(lead, 'Agree the partnership');
      // One school agreeing is not enough: the partner's administrator agrees for Birchfield.
      await expect.poll(() => lead.locator('h1 .govuk-tag').textContent()).toContain('Proposed');
      await expect
        .poll(() => lead.locator('#agreements').textContent())
        .toContain('Waiting for Birchfield Primary School to agree');
      await visit(partner, `${base}/check`);
      await expect.poll(() => partner.locator('#lifecycle').textContent()).toContain('Agreed by Asha Head');
      await submit(partner, 'Agree the partnership');
      await expect.poll(() => partner.locator('h1 .govuk-tag').textContent()).toContain('Agreed');
      // The one who agreed last needs no email; the other school's administrator hears.
      expect(await mailTo(leadEmail)).toContain(
        'The partnership of Ashgrove Primary School and Birchfield Primary School is agreed',
      );
      await visit(lead, '/notifications');
      await expect
        .poll(() => lead.locator('#notifications').textContent())
        .toContain('The partnership of Ashgrove Primary School and Birchfield Primary School is agreed');
      await visit(lead, base);
      await expect.poll(() => lead.locator('h1 .govuk-tag').textContent()).toContain('Agreed');
    },
    STEP_LIMIT,
  );

  it(
    'runs the partnership: actions, progress, setbacks and feedback, then reviews and closes it',
    async () => {
      const base = lead.url().replace(served.url, '').split('?')[0]!;
      // Starting commits both schools: Ashgrove signs, Birchfield's administrator confirms.
      await submit(lead, 'Start the partnership');
      await expect.poll(() => lead.locator('h1 .govuk-tag').textContent()).toContain('Agreed');
      await expect
        .poll(() => lead.locator('#signatures').textContent())
        .toContain('Waiting for Birchfield Primary School to confirm starting the partnership');
      expect(await mailTo(partnerEmail)).toContain(
        'Ashgrove Primary School asks your school to confirm starting the partnership of Ashgrove Primary School and Birchfield Primary School',
      );
      await visit(partner, base);
      await expect
        .poll(() => partner.locator('#signatures').textContent())
        .toContain('Ashgrove Primary School signed on');
      await submit(partner, 'Confirm the start');
      await expect.poll(() => partner.locator('h1 .govuk-tag').textContent()).toContain('Active');
      expect(await mailTo(leadEmail)).toContain(
        'The partnership of Ashgrove Primary School and Birchfield Primary School has started',
      );
      await visit(lead, base);

      await visit(lead, `${base}/record/actions`);
      await lead.getByLabel('Action', { exact: true }).fill('Joint lesson study in Year 5');
      await lead.getByLabel('Owner').fill('Cai Lead');
      await fillDate(lead, 'dueDate', '2024-01-31');
      await lead.getByLabel('In progress').check();
      await submit(lead, 'Add the action');
      await expect
        .poll(() => lead.locator('#actions + table, main').first().textContent())
        .toContain('Overdue');
      await lead.getByLabel('Status of Joint lesson study in Year 5').selectOption('done');
      await lead.getByRole('button', { name: 'Update Joint lesson study in Year 5' }).click();
      await expectNoAxeViolations(lead);

      await visit(lead, `${base}/record/updates`);
      await lead
        .getByLabel(/What has happened/)
        .fill('Guided reading sessions now run daily in both schools');
      await submit(lead, 'Add the update');

      await visit(partner, `${base}/record/issues`);
      await partner.getByLabel(/What is the issue/).fill('Supply cover fell through in March');
      await fillDate(partner, 'raisedOn', '2024-03-10');
      await partner.getByLabel('How is it being handled?').fill('Sessions moved to after school');
      await partner.getByLabel('Yes, resolved').check();
      await submit(partner, 'Record the issue');

      await visit(partner, `${base}/record/feedback`);
      await partner.getByLabel('Birchfield Primary School').check();
      await partner
        .getByLabel(/Feedback to the other schools/)
        .fill('Coaching from Ashgrove changed how we teach phonics');
      await submit(partner, 'Send the feedback');
      await shot(partner, '5-running');

      await submit(partner, 'Begin the review');
      await visit(lead, base);
      await submit(lead, 'Confirm the review');
      await expect.poll(() => lead.locator('h1 .govuk-tag').textContent()).toContain('Reviewing');
      await visit(partner, base);
      await partner.getByRole('button', { name: 'Close the partnership' }).click();
      await expectNoAxeViolations(partner);
      await partner.getByLabel('Completed').check();
      await partner
        .getByLabel(/Why, and what happens next/)
        .fill('Both schools met the target; leads continue alone');
      await submit(partner, 'Close the partnership');
      await expect
        .poll(() => partner.locator('#signatures').textContent())
        .toContain('Waiting for Ashgrove Primary School to confirm closing the partnership as completed');
      await visit(lead, base);
      await submit(lead, 'Confirm closing as completed');
      await expect.poll(() => lead.locator('h1 .govuk-tag').textContent()).toContain('Closed: completed');
      expect(await mailTo(partnerEmail)).toContain(
        'The partnership of Ashgrove Primary School and Birchfield Primary School has closed',
      );
      await visit(partner, base);
      await expect.poll(() => partner.locator('h1 .govuk-tag').textContent()).toContain('Closed: completed');
      await expect
        .poll(() => partner.locator('main').textContent())
        .toContain('Closing signed by Ashgrove Primary School');
      await expect.poll(() => partner.locator('main').textContent()).toContain('Review started');
      await shot(partner, '6-closed');
    },
    STEP_LIMIT,
  );

  it(
    'reports the impact against similar schools, and shows it on the officer’s dashboard',
    async () => {
      await partner.getByRole('link', { name: 'Impact report' }).click();
      await expectNoAxeViolations(partner);
      const text = await partner.locator('main').textContent();
      expect(text).toContain(
        'Comparing 2021 to 2023, before the partnership, with 2024 to 2025, since it started',
      );
      expect(text).toContain('Were the two groups moving in step before the start?');
      expect(text).toContain('unlikely to be chance alone');
      expect(await partner.locator('main svg[role="img"] path').count()).toBe(2);
      await shot(partner, '7-impact');

      await visit(officer, `/organisations/${organisationId}/partnerships`);
      await expect
        .poll(() => officer.locator('main').textContent())
        .toContain('Working with Birchfield Primary School');
      await shot(officer, '8-dashboard');
    },
    STEP_LIMIT,
  );
});
