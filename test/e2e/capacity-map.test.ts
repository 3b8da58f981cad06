import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/data/db.ts';
import { createUser } from '../helpers/accounts.ts';
import { expectNoAxeViolations, shownText } from '../helpers/browser.ts';
import { insertCapacitySchools } from '../helpers/capacity-fixture.ts';
import { useBrowserApp } from '../helpers/browser-app.ts';
import { insertLeaderProfile } from '../helpers/leaders.ts';

const SHOTS = 'test-results';

/** The capacity schools, and one system leader who published a profile at Leeds High Outstanding. */
async function seed(db: Db): Promise<void> {
  await insertCapacitySchools(db);
  const ada = await createUser(db, { name: 'Ada Leader' });
  await insertLeaderProfile(db, ada, { urn: 200001, claimedDesignations: ['SLE'], phases: ['secondary'] });
}

/** Runs in the page: the map the client script exposes. */
type MapWindow = Window & {
  s2sMap: {
    queryRenderedFeatures(options: { layers: string[] }): { properties: Record<string, unknown> }[];
    project(lngLat: [number, number]): { x: number; y: number };
    jumpTo(options: { center: [number, number]; zoom: number }): void;
    getCenter(): { lat: number; lng: number };
    once(event: string, listener: () => void): void;
  };
};

