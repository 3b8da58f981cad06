import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../../../src/data/db.ts';
import { signIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { crawl } from '../../../helpers/site.ts';

const URN = 140001;
const seed = async (db: Db) => {
  await insertSchool(db, { urn: URN, name: 'Alder Primary' });
};

/**
 * What the GOV.UK Design System reserves for services on GOV.UK. The map still credits Ordnance
 * Survey's boundaries ("© Crown copyright and database right"): their licence requires it, and it
 * claims nothing for this service.
 */
function expectNothingReservedForGovUk(html: string, url: string) {
  expect(html, url).not.toMatch(/crown copyright(?! and database right)/i);
  expect(html, url).not.toMatch(/govuk-logo|govuk-header__logo|govuk-footer__crown|govuk-icon/);
  expect(html, url).not.toContain('GOV.UK');
}

describe('a service under its own name', () => {
  const t = useTestApp(seed);

  it('carries no crown, GOV.UK logotype or Crown copyright on any page, signed in or not', async () => {
    const admin = await signIn(t.app, t.db, { schools: [{ urn: URN, role: 'admin' }] });
    const pages = [
      ...(await crawl(t.app, ['/', '/sign-in', '/no-such-page'], {}, 60)),
      ...(await crawl(t.app, ['/', '/partnerships', '/account'], { cookie: admin.cookie }, 60)),
    ];
    expect(pages.length).toBeGreaterThan(10);
    for (const page of pages) expectNothingReservedForGovUk(page.html, page.url);
  });

  it('names the default organisation in the header and keeps the Open Government Licence notice', async () => {
    const res = await t.app.inject({ url: '/' });
    expect(res.body).toMatch(/<span class="s2s-header__name">S2S<\/span>/);
    expect(res.body).toContain('Open Government Licence v3.0');
    expect(res.body).not.toContain('/branding/logo');
  });
});

describe('an instance branded by its operator', () => {
  const logo = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>';
  const logoFile = path.join(mkdtempSync(path.join(tmpdir(), 's2s-logo-')), 'logo.svg');
  writeFileSync(logoFile, logo);
  const t = useTestApp(seed, {
    env: { S2S_ORGANISATION_NAME: 'Leeds City Council', S2S_ORGANISATION_LOGO: logoFile },
  });

  it('shows the organisation and its logo on every page', async () => {
    const res = await t.app.inject({ url: '/' });
    expect(res.body).toContain('<span class="s2s-header__name">Leeds City Council</span>');
    expect(res.body).toContain('src="/branding/logo"');
    expect(res.body).toMatch(/<title>[^<]*– Leeds City Council\s*<\/title>/);
    const image = await t.app.inject({ url: '/branding/logo' });
    expect(image.headers['content-type']).toContain('image/svg+xml');
    expect(image.body).toBe(logo);
  });
});
