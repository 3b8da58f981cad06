import { describe, expect, it } from 'vitest';
import { createUser, signIn } from '../../../helpers/accounts.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { signInThroughForm } from '../../../helpers/forms.ts';
import { insertSchool } from '../../../helpers/schools.ts';
import { encodeForm, fillRoute, UNSAFE_METHODS } from '../../../helpers/site.ts';

const INTERNALS = /invalid byte sequence|22021|postgres|stack|Error:/i;
const PASSWORD = 'correct horse battery';

/**
 * What arrives at the edge before any route reads it: control characters, return addresses
 * beyond Latin-1, and who may frame the pages.
 */
describe('the edge of the service', () => {
  const t = useTestApp(async (db) => {
    await insertSchool(db, { urn: 100001, name: 'Birch Primary School' });
    await createUser(db, { email: 'head@example.org', password: PASSWORD });
  });

  it('refuses a NUL byte in a search with 400 before asking the database', async () => {
    for (const url of ['/api/schools?q=%00x', '/schools?q=%00x', '/api/schools?q=Birch%01']) {
      const response = await t.app.inject(url);
      expect(response.statusCode, url).toBe(400);
      expect(response.body, url).not.toMatch(INTERNALS);
    }
    const api = await t.app.inject('/api/schools?q=%00x');
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect(api.json()).toMatchObject({ status: 400, message: expect.stringContaining('control character') });
    // Line breaks and tabs are what people type into a text box: still welcome.
    expect((await t.app.inject('/api/schools?q=Birch%0A%09')).statusCode).toBe(200);
  });

  it('refuses a control character in any route’s query, path or form with 400', async () => {
    const admin = await signIn(t.app, t.db, { platformAdmin: true });
    const answers: string[] = [];
    const csrf = { name: '_csrf', value: admin.csrfToken };
    for (const route of t.app.routeTable) {
      const url = fillRoute(route.url, { urn: '100001' });
      const attempts: { what: string; url: string; fields: { name: string; value: string }[] }[] = [
        { what: 'query', url: `${url}?q=a%00b`, fields: [csrf] },
      ];
      if (UNSAFE_METHODS.has(route.method)) {
        const fields = [csrf, { name: 'name', value: 'a\u0000b' }, { name: 'note', value: 'x\u001bx' }];
        attempts.push({ what: 'form', url, fields });
      }
      if (/:\w+|\*/.test(route.url)) {
        attempts.push({ what: 'path', url: fillRoute(route.url, {}, 'a\u0000b'), fields: [csrf] });
      }
      for (const attempt of attempts) {
        const response = await t.app.inject({
          method: route.method as 'GET',
          url: attempt.url,
          headers: { cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
          ...(UNSAFE_METHODS.has(route.method) ? { payload: encodeForm(attempt.fields) } : {}),
        });
        if (response.statusCode !== 400)
          answers.push(`${route.method} ${attempt.url} (${attempt.what}): ${response.statusCode}`);
      }
    }
    expect(answers).toEqual([]);
  });

  it('refuses a control character in a JSON body with 400', async () => {
    const admin = await signIn(t.app, t.db, { platformAdmin: true });
    const response = await t.app.inject({
      method: 'POST',
      url: '/admin/organisations',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ kind: 'trust', names: ['Oak\u0000 Trust'] }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toMatch(INTERNALS);
  });

  it('goes back to an address with characters beyond Latin-1 after signing in, encoded', async () => {
    const next = '/schools?q=Łódź+Ā';
    const response = await signInThroughForm(t.app, 'head@example.org', PASSWORD, { next });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/schools?q=%C5%81%C3%B3d%C5%BA+%C4%80');

    const user = await signIn(t.app, t.db);
    const already = await t.app.inject({
      url: `/sign-in?next=${encodeURIComponent(next)}`,
      headers: { cookie: user.cookie },
    });
    expect(already.statusCode).toBe(303);
    expect(decodeURIComponent(String(already.headers.location))).toBe(next);
  });

  it('lets no site frame a page, and says so one way', async () => {
    for (const url of ['/', '/sign-in', '/api/schools', '/no-such-page']) {
      const response = await t.app.inject(url);
      expect(response.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(response.headers['x-frame-options'], url).toBe('DENY');
    }
  });

  it('gives each page a fresh script nonce and JSON answers a policy that loads nothing', async () => {
    const nonce = (csp: unknown) => /'nonce-([0-9a-f]+)'/.exec(String(csp))?.[1];
    const first = await t.app.inject('/sign-in');
    const second = await t.app.inject('/sign-in');
    expect(nonce(first.headers['content-security-policy'])).toBeDefined();
    expect(first.body).toContain(`nonce="${nonce(first.headers['content-security-policy'])}"`);
    expect(nonce(second.headers['content-security-policy'])).not.toBe(
      nonce(first.headers['content-security-policy']),
    );
    // The API's documentation is a page whose inline script needs one.
    expect(nonce((await t.app.inject('/api/docs/')).headers['content-security-policy'])).toBeDefined();
    for (const url of ['/api/schools', '/health/live']) {
      const { headers } = await t.app.inject(url);
      expect(headers['content-security-policy'], url).toBe("default-src 'none';frame-ancestors 'none'");
      expect(headers['x-content-type-options'], url).toBe('nosniff');
      expect(headers['cross-origin-resource-policy'], url).toBe('same-origin');
      // A page's own headers are not sent with data.
      expect(headers['referrer-policy'], url).toBeUndefined();
      expect(headers['x-xss-protection'], url).toBeUndefined();
    }
  });
});
