import { sql, type Selectable, type Transaction } from 'kysely';
import type { PracticeEvidence } from '../domain/practice/evidence.ts';
import type { PracticeContent, PracticeRecord, PracticeVersion } from '../domain/practice/model.ts';
import type { Phase } from '../domain/school.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import type { Database } from './schema.ts';
import type { PracticeVersionsTable } from './tables/practice.ts';

/**
 * The good-practice library's records and their versions. Every change runs in one transaction
 * with its audit entry; an audit entry names the record, the version and the fields, never the
 * words written.
 */

type Actor = { id: number; email: string } | null;

const iso = (d: Date | string | null): string | null =>
  d === null ? null : d instanceof Date ? d.toISOString() : d;

function versionValues(content: PracticeContent, evidence: PracticeEvidence) {
  return {
    title: content.title,
    summary: content.summary,
    title_cy: content.titleCy ?? null,
    summary_cy: content.summaryCy ?? null,
    what_we_did: content.whatWeDid,
    phases: content.phases,
    pupil_groups: content.pupilGroups,
    focus_areas: content.focusAreas,
    collaboration: content.collaboration,
    resources: content.resources,
    what_changed: content.whatChanged,
    how_we_know: content.howWeKnow,
    started_in: content.startedIn,
    links: content.links,
    external_evaluation: content.externalEvaluation,
    partnership_id: content.partnershipId,
    language: content.language,
    evidence_level: evidence.level,
    evidence: JSON.stringify({ figures: evidence.figures, estimates: evidence.estimates }),
    external_checked: evidence.externalChecked,
  };
}

export function toPracticeVersion(row: Omit<Selectable<PracticeVersionsTable>, 'search'>): PracticeVersion {
  const found = (row.evidence ?? {}) as Pick<PracticeEvidence, 'figures' | 'estimates'>;
  return {
    version: row.version,
    content: {
      title: row.title,
      summary: row.summary,
      titleCy: row.title_cy,
      summaryCy: row.summary_cy,
      whatWeDid: row.what_we_did,
      phases: row.phases,
      pupilGroups: row.pupil_groups,
      focusAreas: row.focus_areas,
      collaboration: row.collaboration,
      resources: row.resources,
      whatChanged: row.what_changed,
      howWeKnow: row.how_we_know,
      startedIn: row.started_in,
      links: row.links,
      externalEvaluation: row.external_evaluation,
      partnershipId: row.partnership_id,
      language: row.language,
    },
    evidence: {
      level: row.evidence_level,
      figures: found.figures ?? [],
      estimates: found.estimates ?? [],
      externalChecked: row.external_checked,
    },
    savedAt: iso(row.saved_at)!,
    submittedAt: iso(row.submitted_at),
    publishedAt: iso(row.published_at),
  };
}

/** Every column of a version but its search document. */
export const VERSION_COLUMNS = [
  'record_id',
  'version',
  'title',
  'summary',
  'title_cy',
  'summary_cy',
  'what_we_did',
  'phases',
  'pupil_groups',
  'focus_areas',
  'collaboration',
  'resources',
  'what_changed',
  'how_we_know',
  'started_in',
  'links',
  'external_evaluation',
  'partnership_id',
  'language',
  'evidence_level',
  'evidence',
  'external_checked',
  'saved_by',
  'saved_at',
  'submitted_at',
  'published_at',
  'published_by',
] as const;

/** A new record, as a draft of its school, at version 1. */
export async function createPracticeRecord(
  db: Db,
  input: { urn: number; content: PracticeContent; evidence: PracticeEvidence; example?: boolean },
  actor: Actor,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { id } = await trx
      .insertInto('practice_records')
      .values({ urn: input.urn, created_by: actor?.id ?? null, example: input.example ?? false })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('practice_versions')
      .values({ record_id: id, version: 1, saved_by: actor?.id ?? null, ...versionValues(input.content, input.evidence) })
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'practice.created',
      subject: `practice record ${id}`,
      urn: input.urn,
      details: { id, version: 1 },
    });
    return id;
  });
}

/**
 * A new record already sent to the moderators at version 1, inside a transaction the caller
 * holds: a case study its partnership's schools have all approved.
 */
