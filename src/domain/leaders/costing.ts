import type { FreeWithin } from './profile.ts';

/**
 * What a deployment costs and who pays it. Seed 003: both sides of a deployment must be clear
 * about "expectations, intended outcomes, responsibilities and costings", so a deployment records
 * the agreed day rate and the payer, and the cost is always the days times that rate.
 */

export const PAYERS = ['client-school', 'organisation', 'leader-school'] as const;
export type Payer = (typeof PAYERS)[number];
export const PAYER_LABELS: Record<Payer, string> = {
  'client-school': 'The client school',
  organisation: 'The commissioning organisation (local authority, trust or diocese)',
  'leader-school': 'The system leader’s own school or trust (no charge to the client)',
};

export interface Costing {
  days: number;
  dayRatePounds: number;
  /** Days times the day rate, to the penny. */
  totalPounds: number;
  paidBy: Payer;
}

const pennies = (pounds: number) => Math.round(pounds * 100) / 100;

export function costing(days: number, dayRatePounds: number, paidBy: Payer): Costing {
  return { days, dayRatePounds, totalPounds: pennies(days * dayRatePounds), paidBy };
}

/** One member's share of a deployment's costing. */
export interface MemberCosting extends Costing {
  userId: number;
  name: string;
  /** A member who declined is listed, but their days and cost no longer count. */
  counted: boolean;
}

/**
 * A team's costing: each member's days times the rate agreed for them, and the sums of those
 * who have not declined. `dayRatePounds` is the lead's rate (the whole costing of a team of one).
 */
export interface TeamCosting extends Costing {
  members: MemberCosting[];
}

export function teamCosting(
  members: readonly { userId: number; name: string; costing: Costing; counted: boolean }[],
  paidBy: Payer,
): TeamCosting {
  const counted = members.filter((m) => m.counted);
  return {
    days: counted.reduce((sum, m) => sum + m.costing.days, 0),
    dayRatePounds: members[0]?.costing.dayRatePounds ?? 0,
    totalPounds: pennies(counted.reduce((sum, m) => sum + m.costing.totalPounds, 0)),
    paidBy,
    members: members.map((m) => ({ ...m.costing, userId: m.userId, name: m.name, counted: m.counted })),
  };
}

/** Where the client stands to the leader: the leader makes no charge within their own circle. */
export interface ClientCircle {
  sameTrust: boolean;
  sameLocalAuthority: boolean;
}

/**
 * The day rate a commissioner starts from: the leader's published rate, or nothing when the
 * client school is within the trust or local authority the leader supports at no charge.
 */
export function suggestedDayRate(
  leader: { dayRatePounds: number | null; freeWithin: FreeWithin | null },
  client: ClientCircle,
): number {
  if (leader.dayRatePounds === null) return 0;
  if (leader.freeWithin === 'trust' && client.sameTrust) return 0;
  if (leader.freeWithin === 'local-authority' && client.sameLocalAuthority) return 0;
  return leader.dayRatePounds;
}

/** One deployment as an officer's summary counts it. */
export interface CostedDeployment {
  clientUrn: number;
  clientName: string;
  costing: Costing;
}

export interface SchoolCostSummary {
  urn: number;
  name: string;
  deployments: number;
  days: number;
  totalPounds: number;
}

/** Days and cost by client school, by name, with the totals across them. */
export function summariseBySchool(deployments: readonly CostedDeployment[]): {
  schools: SchoolCostSummary[];
  total: Omit<SchoolCostSummary, 'urn' | 'name'>;
} {
  const bySchool = new Map<number, SchoolCostSummary>();
  for (const d of deployments) {
    const row = bySchool.get(d.clientUrn) ?? {
      urn: d.clientUrn,
      name: d.clientName,
      deployments: 0,
      days: 0,
      totalPounds: 0,
    };
    row.deployments += 1;
    row.days += d.costing.days;
    row.totalPounds = pennies(row.totalPounds + d.costing.totalPounds);
    bySchool.set(d.clientUrn, row);
  }
  const schools = [...bySchool.values()].sort(
    (a, b) => a.name.localeCompare(b.name, 'en-GB') || a.urn - b.urn,
  );
  return {
    schools,
    total: {
      deployments: schools.reduce((n, s) => n + s.deployments, 0),
      days: schools.reduce((n, s) => n + s.days, 0),
      totalPounds: pennies(schools.reduce((n, s) => n + s.totalPounds, 0)),
    },
  };
}
