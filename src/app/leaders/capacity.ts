import { listCommitments } from '../../data/leaders.ts';
import { daysLeft, termLoads, type TermLoad } from '../../domain/leaders/availability.ts';
import type { SystemLeaderProfile } from '../../domain/leaders/profile.ts';
import type { AppContext } from '../context.ts';

/** What a leader has declared, what their deployments take, and what is left. */
export interface LeaderCapacity {
  terms: TermLoad[];
  /** Days free from the current term to the end of their availability. */
  daysLeft: number;
}

/** Each profile's capacity as of `today`, by profile id. */
export async function capacityOf(
  ctx: Pick<AppContext, 'db'>,
  profiles: readonly SystemLeaderProfile[],
  today: string,
): Promise<Map<number, LeaderCapacity>> {
  const commitments = await listCommitments(
    ctx.db,
    profiles.map((p) => p.userId),
  );
  return new Map(
    profiles.map((p) => {
      const taken = commitments.get(p.userId) ?? [];
      return [
        p.id,
        { terms: termLoads(p.availability, taken), daysLeft: daysLeft(p.availability, taken, today) },
      ];
    }),
  );
}
