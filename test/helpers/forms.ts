import type { FastifyInstance } from 'fastify';

/** Posts a form as a browser would (urlencoded; repeated fields for lists). */
export function postForm(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string | string[]>,
  headers: Record<string, string> = {},
) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(key, v);
  return app.inject({
    method: 'POST',
    url,
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
}

/** An anonymous visitor's CSRF cookie and token, as the sign-in form would give them. */
export async function anonymousCsrf(app: FastifyInstance): Promise<{ cookie: string; csrfToken: string }> {
  const response = await app.inject('/api/session');
  const secret = response.cookies.find((c) => c.name === 's2s-csrf');
  if (!secret) throw new Error('no CSRF cookie');
  return {
    cookie: `s2s-csrf=${secret.value}`,
    csrfToken: (response.json() as { csrfToken: string }).csrfToken,
  };
}

/** Signs in through the sign-in form, as a browser with the given cookies (e.g. a planted session) would. */
export async function signInThroughForm(
  app: FastifyInstance,
  email: string,
  password: string,
  extra: Record<string, string> = {},
  cookie?: string,
) {
  const csrf = await anonymousCsrf(app);
  return postForm(
    app,
    '/sign-in',
    { _csrf: csrf.csrfToken, email, password, ...extra },
    { cookie: [csrf.cookie, cookie].filter(Boolean).join('; ') },
  );
}

/** The value of a cookie set by a response, if any. */
export const setCookie = (response: { cookies: { name: string; value: string }[] }, name: string) =>
  response.cookies.find((c) => c.name === name)?.value;

/** A page with what differs on every request (nonces, tokens, typed values) taken out, for comparing two answers. */
export const comparable = (html: string, ...typed: string[]) => {
  let text = html.replace(/(nonce|value)="[^"]*"/g, '$1=""');
  for (const t of typed) text = text.split(t).join('…');
  return text;
};

/** Posts a form as an anonymous visitor with a valid CSRF token, so only the route's own guard can refuse it. */
export async function postFormAnonymously(
  app: FastifyInstance,
  url: string,
  fields: Record<string, string | string[]>,
) {
  const csrf = await anonymousCsrf(app);
  return postForm(app, url, { _csrf: csrf.csrfToken, ...fields }, { cookie: csrf.cookie });
}
