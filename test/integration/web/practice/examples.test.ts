import { describe, expect, it } from 'vitest';
import { addPracticeExamples } from '../../../../src/app/practice/examples.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { insertSchool } from '../../../helpers/schools.ts';

describe('the demo’s example practice', () => {
  const t = useTestApp(async (db) => {
    for (let i = 1; i <= 5; i++) {
      await insertSchool(db, { urn: 650000 + i, name: `Primary ${i}`, phase: 'primary' });
      await insertSchool(db, { urn: 650100 + i, name: `Secondary ${i}`, phase: 'secondary' });
    }
  });

  it('fills an empty library with published records, each labelled as a synthetic example', async () => {
    expect(await addPracticeExamples(t)).toBe(5);
    const library = (await t.app.inject('/api/practice')).json();
    expect(library.total).toBe(5);
    expect(library.items.every((i: { example: boolean }) => i.example)).toBe(true);
    expect(new Set(library.items.map((i: { schools: { urn: number }[] }) => i.schools[0]!.urn)).size).toBe(5);
    const page = await t.app.inject(`/practice/${library.items[0].id}`);
    expect(page.body).toContain('This is an example made up for the demonstration (synthetic).');
    expect((await t.app.inject('/practice')).body).toContain('Example (synthetic)');
    // Only ever into an empty library: a second start adds nothing.
    expect(await addPracticeExamples(t)).toBe(0);
  });
});
