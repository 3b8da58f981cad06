import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, shownText } from '../helpers/browser.ts';
import { insertMatchingDataset } from '../helpers/matching-dataset.ts';
import { useBrowserApp } from '../helpers/browser-app.ts';

describe('a school leader finds partners in Chromium', () => {
  const served = useBrowserApp(insertMatchingDataset);
  let page: Page;
  let noScript: Page;

  beforeAll(async () => {
    page = await (await served.browser.newContext()).newPage();
    noScript = await (await served.browser.newContext({ javaScriptEnabled: false })).newPage();
  });

  it('goes from the school profile to ranked partners with reasons and a map, without JavaScript', async () => {
    await noScript.goto(`${served.url}/schools/200001`);
    await noScript.getByRole('link', { name: 'Find partners for this school' }).click();
    await noScript.waitForURL(/\/schools\/200001\/partners$/);
    expect(await shownText(noScript.locator('h1'))).toBe('Find partners');
    await noScript.getByRole('button', { name: 'Find partners' }).click();
    await noScript.waitForURL(/strategy=support/);
    const names = await noScript.locator('.s2s-candidates h3 a').allTextContents();
    expect(names).toEqual(['Beacon Primary School', 'Hillside Primary School']);
    expect(await noScript.getByText('2.0 km away').count()).toBe(1);
    expect(await noScript.getByRole('img', { name: /Map: your school/ }).count()).toBe(1);
    await page.goto(noScript.url());
    await page.screenshot({ path: '.s2s/find-partners.png', fullPage: true });
    await expectNoAxeViolations(page);
  });

  it('switches to peer partners from the form with the keyboard', async () => {
    await page.goto(`${served.url}/schools/200001/partners`);
    await page.getByLabel('Peer: a school at a similar stage of improvement').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Find partners' }).press('Enter');
    await page.waitForURL(/strategy=peer/);
    expect(await page.locator('.s2s-candidates h3 a').allTextContents()).toEqual(['Valley Primary School']);
  });

  it('names the field that is wrong, keeping what was typed', async () => {
    await page.goto(`${served.url}/schools/200001/partners?strategy=support&radiusKm=far`);
    expect(await shownText(page.locator('.govuk-error-summary'))).toContain(
      'Enter the radius as a number of kilometres',
    );
    expect(await page.getByLabel('How far can you travel?').inputValue()).toBe('far');
    await expectNoAxeViolations(page);
  });

  it('looks for partners near a place, saying how the place was found, without JavaScript', async () => {
    await noScript.goto(`${served.url}/schools/200001/partners`);
    await noScript.getByLabel('Near a place (optional)').fill('200003');
    await noScript.getByRole('button', { name: 'Find partners' }).click();
    await noScript.waitForURL(/near=200003/);
    expect(await shownText(noScript.locator('h2.govuk-heading-l'))).toContain(
      'suggested partners near Hillside Primary School',
    );
    expect(await noScript.getByText('3.0 km from Hillside Primary School').count()).toBe(1);
    expect(await noScript.getByRole('img', { name: /Map: Hillside Primary School/ }).count()).toBe(1);
    await page.goto(noScript.url());
    await page.getByText('How places are found').click();
    expect(await page.getByText('not from a postcode directory').isVisible()).toBe(true);
    await expectNoAxeViolations(page);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `.s2s/partners-near-${width}.png`, fullPage: true });
    }
  });

  it('compares the candidates side by side in a table, without JavaScript', async () => {
    await noScript.goto(`${served.url}/schools/200001/partners?strategy=support`);
    await noScript.getByRole('link', { name: 'Compare them side by side in a table' }).click();
    await noScript.waitForURL(/view=table/);
    const table = noScript.getByRole('table', { name: /Suggested partners side by side/ });
    expect(await shownText(table.locator('tbody th a').first())).toBe('Beacon Primary School');
    expect(await table.locator('tbody tr').count()).toBe(2);
    // A new search keeps the table.
    await noScript.getByLabel('Peer: a school at a similar stage of improvement').check();
    await noScript.getByRole('button', { name: 'Find partners' }).click();
    await noScript.waitForURL(/strategy=peer/);
    expect(noScript.url()).toContain('view=table');
    await page.goto(`${served.url}/schools/200001/partners?strategy=support&view=table`);
    await expectNoAxeViolations(page);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `.s2s/partners-table-${width}.png`, fullPage: true });
    }
  });
});