export async function insertSubmittedPracticeRecord(
  trx: Transaction<Database>,
  input: { urn: number; content: PracticeContent; evidence: PracticeEvidence },
  actor: Actor,
): Promise<number> {
  const { id } = await trx
    .insertInto('practice_records')
    .values({ urn: input.urn, created_by: actor?.id ?? null, working_state: 'submitted' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('practice_versions')
    .values({
      record_id: id,
      version: 1,
      saved_by: actor?.id ?? null,
      submitted_at: sql<Date>`now()`,
      ...versionValues(input.content, input.evidence),
    })
    .execute();
  for (const action of ['practice.created', 'practice.submitted'])
    await recordAudit(trx, {
      actor,
      action,
      subject: `practice record ${id}`,
      urn: input.urn,
      details: { id, version: 1 },
    });
  return id;
}

/** One record with its published and working versions; undefined when there is none. */
export async function getPracticeRecord(db: Db | Transaction<Database>, id: number): Promise<PracticeRecord | undefined> {
  const record = await db
    .selectFrom('practice_records as r')
    .leftJoin('schools as s', 's.urn', 'r.urn')
    .selectAll('r')
    .select('s.name as school_name')
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!record) return undefined;
  const wanted = [record.working_version, ...(record.published_version === null ? [] : [record.published_version])];
  const versions = await db
    .selectFrom('practice_versions')
    .select(VERSION_COLUMNS)
    .where('record_id', '=', id)
    .where('version', 'in', wanted)
    .execute();
  const byNumber = new Map(versions.map((v) => [v.version, toPracticeVersion(v)]));
  return {
    id: record.id,
    urn: record.urn,
    schoolName: record.school_name ?? `School ${record.urn}`,
    example: record.example,
    createdAt: iso(record.created_at)!,
    publishedVersion: record.published_version,
    workingVersion: record.working_version,
    workingState: record.working_state,
    withdrawn: record.withdrawn_at !== null,
    withdrawnAt: iso(record.withdrawn_at),
    withdrawalReason: record.withdrawal_reason,
    moderationNote: record.moderation_note,
    published: record.published_version === null ? null : byNumber.get(record.published_version)!,
    working: byNumber.get(record.working_version)!,
  };
}

/** Locks the record for a change; undefined when it does not exist. */
const lockRecord = (trx: Transaction<Database>, id: number) =>
  trx.selectFrom('practice_records').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/**
 * The school's changes. A draft, a returned version or one waiting for moderation is changed in
 * place (one waiting goes back to draft, to be sent again); a published version is never
 * changed: the change becomes the next version, and the public keeps reading the published one
 * until a moderator approves it. Returns the working version's number.
 */
export async function savePracticeContent(
  db: Db,
  id: number,
  content: PracticeContent,
  evidence: PracticeEvidence,
  actor: Actor,
): Promise<number | undefined> {
  return db.transaction().execute(async (trx) => {
    const record = await lockRecord(trx, id);
    if (!record || record.withdrawn_at !== null) return undefined;
    const values = { ...versionValues(content, evidence), saved_by: actor?.id ?? null, saved_at: sql<Date>`now()` };
    let version = record.working_version;
    if (record.working_state === 'published') {
      version += 1;
      await trx.insertInto('practice_versions').values({ record_id: id, version, ...values }).execute();
    } else {
      await trx
        .updateTable('practice_versions')
        .set({ ...values, submitted_at: null })
        .where('record_id', '=', id)
        .where('version', '=', version)
        .execute();
    }
    await trx
      .updateTable('practice_records')
      .set({
        working_version: version,
        working_state: record.working_state === 'returned' ? 'returned' : 'draft',
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'practice.edited',
      subject: `practice record ${id}`,
      urn: record.urn,
      details: { id, version },
    });
    return version;
  });
}

/**
 * Moves the working version from one state to another, if it is still the version and in the
 * state the person saw; false when someone changed it in between.
 */
async function moveWorkingVersion(
  db: Db,
  id: number,
  change: {
    version: number;
    from: readonly PracticeRecord['workingState'][];
    to: PracticeRecord['workingState'];
    action: string;
    note?: string | null;
    evidence?: PracticeEvidence;
    details?: Record<string, unknown>;
  },
  actor: Actor,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const record = await lockRecord(trx, id);
    if (
      !record ||
      record.withdrawn_at !== null ||
      record.working_version !== change.version ||
      !change.from.includes(record.working_state)
    )
      return false;
    const publishing = change.to === 'published';
    await trx
      .updateTable('practice_records')
      .set({
        working_state: change.to,
        ...(publishing ? { published_version: change.version } : {}),
        ...(change.note !== undefined ? { moderation_note: change.note } : {}),
        updated_at: sql<Date>`now()`,
      })
      .where('id', '=', id)
      .execute();
    // Returning a version changes only the record: the version keeps what was written and when it was sent.
    const stamps = {
        ...(change.to === 'submitted' ? { submitted_at: sql<Date>`now()` } : {}),
        ...(publishing
          ? {
              published_at: sql<Date>`now()`,
              published_by: actor?.id ?? null,
              ...(change.evidence
                ? {
                    evidence_level: change.evidence.level,
                    external_checked: change.evidence.externalChecked,
                    evidence: JSON.stringify({
                      figures: change.evidence.figures,
                      estimates: change.evidence.estimates,
                    }),
                  }
                : {}),
            }
          : {}),
    };
    if (Object.keys(stamps).length > 0)
      await trx
        .updateTable('practice_versions')
        .set(stamps)
        .where('record_id', '=', id)
        .where('version', '=', change.version)
        .execute();
    await recordAudit(trx, {
      actor,
      action: change.action,
      subject: `practice record ${id}`,
      urn: record.urn,
      details: { id, version: change.version, ...change.details },
    });
    return true;
  });
}

