import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { importDemoWales } from '../../src/ingest/demo-wales.ts';
import { signInBrowser } from '../helpers/accounts.ts';
import { expectNoAxeViolations } from '../helpers/browser.ts';
import { useBrowserApp } from '../helpers/browser-app.ts';

const SHOTS = '.s2s/screenshots';
// A limit, not a measurement: axe on several pages is slow on a busy shared machine.
const JOURNEY_LIMIT = 300_000;

describe('the partner journey in Welsh in Chromium', () => {
  const served = useBrowserApp((db) => importDemoWales(db).then(() => undefined));
  let page: Page;

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    const context = await served.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const cardiff = await served.db
      .selectFrom('schools')
      .select('urn')
      .where('la_code', '=', '681')
      .orderBy('urn')
      .executeTakeFirstOrThrow();
    await signInBrowser(context, served.url, served.db, {
      name: 'Siân Pennaeth',
      schools: [{ urn: cardiff.urn, role: 'admin' }],
    });
    page = await context.newPage();
    page.setDefaultTimeout(20_000);
  });

  /**
   * Each page of the journey is in Welsh (`<html lang="cy">`), passes axe, and has a switch to
   * English that stays on the page; it is photographed at 1280 and 390 px.
   */
  const checkPage = async (name: string) => {
    expect(await page.locator('html').getAttribute('lang')).toBe('cy');
    await expectNoAxeViolations(page);
    const english = page.locator('a.govuk-language-navigation__link[lang="en"]');
    expect(await english.textContent()).toContain('English');
    const here = new URL(page.url());
    const target = new URL((await english.getAttribute('href'))!, page.url());
    expect(target.pathname).toBe(here.pathname);
    expect(target.searchParams.get('lang')).toBe('en');
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SHOTS}/cymraeg-${name}-${width}.png`, fullPage: true });
    }
  };

  it(
    'finds a Cardiff school, reads its profile, finds Welsh-medium partners and opens a proposal, all in Welsh',
    async () => {
      await page.goto(`${served.url}/?lang=cy`);
      expect(await page.locator('h1').textContent()).toBe('Dod o hyd i ysgol');
      await checkPage('1-find');

      await page.getByLabel('Enw’r ysgol, URN neu rif ysgol Cymru, cod post neu dref').fill('Cardiff');
      await page.getByRole('button', { name: 'Chwilio' }).click();
      await page.waitForURL(/q=Cardiff/);
      expect(await page.locator('#results-heading').textContent()).toMatch(/Cafwyd hyd i \d+ ysgol/);
      await checkPage('2-results');

      await page.locator('.s2s-results h3 a').first().click();
      await page.waitForURL(/\/schools\/681\d{4}/);
      expect(await page.locator('main').textContent()).toContain('Ffeithiau allweddol');
      expect(await page.locator('main').textContent()).toContain('Y cyd-destun Cymreig');
      await checkPage('3-profile');

      await page.getByRole('link', { name: 'Dod o hyd i bartneriaid i’r ysgol hon' }).click();
      await page.waitForURL(/\/partners/);
      expect(await page.locator('h1').textContent()).toBe('Dod o hyd i bartneriaid');
      await page.getByLabel('Cyfrwng iaith partneriaid').selectOption('welsh-medium');
      await page.getByLabel('Cymheiriad: ysgol ar gam tebyg o wella').check();
      await page.getByRole('button', { name: 'Dod o hyd i bartneriaid' }).click();
      await page.waitForURL(/languageMedium=welsh-medium/);
      expect(await page.locator('h2.govuk-heading-l').textContent()).toMatch(/Partneriaid a awgrymir: \d+/);
      await checkPage('4-partners');

      // Schools in Wales have no evidence the profiles can place, so none is suggested yet: the
      // proposal is opened as the partners' links open it.
      const [from, to] = await served.db
        .selectFrom('schools')
        .select('urn')
        .where('la_code', '=', '681')
        .orderBy('urn')
        .limit(2)
        .execute();
      await page.goto(`${served.url}/partnerships/new?with=${to!.urn}&from=${from!.urn}&strategy=peer`);
      expect(await page.locator('h1').textContent()).toBe('Cynnig partneriaeth');
      await checkPage('5-proposal');
      await page.getByLabel('Enw’r bartneriaeth').fill('');
      await page.getByRole('button', { name: 'Anfon y cynnig' }).click();
      await page.waitForLoadState();
      expect(await page.locator('.govuk-error-summary').textContent()).toContain(
        'Rhowch enw i’r bartneriaeth',
      );
      await checkPage('6-proposal-errors');
    },
    JOURNEY_LIMIT,
  );
});
