import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInBrowser } from '../helpers/accounts.ts';
import { expectNoAxeViolations } from '../helpers/browser.ts';
import { insertMatchingDataset } from '../helpers/matching-dataset.ts';
import { useBrowserApp } from '../helpers/browser-app.ts';

describe('a platform administrator edits a performance profile in Chromium', () => {
  const served = useBrowserApp(insertMatchingDataset);
  let page: Page;

  beforeAll(async () => {
    const context = await served.browser.newContext();
    await signInBrowser(context, served.url, served.db, { platformAdmin: true });
    page = await context.newPage();
  });

  it('goes from administration to a profile’s new version, previews it and publishes it', async () => {
    await page.goto(`${served.url}/admin`);
    await page.getByRole('link', { name: 'Edit the performance profiles' }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'NFER 2017 capacity analysis' }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Create a new version' }).click();
    await page.getByLabel('Ignore results from cohorts smaller than').fill('many');
    const rules = page.getByLabel('Rules (JSON)');
    await rules.fill((await rules.inputValue()).replace('"ofsted.overall"', '"ofsted.grade"'));
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    const summary = await page.locator('.govuk-error-summary').textContent();
    expect(summary).toContain('Minimum cohort must be a whole number of pupils');
    expect(summary).toContain('Rules, inNeed[1].all[0].measure (rule nfer.in-need.below-good)');
    expect(await page.getByLabel('Ignore results from cohorts smaller than').inputValue()).toBe('many');
    await page.screenshot({ path: '.s2s/profile-errors.png', fullPage: false });
    await expectNoAxeViolations(page);

    await page.getByLabel('Ignore results from cohorts smaller than').fill('20');
    await rules.fill((await rules.inputValue()).replace('"ofsted.grade"', '"ofsted.overall"'));
    await page.getByRole('button', { name: 'Preview the effect' }).click();
    expect(await page.locator('caption').first().textContent()).toContain('What this version would do');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain(
      'Version 2 is published',
    );
    await expectNoAxeViolations(page);
  });
});
