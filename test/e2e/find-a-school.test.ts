import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, shownText } from '../helpers/browser.ts';
import { insertSchool } from '../helpers/schools.ts';
import { useBrowserApp } from '../helpers/browser-app.ts';

describe('a school leader finds a school in Chromium', () => {
  const served = useBrowserApp(async (db) => {
    for (let i = 0; i < 25; i++) {
      await insertSchool(db, {
        urn: 120000 + i,
        name: `Riverside Primary ${i}`,
        town: 'Bristol',
        postcode: 'BS1 4AA',
      });
    }
    await insertSchool(db, {
      urn: 130000,
      name: 'Hillcrest Academy',
      phase: 'secondary',
      town: 'Bath',
      postcode: 'BA1 1AA',
    });
  });
  let page: Page;

  beforeAll(async () => {
    page = await (await served.browser.newContext()).newPage();
  });

  it('searches by keyboard, pages through results and opens a profile, with no axe violations', async () => {
    await page.goto(served.url);
    await expectNoAxeViolations(page);
    await page.getByLabel('School name, URN or Welsh school number, postcode or town').fill('riverside');
    await page.keyboard.press('Enter');
    await expect.poll(() => shownText(page.locator('#results-heading'))).toContain('25 schools found');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Next' }).click();
    await expect.poll(() => page.locator('main li h3').count()).toBe(5);
    await page
      .getByRole('link', { name: /Riverside Primary/ })
      .first()
      .click();
    await expect.poll(() => shownText(page.locator('h1'))).toMatch(/Riverside Primary/);
    await expect.poll(() => shownText(page.locator('main'))).toContain('No inspection is recorded');
    await expectNoAxeViolations(page);
  });

  it('shows a helpful page for an unknown school', async () => {
    const response = await page.goto(`${served.url}/schools/999999`);
    expect(response?.status()).toBe(404);
    await expect.poll(() => shownText(page.locator('h1'))).toBe('Page not found');
    await expectNoAxeViolations(page);
  });
});
