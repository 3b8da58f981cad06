import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, createUser, signInBrowser } from '../helpers/accounts.ts';
import { useBrowserApp } from '../helpers/browser-app.ts';
import { expectNoAxeViolations, shownText } from '../helpers/browser.ts';
import { readOutbox } from '../helpers/mail.ts';
import { insertSchool } from '../helpers/schools.ts';

// A limit, not a measurement: axe on every page is slow on a busy shared machine.
const STEP_LIMIT = 180_000;
const OWN = 150001;
const OTHER = 150002;
const SHOTS = 'test-results';
const INVITEE = { email: 'dana.deputy@ashgrove.example.org', password: 'correct horse battery staple' };

describe('a new person joins a school by invitation and works on it in Chromium', () => {
  // The mail the service sends lands in this folder's outbox, where the invitee "reads" it.
  const dataDir = mkdtempSync(path.join(tmpdir(), 's2s-accounts-e2e-'));
  let organisationId = 0;
  const served = useBrowserApp(
    async (db) => {
      await insertSchool(db, { urn: OWN, name: 'Ashgrove Primary School', town: 'Leeds' });
      await insertSchool(db, { urn: OTHER, name: 'Birchfield Primary School', town: 'Leeds' });
      organisationId = await createOrganisation(db, { name: 'Leeds City Council', schools: [{ urn: OWN }] });
      await createUser(db, { name: 'Ben Head', schools: [{ urn: OTHER, role: 'admin' }] });
    },
    { S2S_DATA_DIR: dataDir },
  );
  let admin: Page;
  let invitee: Page;
  let platformAdmin: Page;

  /** Every page is checked with axe as it is reached; the answer's status is given back. */
  const visit = async (page: Page, pathname: string) => {
    const response = await page.goto(`${served.url}${pathname}`);
    await expectNoAxeViolations(page);
    return response?.status();
  };
  const submit = async (page: Page, button: string) => {
    await page.getByRole('button', { name: button }).click();
    await page.waitForLoadState();
    await expectNoAxeViolations(page);
  };
  const localPath = (page: Page) => page.url().replace(served.url, '');
  const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);
  /** Tabs forward until the field is focused, as someone without a mouse would. */
  const tabTo = async (page: Page, id: string) => {
    for (let presses = 0; presses < 40; presses++) {
      await page.keyboard.press('Tab');
      if ((await focusedId(page)) === id) return;
    }
    throw new Error(`Tab never reached #${id}`);
  };

  beforeAll(async () => {
    const signedIn = async (spec: Parameters<typeof signInBrowser>[3]) => {
      const context = await served.browser.newContext();
      if (spec) await signInBrowser(context, served.url, served.db, spec);
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      return page;
    };
    admin = await signedIn({ name: 'Asha Head', schools: [{ urn: OWN, role: 'admin' }] });
    invitee = await signedIn(undefined);
    platformAdmin = await signedIn({ name: 'Pat Admin', platformAdmin: true });
  });
  beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(
    'a school administrator invites a new person, who accepts and chooses a password',
    async () => {
      await visit(admin, `/schools/${OWN}/members`);
      await admin.getByLabel('Email address').fill(INVITEE.email);
      await admin.getByLabel('Administrator').check();
      await submit(admin, 'Send invitation');
      await expect
        .poll(() => shownText(admin.locator('.govuk-notification-banner')))
        .toContain(`We have emailed an invitation to ${INVITEE.email}`);

      const mail = (await readOutbox(dataDir)).filter((m) => m.to.includes(INVITEE.email));
      expect(mail).toHaveLength(1);
      expect(mail[0]!.subject).toBe('You are invited to join Ashgrove Primary School on S2S');
      const link = /https?:\/\/\S+\/invitations\/\S+/.exec(mail[0]!.text)?.[0];
      expect(link).toBeDefined();

      await visit(invitee, new URL(link!).pathname);
      await expect
        .poll(() => shownText(invitee.locator('main')))
        .toContain('invited to join Ashgrove Primary School as an administrator');
      await submit(invitee, 'Create account and accept');
      await expect
        .poll(() => shownText(invitee.locator('.govuk-error-summary')))
        .toContain('Enter your full name');
      await invitee.getByLabel('Full name').fill('Dana Deputy');
      await invitee.getByLabel('New password', { exact: true }).fill(INVITEE.password);
      await invitee.getByLabel('Type the new password again').fill(INVITEE.password);
      await submit(invitee, 'Create account and accept');
      expect(localPath(invitee)).toBe('/account');
      const account = await shownText(invitee.locator('main'));
      expect(account).toContain('Dana Deputy');
      expect(account).toContain('Ashgrove Primary School');
      expect(account).toContain('Administrator');

      // The link was for one use, and says it was used (not that it expired), on a desk and a phone.
      expect(await visit(invitee, new URL(link!).pathname)).toBe(404);
      for (const width of [1280, 390]) {
        await invitee.setViewportSize({ width, height: 900 });
        await invitee.reload();
        await expectNoAxeViolations(invitee);
        expect(await shownText(invitee.locator('h1'))).toBe('This invitation has already been used');
        expect(await shownText(invitee.locator('main'))).not.toContain('expired');
        expect(await invitee.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await invitee.screenshot({ path: `${SHOTS}/invitation-used-${width}.png`, fullPage: true });
      }
      await invitee.setViewportSize({ width: 1280, height: 720 });
    },
    STEP_LIMIT,
  );

  it(
    'signs out, then signs back in with the keyboard alone and is taken where they were heading',
    async () => {
      // One press, from the header of any page.
      await expectNoAxeViolations(invitee);
      await submit(invitee, 'Sign out');
      expect(localPath(invitee)).toBe('/sign-in?signedOut=1');

      await visit(invitee, `/schools/${OWN}/sharing`);
      expect(localPath(invitee)).toBe(`/sign-in?next=${encodeURIComponent(`/schools/${OWN}/sharing`)}`);
      await tabTo(invitee, 'email');
      await invitee.keyboard.type(INVITEE.email);
      await invitee.keyboard.press('Tab');
      expect(await focusedId(invitee)).toBe('password');
      await invitee.keyboard.type(INVITEE.password);
      await Promise.all([invitee.waitForURL(`**/schools/${OWN}/sharing`), invitee.keyboard.press('Enter')]);
      await expectNoAxeViolations(invitee);
      await expect.poll(() => shownText(invitee.locator('h1'))).toContain('Sharing with organisations');
    },
    STEP_LIMIT,
  );

  it(
    'chooses what their own school shares, and the choice is kept',
    async () => {
      const council = invitee.getByLabel('Leeds City Council (local authority)');
      expect(await council.isChecked()).toBe(false);
      await council.check();
      await submit(invitee, 'Save choices');
      await expect
        .poll(() => shownText(invitee.locator('.govuk-notification-banner')))
        .toContain('Your choices have been saved');
      expect(await council.isChecked()).toBe(true);
      const shared = await served.db
        .selectFrom('organisation_schools')
        .select('shares_records')
        .where('organisation_id', '=', organisationId)
        .where('urn', '=', OWN)
        .executeTakeFirstOrThrow();
      expect(shared.shares_records).toBe(true);

      await visit(invitee, `/schools/${OWN}/settings`);
      await invitee.getByLabel('How many schools can you support at once?').fill('2');
      await invitee
        .getByRole('group', { name: 'Where would your school like support?' })
        .getByLabel('Leadership')
        .check();
      await submit(invitee, 'Save settings');
      await expect
        .poll(() => shownText(invitee.locator('.govuk-notification-banner')))
        .toContain('Your school’s settings have been saved');
      expect(await invitee.getByLabel('How many schools can you support at once?').inputValue()).toBe('2');

      // The school's audit log reads as words: who did what, with no raw JSON or action codes.
      for (const width of [1280, 390]) {
        await invitee.setViewportSize({ width, height: 900 });
        await visit(invitee, `/schools/${OWN}/audit`);
        expect(await shownText(invitee.locator('h1'))).toBe('Audit log for Ashgrove Primary School');
        const text = await shownText(invitee.locator('main'));
        expect(text).toContain(INVITEE.email);
        expect(text).not.toMatch(/[{}"]|\w\.\w+-\w+/);
        expect(await invitee.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await invitee.screenshot({ path: `${SHOTS}/school-audit-${width}.png`, fullPage: true });
      }
      await invitee.setViewportSize({ width: 1280, height: 720 });
    },
    STEP_LIMIT,
  );

  it(
    'is designated a specialist leader of education by a platform administrator, and sees it on their account',
    async () => {
      await visit(platformAdmin, '/admin');
      await platformAdmin
        .getByRole('link', { name: 'Set or remove a person’s system leader designation' })
        .click();
      await expectNoAxeViolations(platformAdmin);
      await platformAdmin.getByLabel('Email address of the person’s account').fill(INVITEE.email);
      await submit(platformAdmin, 'Find the person');
      await expect.poll(() => shownText(platformAdmin.locator('h1'))).toContain('Dana Deputy');
      await platformAdmin.getByLabel('Specialist leader of education (SLE)').check();
      await submit(platformAdmin, 'Save designation');
      await expect
        .poll(() => shownText(platformAdmin.locator('.govuk-notification-banner')))
        .toContain('The designation has been saved');

      await visit(invitee, '/account');
      await expect
        .poll(() => shownText(invitee.locator('main')))
        .toContain('Specialist leader of education (SLE)');
    },
    STEP_LIMIT,
  );

  it(
    'is refused another school’s private pages',
    async () => {
      for (const page of ['settings', 'members', 'sharing', 'audit']) {
        expect(await visit(invitee, `/schools/${OTHER}/${page}`)).toBe(403);
        await expect
          .poll(() => shownText(invitee.locator('h1')))
          .toContain('You do not have permission to see this page');
      }
    },
    STEP_LIMIT,
  );

  it(
    'signs out, after which the private pages send them to sign in',
    async () => {
      await visit(invitee, '/sign-out');
      await submit(invitee, 'Sign out');
      await expect
        .poll(() => shownText(invitee.locator('.govuk-notification-banner')))
        .toContain('You have signed out');
      for (const page of ['settings', 'sharing']) {
        await visit(invitee, `/schools/${OWN}/${page}`);
        expect(localPath(invitee)).toBe(`/sign-in?next=${encodeURIComponent(`/schools/${OWN}/${page}`)}`);
      }
      await visit(invitee, '/account');
      expect(localPath(invitee)).toBe(`/sign-in?next=${encodeURIComponent('/account')}`);
    },
    STEP_LIMIT,
  );
});
