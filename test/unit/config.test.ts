import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

describe('configuration', () => {
  it('needs nothing set for a local start', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: undefined, env: 'development', loadDemo: true });
  });

  it('names every bad variable in one message', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT/);
      expect((error as Error).message).toMatch(/DATABASE_URL: must be a postgres/);
    }
  });

  it('refuses to run in production without a session secret and public URL', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /S2S_SESSION_SECRET: required in production/,
    );
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        S2S_SESSION_SECRET: 'x'.repeat(40),
        S2S_PUBLIC_URL: 'https://s2s.example.org',
      }),
    ).not.toThrow();
  });
});