/** The school sends its working version to the moderators. */
export const submitPracticeVersion = (db: Db, id: number, version: number, actor: Actor) =>
  moveWorkingVersion(
    db,
    id,
    { version, from: ['draft', 'returned'], to: 'submitted', action: 'practice.submitted' },
    actor,
  );

/** A moderator approves the version they read: it becomes the published one, with its evidence as checked. */
export const approvePracticeVersion = (
  db: Db,
  id: number,
  version: number,
  evidence: PracticeEvidence,
  actor: Actor,
) =>
  moveWorkingVersion(
    db,
    id,
    {
      version,
      from: ['submitted'],
      to: 'published',
      action: 'practice.approved',
      note: null,
      evidence,
      details: { evidenceLevel: evidence.level, externalChecked: evidence.externalChecked },
    },
    actor,
  );

/** A moderator sends the version back to its school with a note of what to change. */
export const returnPracticeVersion = (db: Db, id: number, version: number, note: string, actor: Actor) =>
  moveWorkingVersion(
    db,
    id,
    { version, from: ['submitted'], to: 'returned', action: 'practice.returned', note },
    actor,
  );

/**
 * Hides the record from everyone but its school and moderators, keeping every version; any
 * reports on it are resolved by the withdrawal.
 */
export async function withdrawPracticeRecord(db: Db, id: number, reason: string, actor: Actor): Promise<boolean> {
  return db.transaction().execute((trx) => withdrawPracticeRecordIn(trx, id, reason, actor));
}

/** The withdrawal, inside a transaction the caller holds (a partner school withdrawing a case study). */
export async function withdrawPracticeRecordIn(
  trx: Transaction<Database>,
  id: number,
  reason: string,
  actor: Actor,
): Promise<boolean> {
  const record = await lockRecord(trx, id);
  if (!record || record.withdrawn_at !== null) return false;
  await trx
    .updateTable('practice_records')
    .set({
      withdrawn_at: sql<Date>`now()`,
      withdrawn_by: actor?.id ?? null,
      withdrawal_reason: reason,
      updated_at: sql<Date>`now()`,
    })
    .where('id', '=', id)
    .execute();
  const resolved = await trx
    .updateTable('practice_reports')
    .set({ resolved_at: sql<Date>`now()`, resolved_by: actor?.id ?? null, resolution: 'withdrawn' })
    .where('record_id', '=', id)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  await recordAudit(trx, {
    actor,
    action: 'practice.withdrawn',
    subject: `practice record ${id}`,
    urn: record.urn,
    details: { id, reportsResolved: Number(resolved.numUpdatedRows) },
  });
  return true;
}

/** Someone signed in reports a published record to the moderators, with their reason. */
export async function reportPracticeRecord(db: Db, id: number, reason: string, actor: Actor): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const record = await lockRecord(trx, id);
    if (!record) throw new Error(`no practice record ${id}`);
    const { id: reportId } = await trx
      .insertInto('practice_reports')
      .values({ record_id: id, reported_by: actor?.id ?? null, reason })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, {
      actor,
      action: 'practice.reported',
      subject: `practice record ${id}`,
      urn: record.urn,
      details: { id, report: reportId },
    });
    return reportId;
  });
}

/** A moderator finds nothing wrong: the open reports on the record are closed, the record stays. */
export async function dismissPracticeReports(db: Db, id: number, actor: Actor): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const record = await lockRecord(trx, id);
    if (!record) return 0;
    const resolved = await trx
      .updateTable('practice_reports')
      .set({ resolved_at: sql<Date>`now()`, resolved_by: actor?.id ?? null, resolution: 'dismissed' })
      .where('record_id', '=', id)
      .where('resolved_at', 'is', null)
      .executeTakeFirst();
    const count = Number(resolved.numUpdatedRows);
    if (count > 0)
      await recordAudit(trx, {
        actor,
        action: 'practice.reports-dismissed',
        subject: `practice record ${id}`,
        urn: record.urn,
        details: { id, reportsResolved: count },
      });
    return count;
  });
}

/** The open reports on a record, oldest first, for its moderators. */
export async function listOpenReports(db: Db, id: number) {
  const rows = await db
    .selectFrom('practice_reports')
    .select(['id', 'reason', 'reported_at'])
    .where('record_id', '=', id)
    .where('resolved_at', 'is', null)
    .orderBy('reported_at')
    .execute();
  return rows.map((r) => ({ id: r.id, reason: r.reason, reportedAt: iso(r.reported_at)! }));
}

