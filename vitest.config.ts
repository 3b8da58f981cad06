import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // A poll waits on work the service does in the background (a snapshot rebuilt, mail sent):
    // on a shared, loaded CI machine that can take seconds, and a poll ends as soon as it holds.
    expect: { poll: { timeout: 15_000 } },
  },
});
