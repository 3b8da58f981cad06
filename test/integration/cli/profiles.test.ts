import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.ts';
import { s2sCommand } from '../../helpers/cli.ts';
import { insertMatchingDataset } from '../../helpers/matching-dataset.ts';

describe('s2s profiles', () => {
  const t = useTestApp(insertMatchingDataset, { fresh: 'test' });
  const { s2s, failure } = s2sCommand(() => t.url);

  it('lists the shipped profiles and which one is used when none is named', async () => {
    const { stdout } = await s2s('profiles', 'list');
    expect(stdout).toContain('* nfer-2017 version 1');
    expect(stdout).toContain('  inspection-only version 1');
    expect(stdout).toContain('* nfer-2017 is used when none is named');
  });

  it('makes another profile the default, and audits the change', async () => {
    await s2s('profiles', 'activate', 'inspection-only');
    const listed = JSON.parse((await s2s('profiles', 'list', '--json')).stdout);
    expect(listed.active).toBe('inspection-only');
    const matched = JSON.parse((await s2s('match', '200001', '--json')).stdout);
    expect(matched.profile.name).toBe('inspection-only');
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'details'])
      .where('action', '=', 'profile.activated')
      .execute();
    expect(audit).toEqual([
      {
        action: 'profile.activated',
        actor_user_id: null,
        details: { before: 'nfer-2017', after: 'inspection-only' },
      },
    ]);
  });

  it('refuses a profile that does not exist, naming those that do', async () => {
    const error = await failure('profiles', 'activate', 'nfer-2099');
    expect(error.code).toBe(2);
    expect(error.stderr).toContain('There is no performance profile called "nfer-2099"');
    expect(error.stderr).toContain('inspection-only, nfer-2017');
  });
});
