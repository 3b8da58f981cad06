import type { Db } from '../../src/data/db.ts';
import { createPartnership, type NewPartnership } from '../../src/data/partnerships.ts';
import type { PartnershipStatus } from '../../src/domain/partnerships/model.ts';

/**
 * A partnership every invited school has accepted, moved on to `status` if given: written
 * straight to the tables, for tests whose subject comes later in the lifecycle.
 */
export async function createAcceptedPartnership(
  db: Db,
  input: NewPartnership,
  status?: PartnershipStatus,
): Promise<number> {
  const id = await createPartnership(db, input);
  await db
    .updateTable('partnership_members')
    .set({ invitation: 'accepted' })
    .where('partnership_id', '=', id)
    .where('invitation', '=', 'invited')
    .execute();
  if (status) await db.updateTable('partnerships').set({ status }).where('id', '=', id).execute();
  return id;
}

/**
 * The set-up sections after the focus, as the web's forms take them: objectives, resources,
 * costs, timescales (September 2024 to February 2026), a member of staff from each school and
 * the exit strategy.
 */
export function planSections(
  lead: number,
  partner: number,
  objective: string,
): [string, Record<string, string | string[]>][] {
  return [
    [
      'objectives',
      {
        description: objective,
        successCriteria: 'Above 60%',
        measure: 'ks2.rwmExpectedPercent',
        baseline: '50',
        target: '60',
      },
    ],
    ['resources', { staffDays: '12', releaseTime: 'Half a day a fortnight' }],
    ['costs', { item: 'Supply cover', amountPounds: '2400', paidBy: 'Local authority' }],
    [
      'timescales',
      {
        'startDate-day': '1',
        'startDate-month': '9',
        'startDate-year': '2024',
        'endDate-day': '28',
        'endDate-month': '2',
        'endDate-year': '2026',
      },
    ],
    [
      'staff',
      {
        urn: String(lead),
        name: 'A Head',
        jobTitle: 'Headteacher',
        seniority: 'headteacher',
        systemLeader: 'LLE',
      },
    ],
    [
      'staff',
      {
        urn: String(partner),
        name: 'B Lead',
        jobTitle: 'English lead',
        seniority: 'middle-leader',
        systemLeader: 'none',
      },
    ],
    ['exit', { exitStrategy: 'Leads carry on alone', sustainability: 'Induction; a joint celebration' }],
  ];
}
