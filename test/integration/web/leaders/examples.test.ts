import { describe, expect, it } from 'vitest';
import { addLeaderExamples } from '../../../../src/app/leaders/examples.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { insertSchool } from '../../../helpers/schools.ts';

describe('the demo’s example system leaders', () => {
  const t = useTestApp(async (db) => {
    for (let i = 1; i <= 4; i++) {
      await insertSchool(db, { urn: 651000 + i, phase: 'primary', lat: 53.8, lon: -1.55 });
      await insertSchool(db, { urn: 651100 + i, phase: 'secondary', lat: 53.8, lon: -1.55 });
    }
  });

  const ctx = () => ({ db: t.db, now: () => new Date() });

  it('fills an empty directory with published profiles, each labelled as a synthetic example', async () => {
    expect(await addLeaderExamples(ctx())).toBe(4);
    const directory = (await t.app.inject('/api/system-leaders')).json();
    expect(directory.total).toBe(4);
    expect(directory.items.every((i: { example: boolean }) => i.example)).toBe(true);
    expect(directory.items.every((i: { daysAvailable: number }) => i.daysAvailable > 0)).toBe(true);
    expect((await t.app.inject('/system-leaders')).body).toContain('Example (synthetic)');
    const page = await t.app.inject(`/system-leaders/${directory.items[0].id}`);
    expect(page.body).toContain('This is an example made up for the demo (synthetic)');
    // Nobody can sign in as an example.
    const people = await t.db.selectFrom('users').select(['email', 'password_hash']).execute();
    expect(people.every((p) => p.password_hash === null && p.email.endsWith('.invalid'))).toBe(true);
    // Only ever into an empty directory: a second start adds nothing.
    expect(await addLeaderExamples(ctx())).toBe(0);
  });
});
