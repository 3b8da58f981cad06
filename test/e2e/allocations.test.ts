import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, shownText } from '../helpers/browser.ts';
import { useBrowserApp } from '../helpers/browser-app.ts';
import { insertCapacitySchools } from '../helpers/capacity-fixture.ts';

describe('an officer reads the national allocation in Chromium', () => {
  const served = useBrowserApp(insertCapacitySchools);
  let page: Page;
  let noScript: Page;

  beforeAll(async () => {
    page = await (await served.browser.newContext()).newPage();
    noScript = await (await served.browser.newContext({ javaScriptEnabled: false })).newPage();
  });

  it('goes from a capacity row of one phase to that area’s schools in need and their supporters', async () => {
    await noScript.goto(`${served.url}/capacity?by=la&phase=secondary`);
    await noScript.getByRole('link', { name: /^Kent/ }).click();
    await noScript.waitForURL(/\/allocations\?la=886&phase=secondary/);
    expect(await shownText(noScript.locator('h1'))).toContain(
      'Schools in need in Kent, in the secondary phase',
    );
    const inNeed = await noScript.locator('#allocation-table tbody th a').allTextContents();
    expect(inNeed).toEqual(['Maidstone In Need', 'Canterbury In Need']);
  });

  it('filters by region and phase with the form, without JavaScript, and passes axe', async () => {
    await noScript.goto(`${served.url}/allocations`);
    await noScript.getByLabel('Region').selectOption({ label: 'Yorkshire and The Humber' });
    await noScript.getByLabel('Phase').selectOption({ label: 'Primary' });
    await noScript.getByRole('button', { name: 'Show allocation' }).click();
    await noScript.waitForURL(/phase=primary/);
    expect(await noScript.locator('#unsupported + table tbody th a').allTextContents()).toEqual([
      'Leeds Primary In Need',
    ]);
    expect(await noScript.locator('#allocation-table').count()).toBe(0);
    await page.goto(`${served.url}/allocations?region=E15000003&phase=secondary`);
    expect(await page.locator('#allocation-table tbody tr').count()).toBe(2);
    await expectNoAxeViolations(page);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `.s2s/allocations-${width}.png`, fullPage: true });
    }
  });
});
