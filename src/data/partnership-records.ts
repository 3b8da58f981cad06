import { sql } from 'kysely';
import type { Action, ActionStatus } from '../domain/partnerships/model.ts';
import type { Db } from './db.ts';
import { listEvents } from './partnerships.ts';

/** The running record of a partnership: actions, progress, issues and setbacks, feedback, outcomes. */

export async function listActions(db: Db, id: number): Promise<Action[]> {
  const rows = await db
    .selectFrom('partnership_actions')
    .select(['id', 'description', 'owner', 'due_date', 'status'])
    .where('partnership_id', '=', id)
    .orderBy('due_date')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    description: r.description,
    owner: r.owner,
    dueDate: r.due_date,
    status: r.status,
  }));
}

export async function addAction(db: Db, id: number, action: Omit<Action, 'id'>, by: number): Promise<void> {
  await db
    .insertInto('partnership_actions')
    .values({
      partnership_id: id,
      description: action.description,
      owner: action.owner,
      due_date: action.dueDate,
      status: action.status,
      created_by: by,
    })
    .execute();
}

export async function setActionStatus(db: Db, id: number, actionId: number, status: ActionStatus): Promise<boolean> {
  const result = await db
    .updateTable('partnership_actions')
    .set({ status, updated_at: sql`now()` })
    .where('partnership_id', '=', id)
    .where('id', '=', actionId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export interface ProgressUpdate {
  id: number;
  body: string;
  writtenAt: string;
  /** Who wrote it; null when their account has gone. */
  author: string | null;
}

export async function listUpdates(db: Db, id: number): Promise<ProgressUpdate[]> {
  const rows = await db
    .selectFrom('partnership_updates as u')
    .leftJoin('users', 'users.id', 'u.written_by')
    .select(['u.id', 'u.body', 'u.written_at', 'users.name as author'])
    .where('u.partnership_id', '=', id)
    .orderBy('u.written_at', 'desc')
    .orderBy('u.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    writtenAt: new Date(r.written_at).toISOString(),
    author: r.author,
  }));
}

export async function addUpdate(db: Db, id: number, body: string, by: number, at: string): Promise<void> {
  await db.insertInto('partnership_updates').values({ partnership_id: id, body, written_by: by, written_at: at }).execute();
}

export interface Issue {
  id: number;
  description: string;
  handling: string;
  resolved: boolean;
  raisedOn: string;
}

export async function listIssues(db: Db, id: number): Promise<Issue[]> {
  const rows = await db
    .selectFrom('partnership_issues')
    .select(['id', 'description', 'handling', 'resolved', 'raised_on'])
    .where('partnership_id', '=', id)
    .orderBy('raised_on', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    description: r.description,
    handling: r.handling,
    resolved: r.resolved,
    raisedOn: r.raised_on,
  }));
}

export async function addIssue(db: Db, id: number, issue: Omit<Issue, 'id'>, by: number): Promise<void> {
  await db
    .insertInto('partnership_issues')
    .values({
      partnership_id: id,
      description: issue.description,
      handling: issue.handling,
      resolved: issue.resolved,
      raised_on: issue.raisedOn,
      raised_by: by,
    })
    .execute();
}

export interface Feedback {
  id: number;
  fromUrn: number;
  fromName: string;
  body: string;
  givenAt: string;
}

export async function listFeedback(db: Db, id: number): Promise<Feedback[]> {
  const rows = await db
    .selectFrom('partnership_feedback as f')
    .innerJoin('schools as s', 's.urn', 'f.from_urn')
    .select(['f.id', 'f.from_urn', 's.name', 'f.body', 'f.given_at'])
    .where('f.partnership_id', '=', id)
    .orderBy('f.given_at', 'desc')
    .orderBy('f.id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fromUrn: r.from_urn,
    fromName: r.name,
    body: r.body,
    givenAt: new Date(r.given_at).toISOString(),
  }));
}

export async function addFeedback(db: Db, id: number, fromUrn: number, body: string, by: number, at: string) {
  await db
    .insertInto('partnership_feedback')
    .values({ partnership_id: id, from_urn: fromUrn, body, given_by: by, given_at: at })
    .execute();
}

export interface Outcome {
  id: number;
  objectiveId: number;
  recordedOn: string;
  value: number;
  note: string;
}

/** Outcomes of the partnership's own (custom) measures, oldest first. */
export async function listOutcomes(db: Db, id: number): Promise<Outcome[]> {
  const rows = await db
    .selectFrom('partnership_outcomes as o')
    .innerJoin('partnership_objectives as j', 'j.id', 'o.objective_id')
    .select(['o.id', 'o.objective_id', 'o.recorded_on', 'o.value', 'o.note'])
    .where('j.partnership_id', '=', id)
    .orderBy('o.recorded_on')
    .orderBy('o.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    objectiveId: r.objective_id,
    recordedOn: r.recorded_on,
    value: r.value,
    note: r.note,
  }));
}

/** Records an outcome against an objective, only if the objective belongs to this partnership. */
export async function addOutcome(
  db: Db,
  id: number,
  outcome: Omit<Outcome, 'id'>,
  by: number,
): Promise<boolean> {
  const objective = await db
    .selectFrom('partnership_objectives')
    .select('id')
    .where('id', '=', outcome.objectiveId)
    .where('partnership_id', '=', id)
    .executeTakeFirst();
  if (!objective) return false;
  await db
    .insertInto('partnership_outcomes')
    .values({
      objective_id: outcome.objectiveId,
      recorded_on: outcome.recordedOn,
      value: outcome.value,
      note: outcome.note,
      recorded_by: by,
    })
    .execute();
  return true;
}

/** The whole running record and history of a partnership, read together for its page and its API. */
export async function partnershipRecord(db: Db, id: number) {
  const [actions, updates, issues, feedback, outcomes, events] = await Promise.all([
    listActions(db, id),
    listUpdates(db, id),
    listIssues(db, id),
    listFeedback(db, id),
    listOutcomes(db, id),
    listEvents(db, id),
  ]);
  return { actions, updates, issues, feedback, outcomes, events };
}
