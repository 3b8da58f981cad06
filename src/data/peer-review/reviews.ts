import type { FocusArea } from '../../domain/focus-areas.ts';
import type { Conflict } from '../../domain/peer-review/conflicts.ts';
import type { ActionStatus, ChallengeOutcome, FindingKind, ReviewStatus } from '../../domain/peer-review/review.ts';
import type { TeamRole } from '../../domain/peer-review/team.ts';
import type { Db } from '../db.ts';
import { getCycle, type Cycle } from './cycles.ts';
import { getGroup, type ReviewGroup } from './groups.ts';

export interface TeamPlace {
  userId: number;
  name: string;
  role: TeamRole;
  conflicts: Conflict[];
  override: { moderatorUserId: number | null; reason: string } | null;
}

export interface Judgement {
  areaId: string;
  judgement: number;
  evidence: string;
}

export interface ReviewAction {
  id: number;
  findingId: number;
  description: string;
  owner: string;
  dueOn: string | null;
  status: ActionStatus;
  createdAt: string;
}

export interface Finding {
  id: number;
  areaId: string;
  focusArea: FocusArea;
  kind: FindingKind;
  finding: string;
  evidence: string;
  recordedAt: string;
  challenge: string | null;
  challengedAt: string | null;
  challengeOutcome: ChallengeOutcome | null;
  challengeResponse: string | null;
  decidedAt: string | null;
  originalFinding: string | null;
  partnershipId: number | null;
  supportedOn: string | null;
  actions: ReviewAction[];
}

export interface Review {
  id: number;
  cycle: Cycle;
  group: ReviewGroup;
  hostUrn: number;
  hostName: string;
  position: number;
  visitOn: string;
  sampled: boolean;
  status: ReviewStatus;
  selfEvaluation: string | null;
  chosenFocus: FocusArea | null;
  sharedWithGroup: boolean;
  sharedOrganisationIds: number[];
  moderationNote: string | null;
  submittedAt: string | null;
  finalOn: string | null;
  team: TeamPlace[];
  judgements: Judgement[];
  findings: Finding[];
}

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

/** A review with its cycle, group, team, judgements, findings and their actions. */
export async function getReview(db: Db, id: number): Promise<Review | undefined> {
  const row = await db
    .selectFrom('peer_reviews as r')
    .innerJoin('schools as s', 's.urn', 'r.host_urn')
    .innerJoin('peer_review_cycles as c', 'c.id', 'r.cycle_id')
    .selectAll('r')
    .select(['s.name as host_name', 'c.group_id'])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const [cycle, group, shares, team, judgements, findings, actions] = await Promise.all([
    getCycle(db, row.cycle_id),
    getGroup(db, row.group_id),
    db.selectFrom('peer_review_report_shares').select('organisation_id').where('review_id', '=', id).execute(),
    db
      .selectFrom('peer_review_team as t')
      .innerJoin('users as u', 'u.id', 't.user_id')
      .select(['t.user_id', 'u.name', 't.role', 't.conflicts', 't.override_by', 't.override_reason'])
      .where('t.review_id', '=', id)
      .orderBy('t.role')
      .orderBy('u.name')
      .execute(),
    db.selectFrom('peer_review_judgements').selectAll().where('review_id', '=', id).execute(),
    db.selectFrom('peer_review_findings').selectAll().where('review_id', '=', id).orderBy('id').execute(),
    db
      .selectFrom('peer_review_actions as a')
      .innerJoin('peer_review_findings as f', 'f.id', 'a.finding_id')
      .selectAll('a')
      .where('f.review_id', '=', id)
      .orderBy('a.id')
      .execute(),
  ]);
  if (!cycle || !group) return undefined;
  return {
    id: row.id,
    cycle,
    group,
    hostUrn: row.host_urn,
    hostName: row.host_name,
    position: row.position,
    visitOn: row.visit_on,
    sampled: row.sampled,
    status: row.status,
    selfEvaluation: row.self_evaluation,
    chosenFocus: row.chosen_focus,
    sharedWithGroup: row.shared_with_group,
    sharedOrganisationIds: shares.map((s) => s.organisation_id),
    moderationNote: row.moderation_note,
    submittedAt: iso(row.submitted_at),
    finalOn: row.final_on,
    team: team.map((t) => ({
      userId: t.user_id,
      name: t.name,
      role: t.role,
      conflicts: t.conflicts,
      override: t.override_reason !== null ? { moderatorUserId: t.override_by, reason: t.override_reason } : null,
    })),
    judgements: judgements.map((j) => ({ areaId: j.area_id, judgement: j.judgement, evidence: j.evidence })),
    findings: findings.map((f) => ({
      id: f.id,
      areaId: f.area_id,
      focusArea: f.focus_area,
      kind: f.kind,
      finding: f.finding,
      evidence: f.evidence,
      recordedAt: new Date(f.recorded_at).toISOString(),
      challenge: f.challenge,
      challengedAt: iso(f.challenged_at),
      challengeOutcome: f.challenge_outcome,
      challengeResponse: f.challenge_response,
      decidedAt: iso(f.decided_at),
      originalFinding: f.original_finding,
      partnershipId: f.partnership_id,
      supportedOn: f.supported_on,
      actions: actions
        .filter((a) => a.finding_id === f.id)
        .map((a) => ({
          id: a.id,
          findingId: a.finding_id,
          description: a.description,
          owner: a.owner,
          dueOn: a.due_on,
          status: a.status,
          createdAt: new Date(a.created_at).toISOString(),
        })),
    })),
  };
}

/** The review a finding belongs to. */
export async function reviewIdOfFinding(db: Db, findingId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('peer_review_findings')
    .select('review_id')
    .where('id', '=', findingId)
    .executeTakeFirst();
  return row?.review_id;
}
