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
