import { defineConfig } from 'vitest/config';
import { BACKGROUND_WORK_MS } from './test/helpers/background.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/helpers/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    expect: { poll: { timeout: BACKGROUND_WORK_MS } },
  },
});
