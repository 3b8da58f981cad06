import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInBrowser } from '../helpers/accounts.ts';
import { useBrowserApp } from '../helpers/browser-app.ts';
import { expectNoAxeViolations, shownText } from '../helpers/browser.ts';
import { insertSchool } from '../helpers/schools.ts';

const ASH = 132001;
const BIRCH = 132002;
const BIRCHWOOD = 132003;
// A Welsh school is known by its Welsh school number (LA 681, Cardiff), not a URN.
const BEDW = 6812001;

describe('a head finds the partner school by name in Chromium', () => {
  const served = useBrowserApp(async (db) => {
    await insertSchool(db, { urn: ASH, name: 'Ash Primary', town: 'Leeds' });
    await insertSchool(db, { urn: BIRCH, name: 'Birch Primary', town: 'Leeds' });
    await insertSchool(db, { urn: BIRCHWOOD, name: 'Birchwood Academy', town: 'York' });
    await insertSchool(db, { urn: BEDW, name: 'Ysgol y Bedw', town: 'Caerdydd' });
  });
  let page: Page;
  let noScript: Page;

  beforeAll(async () => {
    const context = await served.browser.newContext();
    const plain = await served.browser.newContext({ javaScriptEnabled: false });
    for (const c of [context, plain])
      await signInBrowser(c, served.url, served.db, { schools: [{ urn: ASH, role: 'admin' }] });
    page = await context.newPage();
    noScript = await plain.newPage();
  });

  it('suggests schools as the head types and opens the proposal to the one chosen by keyboard', async () => {
    await page.goto(`${served.url}/partnerships/new?from=${ASH}`);
    await page.getByLabel('Find the partner school by name').fill('birch');
    const options = page.getByRole('option');
    await expect
      .poll(() => options.allTextContents())
      .toEqual([`Birch Primary, Leeds (URN ${BIRCH})`, `Birchwood Academy, York (URN ${BIRCHWOOD})`]);
    await expectNoAxeViolations(page);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `.s2s/partner-by-name-${width}.png`, fullPage: true });
    }
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toContain(`with=${BIRCHWOOD}`);
    expect(new URL(page.url()).searchParams.get('from')).toBe(String(ASH));
    await expect.poll(() => shownText(page.locator('main'))).toContain('Birchwood Academy');
    await expectNoAxeViolations(page);
  });

  it('speaks Welsh on a Welsh page: the suggestions, what a screen reader announces, and no match', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${served.url}/partnerships/new?from=${ASH}&lang=cy`);
    const field = page.getByLabel('Dod o hyd i’r ysgol bartner yn ôl ei henw');
    const options = page.getByRole('option');
    const announced = () =>
      page
        .locator('[id^="partnerName__status"]')
        .allTextContents()
        .then((texts) => texts.join('').trim());
    await field.fill('bedw');
    await expect
      .poll(() => options.allTextContents())
      .toEqual([`Ysgol y Bedw, Caerdydd (Rhif ysgol ${BEDW})`]);
    await expect.poll(announced).toBe('Mae 1 ysgol yn cyfateb.');
    await page.keyboard.press('ArrowDown');
    await expect.poll(announced).toBe('Mae 1 ysgol yn cyfateb. Mae Ysgol y Bedw, 1 o 1, wedi’i amlygu');
    await field.fill('birch');
    await expect
      .poll(() => options.allTextContents())
      .toEqual([`Birch Primary, Leeds (URN ${BIRCH})`, `Birchwood Academy, York (URN ${BIRCHWOOD})`]);
    await expect.poll(announced).toBe('Mae 2 ysgol yn cyfateb.');
    await field.fill('zzzz');
    await expect.poll(() => options.allTextContents()).toEqual(['Nid oes gan unrhyw ysgol enw fel yna']);
    await expect.poll(announced).toBe('Nid oes gan unrhyw ysgol enw fel yna');
    await expectNoAxeViolations(page);
  });

  it('finds the school with a plain search where JavaScript does not run', async () => {
    await noScript.goto(`${served.url}/partnerships/new?from=${ASH}`);
    await noScript.getByLabel('Find the partner school by name').fill('birch');
    await noScript.getByRole('button', { name: 'Find the school' }).click();
    await noScript.getByRole('link', { name: 'Propose to Birch Primary' }).click();
    await expect.poll(() => noScript.url()).toContain(`with=${BIRCH}`);
    expect(await shownText(noScript.locator('main'))).toContain('Birch Primary');
  });
});
