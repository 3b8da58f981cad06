import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations } from '../helpers/browser.ts';
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
    expect(await noScript.locator('h1').textContent()).toBe('Find partners');
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
    expect(await page.locator('.govuk-error-summary').textContent()).toContain(
      'Enter the radius as a number of kilometres',
    );
    expect(await page.getByLabel('How far can you travel?').inputValue()).toBe('far');
    await expectNoAxeViolations(page);
  });
});
