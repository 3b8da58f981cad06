import { describe, expect, it } from 'vitest';
import { createJoinRequest } from '../../src/data/join-requests.ts';
import { createUser, signInBrowser } from '../helpers/accounts.ts';
import { useBrowserApp } from '../helpers/browser-app.ts';
import { expectNoAxeViolations, shownText } from '../helpers/browser.ts';
import { insertSchool } from '../helpers/schools.ts';

const ASH = 133001;

describe('a school’s administrator decides a request to join in Chromium', () => {
  const served = useBrowserApp(async (db) => {
    await insertSchool(db, { urn: ASH, name: 'Ash Primary' });
    const platform = await createUser(db, { name: 'Pat Platform', platformAdmin: true });
    await createJoinRequest(db, {
      email: 'pat@example.org',
      urn: ASH,
      schoolRole: 'member',
      reason: 'platform-administrator',
      note: null,
      partnershipId: null,
      requestedBy: platform,
      now: new Date(),
    });
  });

  it('reads the request, approves it by keyboard and is told the invitation went', async () => {
    const context = await served.browser.newContext();
    await signInBrowser(context, served.url, served.db, { schools: [{ urn: ASH, role: 'admin' }] });
    const page = await context.newPage();
    await page.goto(`${served.url}/schools/${ASH}/members`);
    await expect
      .poll(() => shownText(page.locator('main')))
      .toContain('Requests to join waiting for approval');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Approve or refuse requests to join' }).click();
    await expect
      .poll(() => shownText(page.locator('h2').first()))
      .toContain('pat@example.org to join Ash Primary');
    await expectNoAxeViolations(page);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `.s2s/join-requests-${width}.png`, fullPage: true });
    }
    await page.getByRole('button', { name: /^Approve/ }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => shownText(page.locator('main')))
      .toContain('Approved: we have emailed an invitation to pat@example.org.');
    expect(await shownText(page.locator('main'))).toContain('No requests wait for your decision');
    await expectNoAxeViolations(page);
  });
});
