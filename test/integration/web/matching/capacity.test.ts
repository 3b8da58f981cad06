import { describe, expect, it } from 'vitest';
import { getSchoolDeclaration } from '../../../../src/data/declarations.ts';
import { createSnapshotStore } from '../../../../src/data/snapshot.ts';
import type { Db } from '../../../../src/data/db.ts';
import { createUser, signIn } from '../../../helpers/accounts.ts';
import { createAcceptedPartnership } from '../../../helpers/partnerships.ts';
import { useTestApp } from '../../../helpers/app.ts';
import { postForm } from '../../../helpers/forms.ts';
import { insertMatchingDataset } from '../../../helpers/matching-dataset.ts';

const SEEKER = 200001;
const BEACON = 200002;
const HILLSIDE = 200003;
const VALLEY = 200005;

/** Beacon already supports Seeker in a running partnership. */
async function seed(db: Db): Promise<number> {
  await insertMatchingDataset(db);
  const head = await createUser(db, { schools: [{ urn: BEACON, role: 'admin' }] });
  const id = await createAcceptedPartnership(
    db,
    {
      title: 'Maths with Beacon',
      type: 'deployment',
      proposer: { urn: BEACON, role: 'supporting' },
      invited: [{ urn: SEEKER, role: 'supported' }],
      createdBy: head.id,
      at: '2026-09-01T09:00:00Z',
    },
    'active',
  );
  await db.updateTable('partnerships').set({ start_date: '2026-09-01' }).where('id', '=', id).execute();
  return id;
}

