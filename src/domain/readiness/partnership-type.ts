/**
 * The kinds of school-to-school support a school may be getting ready for: the three of seed
 * 003 (peer-to-peer and joint practice development, deployment, sponsorship) and federation
 * (seed 000). Readiness weighs its gaps by the kind being considered.
 */
export const PARTNERSHIP_TYPES = ['peer', 'deployment', 'sponsorship', 'federation'] as const;
export type PartnershipType = (typeof PARTNERSHIP_TYPES)[number];

export const PARTNERSHIP_TYPE_LABELS: Record<PartnershipType, string> = {
  peer: 'Peer-to-peer support and joint practice development',
  deployment: 'Deployment of a system leader or team',
  sponsorship: 'Sponsorship',
  federation: 'Federation',
};
