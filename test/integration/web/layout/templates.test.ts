import nunjucks from 'nunjucks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTestApp, type TestApp } from '../../../helpers/app.ts';

/** How many template files the app reads from disk while serving the page. */
async function templatesReadFor(t: TestApp) {
  const read = vi.spyOn(nunjucks.FileSystemLoader.prototype, 'getSource');
  const response = await t.app.inject('/sign-in');
  expect(response.statusCode).toBe(200);
  const count = read.mock.calls.length;
  read.mockRestore();
  return count;
}

afterEach(() => vi.restoreAllMocks());

describe('page templates as the service runs them', () => {
  // NODE_ENV is left at its default (development), as `npm start` runs.
  const t = useTestApp(async () => {}, { env: { NODE_ENV: 'development' } });

  it('reads each template once and serves later pages from the compiled copy', async () => {
    expect(await templatesReadFor(t)).toBeGreaterThan(0);
    expect(await templatesReadFor(t)).toBe(0);
  });
});

describe('page templates under npm run dev', () => {
  const t = useTestApp(async () => {}, { env: { NODE_ENV: 'development', S2S_DEV: 'true' } });

  it('re-reads the templates for every page, so edits show on the next reload', async () => {
    const first = await templatesReadFor(t);
    expect(first).toBeGreaterThan(0);
    expect(await templatesReadFor(t)).toBe(first);
  });
});