describe('the capacity map and table in Chromium', () => {
  const served = useBrowserApp(seed);
  let page: Page;

  const rendered = (layer: string, property: string) =>
    page.evaluate(
      ([l, p]) =>
        (window as unknown as MapWindow).s2sMap
          .queryRenderedFeatures({ layers: [l!] })
          .map((f) => f.properties[p!]),
      [layer, property],
    );
  const zoomTo = (center: [number, number], zoom: number) =>
    page.evaluate(
      ([c, z]) =>
        new Promise<void>((resolve) => {
          const map = (window as unknown as MapWindow).s2sMap;
          map.once('idle', () => resolve());
          map.jumpTo({ center: c as [number, number], zoom: z as number });
        }),
      [center, zoom] as const,
    );
  /** Clicks the map where a place is drawn. */
  const clickAt = async (lngLat: [number, number]) => {
    const point = await page.evaluate((p) => (window as unknown as MapWindow).s2sMap.project(p), lngLat);
    const box = (await page.locator('#s2s-map canvas').boundingBox())!;
    await page.mouse.click(box.x + point.x, box.y + point.y);
  };

  beforeAll(async () => {
    await promisify(execFile)(process.execPath, ['scripts/build-client.js']);
    page = await (await served.browser.newContext({ viewport: { width: 1280, height: 1000 } })).newPage();
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  it('draws every school of the phase and every local authority, coloured by their figures', async () => {
    await page.goto(`${served.url}/map?by=la&phase=secondary`);
    await page.waitForSelector('#s2s-map[data-ready="true"]', { timeout: 60_000 });
    await page.screenshot({ path: `${SHOTS}/map-national.png` });
    expect(new Set(await rendered('schools', 'urn'))).toEqual(
      new Set([200001, 200002, 200003, 200004, 200005, 200006, 200007, 200008]),
    );
    expect(new Set(await rendered('areas-fill', 'name'))).toEqual(new Set(['Leeds', 'York', 'Kent']));
    expect(new Set(await rendered('areas-fill', 'ratio'))).toEqual(new Set([2, 0, 0.5]));
    await expect.poll(() => shownText(page.locator('#map-vintage'))).toContain('2013');
    await expectNoAxeViolations(page);
  });

  it('opens a school’s details when it is clicked, with links to its profile and to find partners', async () => {
    await zoomTo([-1.08, 53.96], 13);
    await clickAt([-1.08, 53.96]);
    const details = page.locator('#map-details');
    await expect.poll(() => shownText(details.locator('h2'))).toBe('York College In Need');
    expect(await shownText(details)).toContain('In need of support');
    expect(await details.getByRole('link', { name: /profile/ }).getAttribute('href')).toBe('/schools/200004');
    expect(
      await details
        .getByRole('link', { name: 'Find partners for York College In Need' })
        .getAttribute('href'),
    ).toBe('/schools/200004/partners');
    await page.screenshot({ path: `${SHOTS}/map-school.png` });
  });

  it('opens an area’s figures when it is clicked, and by keyboard at the map’s centre', async () => {
    await zoomTo([0.63, 51.17], 10); // Headcorn, in Maidstone district (so Kent), away from any school
    await clickAt([0.63, 51.17]);
    const details = page.locator('#map-details');
    await expect.poll(() => shownText(details.locator('h2'))).toBe('Kent');
    expect(await shownText(details)).toMatch(/High-performing schools\s*1\s*Schools in need of support\s*2/);
    await zoomTo([-1.5, 53.75], 9); // south of Leeds
    await page.locator('#s2s-map canvas').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => shownText(details.locator('h2'))).toBe('Leeds');
  });

  it('labels towns from the registry and draws the coastline, without a tile server', async () => {
    await zoomTo([-1.3, 53.9], 8);
    const towns = await page.locator('.s2s-place-label:not([hidden])').allTextContents();
    expect(towns).toEqual(expect.arrayContaining(['Leeds', 'York']));
    await zoomTo([-1.5, 52.5], 5.5);
    expect((await rendered('coastline', 'x')).length).toBeGreaterThan(0);
    await page.screenshot({ path: `${SHOTS}/map-labels.png` });
  });

  it('puts the map above the filters on a phone', async () => {
    const phone = await (
      await served.browser.newContext({ viewport: { width: 390, height: 844 } })
    ).newPage();
    await phone.goto(`${served.url}/map?by=la&phase=secondary`);
    await phone.waitForSelector('#s2s-map[data-ready="true"]', { timeout: 60_000 });
    const map = (await phone.locator('#s2s-map').boundingBox())!;
    const filters = (await phone.getByRole('button', { name: 'Update map' }).boundingBox())!;
    expect(map.y).toBeLessThan(filters.y);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoAxeViolations(phone);
    await phone.screenshot({ path: `${SHOTS}/map-390.png`, fullPage: true });
    await phone.context().close();
  });

  it('finds a place by name and zooms to it', async () => {
    await page.getByRole('textbox', { name: 'Find a place or school' }).fill('york');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByRole('button', { name: 'York', exact: true }).click();
    const center = await page.evaluate(() => (window as unknown as MapWindow).s2sMap.getCenter());
    expect(center.lat).toBeCloseTo(53.96, 0);
    expect(center.lng).toBeCloseTo(-1.08, 0);
  });

  /** The town names whose box touches a leader's diamond at this point: all of them, or those shown. */
  const labelsOver = (lngLat: [number, number], which: 'all' | 'shown') =>
    page.evaluate(
      ([point, only]) => {
        const map = (window as unknown as MapWindow).s2sMap;
        const canvas = document.querySelector('#s2s-map canvas')!.getBoundingClientRect();
        const { x, y } = map.project(point as [number, number]);
        const half = 11;
        return Array.from(document.querySelectorAll<HTMLElement>('.s2s-place-label:not([hidden])'))
          .filter((label) => only === 'all' || getComputedStyle(label).visibility !== 'hidden')
          .filter((label) => {
            const r = label.getBoundingClientRect();
            const [left, top] = [r.left - canvas.left, r.top - canvas.top];
            return (
              left < x + half && x - half < left + r.width && top < y + half && y - half < top + r.height
            );
          })
          .map((label) => label.textContent);
      },
      [lngLat, which] as const,
    );

  it('shows the published system leaders when their layer is turned on, each linking to their profile', async () => {
    await page.goto(`${served.url}/map?by=la&phase=secondary`);
    await page.waitForSelector('#s2s-map[data-ready="true"]', { timeout: 60_000 });
    expect(await rendered('leaders', 'name')).toEqual([]);
    await page.getByRole('checkbox', { name: /Show published system leaders/ }).check();
    await expect.poll(() => rendered('leaders', 'name')).toEqual(['Ada Leader']);
    // The switch sits with the legend, below the map: back up to the map to choose the leader.
    await page.locator('#s2s-map').scrollIntoViewIfNeeded();
    await zoomTo([-1.55, 53.8], 13);
    await clickAt([-1.55, 53.8]);
    const details = page.locator('#map-details');
    await expect.poll(() => shownText(details.locator('h2'))).toBe('Ada Leader');
    expect(await shownText(details)).toContain('Leeds High Outstanding');
    expect(await details.getByRole('link', { name: /Ada Leader's profile/ }).getAttribute('href')).toMatch(
      /^\/system-leaders\/\d+$/,
    );
    // A town's name never covers a diamond: the names that would touch it give way (the fixture's
    // leader works at a school in the middle of Leeds, under the name "Leeds" at this zoom).
    expect(await labelsOver([-1.55, 53.8], 'all')).not.toEqual([]);
    expect(await labelsOver([-1.55, 53.8], 'shown')).toEqual([]);
    await expectNoAxeViolations(page);
    await page.screenshot({ path: `${SHOTS}/map-leaders.png` });
    await page.getByRole('checkbox', { name: /Show published system leaders/ }).uncheck();
    await expect.poll(() => rendered('leaders', 'name')).toEqual([]);
  });

  it('has a table alternative with the same figures as the API, sortable and accessible', async () => {
    await page.goto(`${served.url}/map?by=la&phase=secondary`);
    await page.getByRole('link', { name: 'See the same figures as a table' }).click();
    await expect.poll(() => shownText(page.locator('h1'))).toBe('Capacity for school-to-school support');
    const api = (await (
      await page.request.get(`${served.url}/api/capacity?by=la&phase=secondary`)
    ).json()) as {
      items: { name: string; highPerforming: number; inNeed: number }[];
    };
    // What a sighted reader sees in each cell: an area's link also tells screen readers where it goes.
    const rows = await page.locator('#capacity-table tbody tr').evaluateAll((trs) =>
      trs.map((tr) =>
        Array.from(tr.querySelectorAll('th, td'), (cell) => {
          const seen = cell.cloneNode(true) as Element;
          seen.querySelectorAll('.govuk-visually-hidden').forEach((hidden) => hidden.remove());
          return seen.textContent!.trim();
        }),
      ),
    );
    expect(rows.map((r) => [r[0], Number(r[1]), Number(r[2])])).toEqual(
      api.items.map((a) => [a.name, a.highPerforming, a.inNeed]),
    );
    // The map's leader layer as a list, for readers without the map.
    const leaders = page.locator('#system-leaders-table tbody tr');
    expect(await leaders.allTextContents()).toEqual([
      expect.stringMatching(/Ada Leader\s+Leeds High Outstanding\s+Leeds\s+\d/),
    ]);
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: /High-performing per school in need/ }).click();
    await expect
      .poll(() =>
        page
          .locator('#capacity-table tbody th')
          .evaluateAll((ths) =>
            ths.map((th) => th.querySelector('a')?.firstChild?.textContent ?? th.textContent),
          ),
      )
      .toEqual(['Leeds', 'Kent', 'York']);
    await page.screenshot({ path: `${SHOTS}/capacity-table.png`, fullPage: true });
  });

  it('fits the table on a 390-pixel phone: it scrolls in its own box and the page does not widen', async () => {
    const phone = await (
      await served.browser.newContext({ viewport: { width: 390, height: 844 } })
    ).newPage();
    await phone.goto(`${served.url}/capacity?by=la&phase=secondary`);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = (await phone.getByRole('region', { name: /By local authority/ }).boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    const medians = await phone.locator('#capacity-table tbody td:nth-child(5)').allTextContents();
    for (const median of medians) expect(median.trim()).toMatch(/^(\d+(\.5)?|–)$/);
    const areas = await phone.locator('#capacity-table tbody th').allTextContents();
    expect(areas.filter((area) => area.startsWith('Area not recorded'))).toEqual([]);
    await expectNoAxeViolations(phone);
    await phone.screenshot({ path: `${SHOTS}/capacity-table-390.png`, fullPage: true });
    await phone.locator('#capacity-table').scrollIntoViewIfNeeded();
    await phone.screenshot({ path: `${SHOTS}/capacity-table-390-view.png` });
    await phone.context().close();
  });
});
