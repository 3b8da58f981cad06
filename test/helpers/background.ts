/**
 * How long a test waits for work done in the background (a snapshot rebuilt, mail sent, an idle
 * worker ending): on a shared, loaded CI machine that can take seconds, and a wait ends as soon as
 * what it waits for holds. `expect.poll` waits this long too (vitest.config.ts); `vi.waitFor` is
 * given it.
 */
export const BACKGROUND_WORK_MS = 15_000;
