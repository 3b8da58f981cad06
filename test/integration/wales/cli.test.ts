import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.ts';
import { s2sCommand } from '../../helpers/cli.ts';
import { fixture } from '../../helpers/fixtures.ts';
import { fingerprint } from '../../helpers/site.ts';

const LIST = fixture('wales/240410-address-list-schools-wales-maintained.csv');

describe('s2s import wales-schools', () => {
  const t = useTestApp();
  const { s2s, failure } = s2sCommand(() => t.url);

  it('imports the list and says what the data now rests on, as text or JSON', async () => {
    const text = await s2s('import', 'wales-schools', LIST);
    expect(text.stdout).toContain(
      'Imported 240410-address-list-schools-wales-maintained.csv (the Welsh Government’s address list of schools (maintained schools), as of 2024-04-10)',
    );
    expect(text.stdout).toMatch(/inserted\s+8/);
    expect(text.stdout.trimEnd().split('\n').at(-1)).toBe('School data: Welsh schools list April 2024');
    const json = JSON.parse((await s2s('import', 'wales-schools', LIST, '--json')).stdout);
    expect(json).toMatchObject({ kind: 'wales-schools', inserted: 0, unchanged: 8 });
  });

  it('refuses a bad list with its file, row and field, exit status 2, and imports nothing', async () => {
    const before = await fingerprint(t.db);
    const refused = await failure('import', 'wales-schools', fixture('wales/wales-bad-medium.csv'));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('wales-bad-medium.csv, row 3, field "Welsh Medium Type - see notes"');
    expect(refused.stderr).toContain('Nothing was imported.');
    expect(await fingerprint(t.db)).toEqual(before);
  });
});
