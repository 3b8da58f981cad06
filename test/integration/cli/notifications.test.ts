import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionUser } from '../../../src/domain/access.ts';
import { addMilestone, updatePlan } from '../../../src/data/partnerships.ts';
import { createUser } from '../../helpers/accounts.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { readOutbox } from '../../helpers/mail.ts';
import { createAcceptedPartnership } from '../../helpers/partnerships.ts';
import { insertSchool } from '../../helpers/schools.ts';

const run = promisify(execFile);
const ASH = 150001;
const BIRCH = 150002;
const CEDAR = 150003;
/** A milestone's words are the plan's: they never travel by email. */
const PRIVATE = 'Confidential-milestone';

describe('s2s notifications send-digests: reminders worked out from the plan’s dates', () => {
  let t: TestDatabase;
  const dataDir = mkdtempSync(path.join(tmpdir(), 's2s-reminders-'));
  let ashAdmin: SessionUser;
  let birchMember: SessionUser;
  let cedarAdmin: SessionUser;
  let seen = 0;
  const s2s = (...args: string[]) =>
    run(process.execPath, ['bin/s2s.js', 'notifications', 'send-digests', ...args], {
      env: { ...process.env, DATABASE_URL: t.url, NODE_ENV: 'test', S2S_DATA_DIR: dataDir },
    });
  const newMail = async () => {
    const all = await readOutbox(dataDir);
    const fresh = all.slice(seen);
    seen = all.length;
    for (const m of fresh) expect(`${m.subject}\n${m.text}`).not.toContain(PRIVATE);
    return fresh.map((m) => `${m.to}: ${m.subject}`).sort();
  };

  beforeAll(async () => {
    t = await createTestDatabase();
    await insertSchool(t.db, { urn: ASH, name: 'Ash Primary' });
    await insertSchool(t.db, { urn: BIRCH, name: 'Birch Primary' });
    await insertSchool(t.db, { urn: CEDAR, name: 'Cedar Primary' });
    ashAdmin = await createUser(t.db, { email: 'ash@example.org', schools: [{ urn: ASH, role: 'admin' }] });
    birchMember = await createUser(t.db, { email: 'birch@example.org', schools: [{ urn: BIRCH }] });
    cedarAdmin = await createUser(t.db, {
      email: 'cedar@example.org',
      schools: [{ urn: CEDAR, role: 'admin' }],
    });
    const partnership = (partner: number, status: 'active') =>
      createAcceptedPartnership(
        t.db,
        {
          title: 'Reading',
          type: 'peer-to-peer',
          proposer: { urn: ASH, role: 'reciprocal' },
          invited: [{ urn: partner, role: 'reciprocal' }],
          createdBy: ashAdmin.id,
          at: '2025-06-01T09:00:00Z',
        },
        status,
      );
    const running = await partnership(BIRCH, 'active');
    await updatePlan(t.db, running, { startDate: '2025-09-01', endDate: '2026-03-20' });
    const milestone = (id: number, title: string, dueDate: string, doneOn: string | null = null) =>
      addMilestone(t.db, id, { title: `${title} ${PRIVATE}`, dueDate, doneOn });
    await milestone(running, 'Soon', '2026-03-05');
    await milestone(running, 'Late', '2026-02-20');
    await milestone(running, 'Done', '2026-02-10', '2026-02-09');
    await milestone(running, 'Later', '2026-06-01');
    // A closed partnership's late milestone reminds nobody.
    const closed = await partnership(CEDAR, 'active');
    await t.db
      .updateTable('partnerships')
      .set({ status: 'closed', closure: 'ended-early', end_reason: 'Funding ended' })
      .where('id', '=', closed)
      .execute();
    await milestone(closed, 'Forgotten', '2026-01-01');
  });
  afterAll(async () => t.drop());

  it('reminds everyone in the running partnership’s schools, once, without the plan’s words', async () => {
    const first = await s2s('--on', '2026-03-01', '--json');
    expect(JSON.parse(first.stdout)).toEqual({ reminders: 6, people: 0, notifications: 0 });
    const expected = (subject: string) => [`ash@example.org: ${subject}`, `birch@example.org: ${subject}`];
    expect(await newMail()).toEqual(
      [
        ...expected('A milestone of the partnership of Ash Primary and Birch Primary is due within a week'),
        ...expected('A milestone of the partnership of Ash Primary and Birch Primary is overdue'),
        ...expected(
          'The review of the partnership of Ash Primary and Birch Primary is due: it is planned to end within four weeks',
        ),
      ].sort(),
    );
    // The next day's run has nothing new to say.
    expect(JSON.parse((await s2s('--on', '2026-03-02', '--json')).stdout).reminders).toBe(0);
    expect(await newMail()).toEqual([]);
    const listed = await t.db
      .selectFrom('notifications')
      .select(['user_id', 'kind'])
      .where('user_id', '=', cedarAdmin.id)
      .execute();
    expect(listed).toEqual([]);
    const birch = await t.db
      .selectFrom('notifications')
      .select('link')
      .where('user_id', '=', birchMember.id)
      .where('kind', '=', 'milestone-overdue')
      .execute();
    expect(birch.map((n) => n.link)).toEqual([expect.stringMatching(/^\/partnerships\/\d+#milestones$/)]);
  });

  it('says what is wrong with a date it cannot read', async () => {
    await expect(s2s('--on', '1 March')).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--on: give a date as YYYY-MM-DD'),
    });
  });
});
