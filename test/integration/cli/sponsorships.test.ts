import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../../helpers/accounts.ts';
import { s2sCommand } from '../../helpers/cli.ts';
import { createTestDatabase, type TestDatabase } from '../../helpers/database.ts';
import { insertSchool } from '../../helpers/schools.ts';

const SPONSOR = 643001;
const TAKEN = 643002;
const OTHER = 643003;

describe('s2s sponsorships: list, record and end, as the sponsor’s page does', () => {
  let t: TestDatabase;
  let trust = 0;
  const { s2s, failure } = s2sCommand(() => t.url);

  beforeAll(async () => {
    t = await createTestDatabase();
    await insertSchool(t.db, { urn: SPONSOR, name: 'Sponsor Academy' });
    await insertSchool(t.db, { urn: TAKEN, name: 'Taken Primary' });
    await insertSchool(t.db, { urn: OTHER, name: 'Other Primary' });
    trust = await createOrganisation(t.db, { kind: 'trust', name: 'Calder Learning Trust' });
  });
  afterAll(async () => t?.drop());

  it('records, lists and ends a sponsorship, audited with no person, and prints JSON alike', async () => {
    const recorded = JSON.parse(
      (
        await s2s(
          'sponsorships',
          'record',
          '--organisation',
          String(trust),
          '--urn',
          String(TAKEN),
          '--from',
          '2023-09-01',
          '--json',
        )
      ).stdout,
    );
    expect(recorded).toEqual({ id: expect.any(Number) });
    const bySchool = await s2s(
      'sponsorships',
      'record',
      '--sponsor-urn',
      String(SPONSOR),
      '--urn',
      String(OTHER),
      '--from',
      '2024-01-08',
    );
    expect(bySchool.stdout).toContain(`school ${OTHER} from 2024-01-08`);

    const listed = (await s2s('sponsorships', 'list', '--organisation', String(trust))).stdout;
    expect(listed).toContain('1 sponsorship: Calder Learning Trust');
    expect(listed).toContain(
      `Taken Primary (${TAKEN}) taken on by Calder Learning Trust on 2023-09-01, continuing; in force`,
    );

    const ended = await s2s('sponsorships', 'end', String(recorded.id), '--on', '2025-08-31');
    expect(ended.stdout).toContain(`Sponsorship ${recorded.id} ended on 2025-08-31`);

    const json = JSON.parse((await s2s('sponsorships', '--urn', String(TAKEN), '--json')).stdout);
    expect(json).toMatchObject({
      of: { urn: TAKEN, name: 'Taken Primary' },
      total: 1,
      items: [{ id: recorded.id, startsOn: '2023-09-01', endsOn: '2025-08-31', current: false }],
    });
    const school = JSON.parse(
      (await s2s('sponsorships', 'list', '--sponsor-urn', String(SPONSOR), '--json')).stdout,
    );
    expect(school.items.map((s: { urn: number }) => s.urn)).toEqual([OTHER]);

    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id', 'urn'])
      .where('action', 'like', 'sponsorship.%')
      .orderBy('id')
      .execute();
    expect(audit).toEqual([
      { action: 'sponsorship.recorded', actor_user_id: null, urn: TAKEN },
      { action: 'sponsorship.recorded', actor_user_id: null, urn: OTHER },
      { action: 'sponsorship.ended', actor_user_id: null, urn: TAKEN },
    ]);
  });

  it('names the option that is wrong and exits with status 2, changing nothing', async () => {
    const { id } = await t.db
      .insertInto('sponsorships')
      .values({ urn: SPONSOR + 10, sponsor_organisation_id: trust, starts_on: '2024-09-01' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cases: [string[], string][] = [
      [
        ['sponsorships', 'end', String(id), '--on', '2024-08-31'],
        '--on: The date the sponsorship ended must be on or after 2024-09-01',
      ],
      [['sponsorships', 'end', String(id), '--on', '31/08/2025'], '--on: give the date as YYYY-MM-DD'],
      [['sponsorships', 'end', '999999', '--on', '2025-08-31'], 'No sponsorship has the number 999999'],
      [
        [
          'sponsorships',
          'record',
          '--organisation',
          String(trust),
          '--urn',
          '999999',
          '--from',
          '2024-09-01',
        ],
        '--urn: No school has the URN 999999',
      ],
      [
        ['sponsorships', 'record', '--urn', String(TAKEN), '--from', '2024-09-01'],
        'give one of --organisation ID',
      ],
      [['sponsorships', 'list'], 'give one of --organisation ID, --sponsor-urn URN and --urn URN'],
      [['sponsorships', 'list', '--organisation', '999999'], 'No such sponsor'],
    ];
    for (const [args, message] of cases) {
      const bad = await failure(...args);
      expect(bad.code, args.join(' ')).toBe(2);
      expect(bad.stderr, args.join(' ')).toContain(message);
    }
    const row = await t.db
      .selectFrom('sponsorships')
      .select('ends_on')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.ends_on).toBeNull();
  });
});
