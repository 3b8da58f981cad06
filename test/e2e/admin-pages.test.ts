import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, signInBrowser } from '../helpers/accounts.ts';
import { useBrowserApp } from '../helpers/browser-app.ts';
import { expectNoAxeViolations } from '../helpers/browser.ts';
import { insertSchool } from '../helpers/schools.ts';

const SHOTS = 'test-results';
const WIDTHS = [1280, 390];

describe('the administration pages in Chromium, on a desk and on a phone', () => {
  const served = useBrowserApp(async (db) => {
    for (const urn of [520001, 520002])
      await insertSchool(db, { urn, name: `Ouse School ${urn}`, laCode: '816', laName: 'York' });
  });

  beforeAll(() => fs.mkdirSync(SHOTS, { recursive: true }));

  for (const width of WIDTHS)
    it(`previews and adds a local authority's schools, then reads the audit log in words (${width} px)`, async () => {
      const organisationId = await createOrganisation(served.db, { name: `City of York Council ${width}` });
      const context = await served.browser.newContext({ viewport: { width, height: 900 } });
      await signInBrowser(context, served.url, served.db, {
        platformAdmin: true,
        email: `admin${width}@example.org`,
      });
      const page = await context.newPage();
      await page.goto(`${served.url}/admin/organisations/${organisationId}`);
      await page.getByRole('radio', { name: 'Every open school of a local authority' }).check();
      await page.getByRole('combobox', { name: 'Local authority' }).selectOption('816');
      await page.getByRole('button', { name: 'Preview the schools' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Check the schools to add');
      await expectNoAxeViolations(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `${SHOTS}/organisation-bulk-${width}.png`, fullPage: true });
      await page.getByRole('button', { name: /^Add \d+ schools?$/ }).click();
      await expect
        .poll(() => page.locator('.govuk-notification-banner').textContent())
        .toContain('Added 2 schools.');

      await page.goto(`${served.url}/admin/audit`);
      const text = (await page.locator('main').textContent())!;
      expect(text).toContain('Added a school to an organisation');
      expect(text).not.toMatch(/[{}]|organisation\.school-added/);
      await expectNoAxeViolations(page);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: `${SHOTS}/audit-${width}.png`, fullPage: true });

      // Signing out is one press, from the header.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await expect.poll(() => page.url()).toContain('/sign-in?signedOut=1');
      await context.close();
    });
});
