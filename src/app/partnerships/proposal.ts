import { peopleOfSchools } from '../../data/notifications.ts';
import type { AppContext } from '../context.ts';

/**
 * Whether anyone at a school uses S2S: a proposal to a school with nobody on S2S waits until
 * someone from the school joins, and the proposer is told so before sending it.
 */
export async function schoolIsOnS2s(ctx: Pick<AppContext, 'db'>, urn: number): Promise<boolean> {
  return (await peopleOfSchools(ctx.db, [urn])).length > 0;
}
