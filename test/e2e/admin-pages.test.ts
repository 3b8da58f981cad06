import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, signInBrowser } from '../helpers/accounts.ts';
import { useBrowserApp } from '../helpers/browser-app.ts';
import { expectNoAxeViolations, shownText } from '../helpers/browser.ts';
import { insertSchool } from '../helpers/schools.ts';

const SHOTS = 'test-results';
const WIDTHS = [1280, 390];
// A limit, not a measurement: Chromium and axe on a busy shared machine.
const STEP_LIMIT = 180_000;

describe('the administration pages in Chromium, on a desk and on a phone', () => {
  const served = useBrowserApp(async (db) => {
    for (const urn of [520001, 520002])
      await insertSchool(db, { urn, name: `Ouse School ${urn}`, laCode: '816', laName: 'York' });
  });

  beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

  for (const width of WIDTHS)
    it(
      `previews and adds a local authority's schools, then reads the audit log in words (${width} px)`,
      async () => {
        const organisationId = await createOrganisation(served.db, { name: `City of York Council ${width}` });
        const context = await served.browser.newContext({ viewport: { width, height: 900 } });
        await signInBrowser(context, served.url, served.db, {
          platformAdmin: true,
          email: `admin${width}@example.org`,
        });
        const page = await context.newPage();
        await page.goto(`${served.url}/admin/organisations/${organisationId}`);
        await expectNoAxeViolations(page);
        await page
          .getByRole('combobox', { name: 'Every open school of a local authority' })
          .selectOption('816');
        await page.getByRole('button', { name: 'Preview the local authority’s schools' }).click();
        await expect.poll(() => shownText(page.locator('h1'))).toBe('Check the schools to add');
        await expectNoAxeViolations(page);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.screenshot({ path: `${SHOTS}/organisation-bulk-${width}.png`, fullPage: true });
        await page.getByRole('button', { name: /^Add \d+ schools?$/ }).click();
        await expect
          .poll(() => shownText(page.locator('.govuk-notification-banner')))
          .toContain('Added 2 schools.');

        await page.goto(`${served.url}/admin/audit`);
        const text = await shownText(page.locator('main'));
        expect(text).toContain('Added a school to an organisation');
        expect(text).not.toMatch(/[{}]|organisation\.school-added/);
        await expectNoAxeViolations(page);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.screenshot({ path: `${SHOTS}/audit-${width}.png`, fullPage: true });

        // Signing out is one press, from the header.
        await page.getByRole('button', { name: 'Sign out' }).click();
        await expect.poll(() => page.url()).toContain('/sign-in?signedOut=1');
        await context.close();
      },
      STEP_LIMIT,
    );

  for (const width of WIDTHS)
    it(
      `an organisation officer adds a pasted list of schools to their own organisation (${width} px)`,
      async () => {
        const organisationId = await createOrganisation(served.db, {
          name: `Ouse Trust ${width}`,
          kind: 'trust',
          schools: [{ urn: 520001, sharesRecords: true }],
        });
        const context = await served.browser.newContext({ viewport: { width, height: 900 } });
        await signInBrowser(context, served.url, served.db, {
          organisations: [organisationId],
          email: `officer${width}@example.org`,
        });
        const page = await context.newPage();
        await page.goto(`${served.url}/partnerships`);
        await page.getByRole('link', { name: `Schools of Ouse Trust ${width}` }).click();
        await expect.poll(() => shownText(page.locator('h1'))).toBe(`Ouse Trust ${width}: schools`);
        expect(await shownText(page.locator('main'))).toContain('Shares its records');
        await expectNoAxeViolations(page);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.screenshot({ path: `${SHOTS}/officer-schools-${width}.png`, fullPage: true });

        await page
          .getByRole('textbox', { name: 'A list of URNs or Welsh school numbers' })
          .fill('520001, 520002\n999999');
        await page.getByRole('button', { name: 'Preview the listed schools' }).click();
        await expect.poll(() => shownText(page.locator('h1'))).toBe('Check the schools to add');
        const preview = await shownText(page.locator('main'));
        expect(preview).toContain('1 school will be added.');
        expect(preview).toContain('1 school is in the organisation already.');
        expect(preview).toContain('left out: 999999');
        await expectNoAxeViolations(page);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.screenshot({ path: `${SHOTS}/officer-schools-preview-${width}.png`, fullPage: true });
        await page.getByRole('button', { name: 'Add 1 school' }).click();
        await expect
          .poll(() => shownText(page.locator('.govuk-notification-banner')))
          .toContain('Added 1 school.');
        expect(await shownText(page.locator('main'))).toContain('Ouse School 520002');
        await context.close();
      },
      STEP_LIMIT,
    );
});
