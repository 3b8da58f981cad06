import { participants, type Member } from './model.ts';

/**
 * Who sees what of a partnership. Nothing is shared with a school before it accepts: an invited
 * school sees only the invitation (who asks, the type, the focus, its proposed role). Officers
 * of an organisation see the partnerships of schools that share their records with it. The
 * system leader of a deployment keeps its running record (`record`) but neither changes the
 * plan nor steers it: those are the client school's.
 */
export type PartnershipAccess = 'none' | 'invitation' | 'read' | 'record' | 'contribute';

export interface Viewer {
  schools: { urn: number; role: 'member' | 'admin' }[];
  /** Schools that share their records with one of the viewer's organisations. */
  sharedUrns: number[];
}

export function partnershipAccess(
  members: Member[],
  viewer: Viewer,
  { deployedLeader = false }: { deployedLeader?: boolean } = {},
): PartnershipAccess {
  const mine = new Set(viewer.schools.map((s) => s.urn));
  const taking = participants(members);
  if (taking.some((m) => mine.has(m.urn))) return 'contribute';
  // The leader is the deployment's other party though no school of theirs takes part in it.
  if (deployedLeader) return 'record';
  const shared = new Set(viewer.sharedUrns);
  if (taking.some((m) => shared.has(m.urn))) return 'read';
  if (members.some((m) => m.invitation === 'invited' && mine.has(m.urn))) return 'invitation';
  return 'none';
}

/** Agreeing, starting, reviewing and closing commit a school: its admins decide. */
export function canSteer(members: Member[], viewer: Viewer): boolean {
  const admins = new Set(viewer.schools.filter((s) => s.role === 'admin').map((s) => s.urn));
  return participants(members).some((m) => admins.has(m.urn));
}

/** The invited schools whose answer this viewer may give (as an admin of that school). */
export function invitationsToAnswer(members: Member[], viewer: Viewer): Member[] {
  const admins = new Set(viewer.schools.filter((s) => s.role === 'admin').map((s) => s.urn));
  return members.filter((m) => m.invitation === 'invited' && admins.has(m.urn));
}