/** Every version the public has read, newest first: a record's history. */
export async function listPublishedVersions(db: Db, id: number) {
  const rows = await db
    .selectFrom('practice_versions')
    .select(['version', 'published_at', 'title'])
    .where('record_id', '=', id)
    .where('published_at', 'is not', null)
    .orderBy('version', 'desc')
    .execute();
  return rows.map((r) => ({ version: r.version, title: r.title, publishedAt: iso(r.published_at)! }));
}

/** Whose records a moderator sees: every school's (a platform administrator) or those sharing with their organisations. */
export interface ModerationScope {
  everySchool: boolean;
  organisationIds: readonly number[];
  /** Their own schools, which they never moderate. */
  ownUrns: readonly number[];
}

/** Records within a moderator's scope, not withdrawn, each with the version `shown` names. */
function inScope(db: Db, scope: ModerationScope, shown: 'r.working_version' | 'r.published_version') {
  let query = db
    .selectFrom('practice_records as r')
    .innerJoin('practice_versions as v', (join) => join.onRef('v.record_id', '=', 'r.id').onRef('v.version', '=', shown))
    .leftJoin('schools as s', 's.urn', 'r.urn')
    .where('r.withdrawn_at', 'is', null);
  if (scope.ownUrns.length) query = query.where('r.urn', 'not in', scope.ownUrns);
  if (!scope.everySchool)
    query = query.where('r.urn', 'in', (eb) =>
      eb
        .selectFrom('organisation_schools')
        .select('urn')
        .where('organisation_id', 'in', scope.organisationIds.length ? scope.organisationIds : [-1])
        .where('shares_records', '=', true),
    );
  return query;
}

/**
 * The moderation queue: versions sent for moderation, oldest first, and public records with open
 * reports, most reported first. Withdrawn records are in neither.
 */
export async function listModerationQueue(db: Db, scope: ModerationScope) {
  const [waiting, reported] = await Promise.all([
    inScope(db, scope, 'r.working_version')
      .select(['r.id', 'r.urn', 's.name as school_name', 'v.title', 'v.version', 'v.submitted_at', 'r.published_version'])
      .where('r.working_state', '=', 'submitted')
      .orderBy('v.submitted_at')
      .orderBy('r.id')
      .execute(),
    inScope(db, scope, 'r.published_version')
      .innerJoin('practice_reports as p', 'p.record_id', 'r.id')
      .where('p.resolved_at', 'is', null)
      .select((eb) => ['r.id', 'r.urn', 's.name as school_name', 'v.title', eb.fn.countAll<number>().as('reports')])
      .groupBy(['r.id', 's.name', 'v.title'])
      .orderBy('reports', 'desc')
      .orderBy('r.id')
      .execute(),
  ]);
  return {
    waiting: waiting.map((r) => ({
      id: r.id,
      urn: r.urn,
      schoolName: r.school_name ?? `School ${r.urn}`,
      title: r.title,
      version: r.version,
      submittedAt: iso(r.submitted_at)!,
      /** A change to a record already public, rather than a new one. */
      change: r.published_version !== null,
    })),
    reported: reported.map((r) => ({
      id: r.id,
      urn: r.urn,
      schoolName: r.school_name ?? `School ${r.urn}`,
      title: r.title,
      reports: Number(r.reports),
    })),
  };
}

/** Every public record with its published version, oldest first: the library as it stands, for export. */
export async function listPublishedPractice(db: Db) {
  const rows = await db
    .selectFrom('practice_records as r')
    .innerJoin('practice_versions as v', (join) =>
      join.onRef('v.record_id', '=', 'r.id').onRef('v.version', '=', 'r.published_version'),
    )
    .leftJoin('schools as s', 's.urn', 'r.urn')
    .select(VERSION_COLUMNS.map((c) => `v.${c}` as const))
    .select(['r.id', 'r.urn', 'r.example', 's.name as school_name'])
    .where('r.withdrawn_at', 'is', null)
    .orderBy('r.id')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    urn: row.urn,
    schoolName: row.school_name ?? `School ${row.urn}`,
    example: row.example,
    published: toPracticeVersion(row),
  }));
}

/** The first open schools of a phase by URN: where the demo places its example practice and system leaders. */
export async function demoPracticeSchools(db: Db, phase: Phase, count: number): Promise<number[]> {
  const rows = await db
    .selectFrom('schools')
    .select('urn')
    .where('phase', '=', phase)
    .where('open', '=', true)
    .orderBy('urn')
    .limit(count)
    .execute();
  return rows.map((r) => r.urn);
}

/** How many records the library holds, in any state. */
export async function practiceRecordCount(db: Db): Promise<number> {
  const { n } = await db
    .selectFrom('practice_records')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}