describe('declared capacity and current partnerships in matching and the allocation', () => {
  let partnershipId: number;
  const t = useTestApp(
    async (db) => {
      partnershipId = await seed(db);
    },
    { fresh: 'test' },
  );
  /** The school's administrator declares its capacity to support, as on its settings page. */
  const declare = async (urn: number, capacityToSupport: string) => {
    const admin = await signIn(t.app, t.db, { schools: [{ urn, role: 'admin' }] });
    const saved = await postForm(
      t.app,
      `/schools/${urn}/settings`,
      { _csrf: admin.csrfToken, capacityToSupport },
      admin.headers,
    );
    expect(saved.statusCode).toBe(303);
  };
  const partners = async (urn: number, query = '') =>
    (
      (await t.app.inject(`/api/schools/${urn}/partners?strategy=support${query}`)).json().candidates as {
        urn: number;
      }[]
    ).map((c) => c.urn);
  const allocationSummary = async () => (await t.app.inject('/api/allocations')).json().summary;

  it('leaves out schools already in a partnership when asked to', async () => {
    expect(await partners(VALLEY)).toEqual(expect.arrayContaining([BEACON, HILLSIDE]));
    expect(await partners(VALLEY, '&excludePartnered=true')).toEqual([HILLSIDE]);
  });

  it('tags a candidate already partnered with the school, and one partnered with another', async () => {
    const tags = async (urn: number) =>
      Object.fromEntries(
        (
          (await t.app.inject(`/api/schools/${urn}/partners?strategy=support`)).json().candidates as {
            urn: number;
            tags: string[];
          }[]
        ).map((c) => [c.urn, c.tags]),
      );
    expect(await tags(SEEKER)).toMatchObject({ [BEACON]: ['already-partners'], [HILLSIDE]: [] });
    expect(await tags(VALLEY)).toMatchObject({ [BEACON]: ['in-partnership'], [HILLSIDE]: [] });
    const page = await t.app.inject(`/schools/${SEEKER}/partners?strategy=support`);
    expect(page.body).toContain('Already partners with you');
  });

  it('scores and tags an offer declared on the settings page that meets a declared need', async () => {
    for (const [urn, fields] of [
      [SEEKER, { needs: 'numeracy' }],
      [HILLSIDE, { offers: 'numeracy', offerNote: 'Our maths lead runs <b>mastery</b> training' }],
    ] as const) {
      const admin = await signIn(t.app, t.db, { schools: [{ urn, role: 'admin' }] });
      const saved = await postForm(
        t.app,
        `/schools/${urn}/settings`,
        { _csrf: admin.csrfToken, capacityToSupport: '2', ...fields },
        admin.headers,
      );
      expect(saved.statusCode).toBe(303);
      if (urn === HILLSIDE) {
        const page = await t.app.inject({ url: `/schools/${urn}/settings`, headers: admin.headers });
        expect(page.body).toMatch(/name="offers" type="checkbox" value="numeracy" checked/);
        expect(page.body).toContain('Our maths lead runs &lt;b&gt;mastery&lt;/b&gt; training</textarea>');
      }
    }
    await expect
      .poll(
        async () =>
          (await t.app.inject(`/api/schools/${SEEKER}/partners?strategy=support`))
            .json()
            .candidates.find((c: { urn: number }) => c.urn === HILLSIDE)?.tags,
      )
      .toContain('declared-need-met');
    const hillside = (await t.app.inject(`/api/schools/${SEEKER}/partners?strategy=support`))
      .json()
      .candidates.find((c: { urn: number }) => c.urn === HILLSIDE);
    expect(hillside.reasons).toContain(
      'Offers support in numeracy (mathematics), where you asked for support: “Our maths lead runs <b>mastery</b> training”',
    );
  });

  it('refuses a note on the offer longer than 300 characters, keeping what was typed', async () => {
    const admin = await signIn(t.app, t.db, { schools: [{ urn: HILLSIDE, role: 'admin' }] });
    const long = 'x'.repeat(301);
    const refused = await postForm(
      t.app,
      `/schools/${HILLSIDE}/settings`,
      { _csrf: admin.csrfToken, capacityToSupport: '2', offers: 'numeracy', offerNote: long },
      admin.headers,
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#offerNote"');
    expect(refused.body).toContain(`${long}</textarea>`);
  });

  it('lists the schools in need a school could support', async () => {
    const body = (await t.app.inject(`/api/schools/${HILLSIDE}/partners?strategy=offer-support`)).json();
    expect(body.candidates.map((c: { urn: number }) => c.urn).sort()).toEqual([SEEKER, VALLEY]);
    const page = await t.app.inject(`/schools/${HILLSIDE}/partners?strategy=offer-support`);
    expect(page.body).toContain('Schools we could support');
    expect(page.body).toContain(`/partnerships/new?with=${SEEKER}&amp;from=${HILLSIDE}`);
  });

  it('counts a running partnership against the supporter’s capacity', async () => {
    await declare(BEACON, '1');
    // Beacon can support one school and already supports Seeker: it has no room left.
    await expect.poll(() => partners(VALLEY)).toEqual([HILLSIDE]);
  });

  it('allocates within each school’s declared capacity', async () => {
    expect(await allocationSummary()).toMatchObject({ inNeed: 2, supported: 2, unsupported: 0 });
    await declare(BEACON, '1');
    await declare(HILLSIDE, '0');
    // Beacon's one place is taken by Seeker and Hillside has none: no school in need can be given one.
    await expect.poll(allocationSummary).toMatchObject({ inNeed: 2, supported: 0, unsupported: 2 });
    const body = (await t.app.inject('/api/allocations')).json();
    expect(body.unsupported.map((u: { urn: number }) => u.urn).sort()).toEqual([SEEKER, VALLEY]);
  });

  it('frees the supporter once the partnership closes', async () => {
    await declare(BEACON, '1');
    await declare(HILLSIDE, '0');
    await expect.poll(allocationSummary).toMatchObject({ supported: 0 });
    const beacon = await signIn(t.app, t.db, { schools: [{ urn: BEACON, role: 'admin' }] });
    const closed = await postForm(
      t.app,
      `/partnerships/${partnershipId}/close`,
      { _csrf: beacon.csrfToken, closure: 'ended-early', reason: 'The maths lead left' },
      beacon.headers,
    );
    expect(closed.statusCode).toBe(303);
    await expect.poll(() => partners(VALLEY, '&excludePartnered=true')).toEqual([BEACON]);
    expect(await allocationSummary()).toMatchObject({ inNeed: 2, supported: 1, unsupported: 1 });
  });

  it('notices a change of capacity made by another process', async () => {
    const store = createSnapshotStore(t.db, { today: () => '2026-11-24', checkEveryMs: 0 });
    const first = await store.get();
    await t.db
      .insertInto('school_declarations')
      .values({ urn: HILLSIDE, capacity_to_support: 4, needs: [], updated_at: new Date() })
      .execute();
    await store.get(); // sees the registry's version change and rebuilds behind the current snapshot
    await expect.poll(() => store.current() !== first).toBe(true);
    expect(store.current()!.capacity.capacityOf(HILLSIDE)).toBe(4);
  });

  it('lets a school in need save its needs without declaring a capacity to support', async () => {
    const admin = await signIn(t.app, t.db, { schools: [{ urn: SEEKER, role: 'admin' }] });
    const saved = await postForm(
      t.app,
      `/schools/${SEEKER}/settings`,
      { _csrf: admin.csrfToken, capacityToSupport: '', needs: 'literacy' },
      admin.headers,
    );
    expect(saved.statusCode).toBe(303);
    expect(await getSchoolDeclaration(t.db, SEEKER)).toMatchObject({
      capacityToSupport: 0,
      needs: ['literacy'],
    });
  });
});
