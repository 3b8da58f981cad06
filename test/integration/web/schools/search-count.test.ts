import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../helpers/app.ts';
import { schoolRow } from '../../../helpers/schools.ts';

describe('searching for a common word', () => {
  const t = useTestApp(async (db) => {
    const rows = Array.from({ length: 1010 }, (_, i) =>
      schoolRow({ urn: 300000 + i, name: `Oak Tree Primary School ${i}`, town: i < 5 ? 'Otley' : 'Leeds' }),
    );
    await db.insertInto('schools').values(rows).execute();
  });

  it('says more than 1,000 match rather than counting them all', async () => {
    const body = (await t.app.inject('/api/schools?q=primary')).json();
    expect(body).toMatchObject({ total: 1000, totalIsExact: false });
    expect(body.items).toHaveLength(20);
    const page = await t.app.inject('/?q=primary');
    expect(page.body).toContain('More than 1,000 schools found');
  });

  it('counts exactly when fewer match', async () => {
    const body = (await t.app.inject('/api/schools?q=otley')).json();
    expect(body).toMatchObject({ total: 5, totalIsExact: true });
  });

  it('counts as far as the page asked for', async () => {
    const body = (await t.app.inject('/api/schools?q=primary&offset=1000&limit=20')).json();
    expect(body).toMatchObject({ total: 1010, totalIsExact: true });
    expect(body.items).toHaveLength(10);
  });
});
