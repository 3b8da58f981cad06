import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInBrowser } from '../helpers/accounts.ts';
import { useBrowserApp } from '../helpers/browser-app.ts';
import { expectNoAxeViolations, shownText } from '../helpers/browser.ts';
import { insertMatchingDataset } from '../helpers/matching-dataset.ts';

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
    await page.getByRole('link', { name: 'edit the rules as JSON' }).click();
    expect(await page.getByLabel('Rules (JSON)').inputValue()).toContain('nfer.in-need.below-good');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'change only the thresholds' }).click();

    const cohort = page.getByLabel('Ignore results from cohorts smaller than');
    const ks2Average = page
      .getByRole('group', { name: 'Good at the latest inspection with high progress at KS2' })
      .getByLabel('KS2 average progress across reading, writing and maths, at or above');
    expect(await ks2Average.inputValue()).toBe('1.5');
    await cohort.fill('many');
    await ks2Average.fill('lots');
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    const summary = await shownText(page.locator('.govuk-error-summary'));
    expect(summary).toContain('Minimum cohort must be a whole number of pupils');
    expect(summary).toContain('KS2 average progress across reading, writing and maths, at or above');
    expect(await ks2Average.inputValue()).toBe('lots');
    await page.screenshot({ path: '.s2s/profile-errors.png', fullPage: false });
    await expectNoAxeViolations(page);

    await cohort.fill('20');
    await ks2Average.fill('2');
    await page.getByRole('button', { name: 'Preview the effect' }).click();
    expect(await shownText(page.locator('caption').first())).toContain('What this version would do');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    expect(await shownText(page.locator('.govuk-notification-banner'))).toContain('Version 2 is published');
    await expectNoAxeViolations(page);
  });
});
