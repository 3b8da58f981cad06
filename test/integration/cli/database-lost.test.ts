import { describe, expect, it } from 'vitest';
import { freePort } from '../../../src/data/embedded.ts';
import { s2sCommand } from '../../helpers/cli.ts';

describe('a command without its database', () => {
  it('ends with a plain message and status 1, not a stack trace', async () => {
    const port = await freePort();
    const { failure } = s2sCommand(() => `postgres://s2s:secret@127.0.0.1:${port}/s2s`);
    const result = await failure('classify');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('s2s: cannot reach the database, or lost it during the command.');
    expect(result.stderr).not.toMatch(/\n\s+at |ECONNREFUSED|secret/);
  });
});
