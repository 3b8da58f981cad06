import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { DEFAULT_MATCHING_SETTINGS } from '../../src/domain/matching/settings.ts';

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

  it('believes no proxy unless told which, even in production', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(
      loadConfig({
        NODE_ENV: 'production',
        S2S_SESSION_SECRET: 'x'.repeat(40),
        S2S_PUBLIC_URL: 'https://s2s.example.org',
      }).trustProxy,
    ).toBe(false);
    expect(loadConfig({ S2S_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ S2S_TRUST_PROXY: '10.0.0.1, 192.168.0.0/16,::1,loopback' }).trustProxy).toEqual([
      '10.0.0.1',
      '192.168.0.0/16',
      '::1',
      'loopback',
    ]);
    for (const bad of ['true', '*', '10.0.0.0/33', 'proxy.example.org', '-1'])
      expect(() => loadConfig({ S2S_TRUST_PROXY: bad }), bad).toThrow(/S2S_TRUST_PROXY: must be a number/);
  });

  it('takes each phase’s partner-search radius from its own variable, the default otherwise', () => {
    const config = loadConfig({
      S2S_RADIUS_KM_PRIMARY: '4',
      S2S_RADIUS_KM_ALL_THROUGH: '12.5',
      S2S_RADIUS_KM_16_PLUS: '60',
    });
    expect(config.matching.radiusKm).toMatchObject({ primary: 4, 'all-through': 12.5, '16-plus': 60 });
    expect(config.matching.radiusKm.secondary).toBe(DEFAULT_MATCHING_SETTINGS.radiusKm.secondary);
    expect(loadConfig({}).matching).toEqual(DEFAULT_MATCHING_SETTINGS);
  });

  it('names each radius variable that is not a distance', () => {
    const message = (() => {
      try {
        loadConfig({
          S2S_RADIUS_KM_SECONDARY: 'far',
          S2S_RADIUS_KM_SPECIAL: '0',
          S2S_RADIUS_KM_NURSERY: '900',
          PORT: 'x',
        });
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message).toContain('S2S_RADIUS_KM_SECONDARY: must be a distance in kilometres');
    expect(message).toContain('S2S_RADIUS_KM_SPECIAL: must be more than 0 km');
    expect(message).toContain('S2S_RADIUS_KM_NURSERY: must be 100 km or less');
    expect(message).toContain('PORT');
  });

  it('sizes the heavy computations’ worker threads and queue, leaving a core for requests by default', () => {
    expect(loadConfig({}).compute.workers).toBe(Math.max(1, os.availableParallelism() - 1));
    expect(loadConfig({}).compute.queue).toBe(64);
    expect(loadConfig({}).compute.idleSeconds).toBe(300);
    expect(
      loadConfig({ S2S_WORKERS: '3', S2S_COMPUTE_QUEUE: '0', S2S_WORKER_IDLE_SECONDS: '0' }).compute,
    ).toEqual({ workers: 3, queue: 0, idleSeconds: 0 });
    expect(() => loadConfig({ S2S_WORKERS: '0' })).toThrow(/S2S_WORKERS: must be at least 1/);
    expect(() => loadConfig({ S2S_WORKER_IDLE_SECONDS: '-1' })).toThrow(/S2S_WORKER_IDLE_SECONDS/);
    expect(() => loadConfig({ S2S_COMPUTE_QUEUE: 'lots' })).toThrow(
      /S2S_COMPUTE_QUEUE: must be a whole number/,
    );
  });
});
