import type { Transaction } from 'kysely';
import type { Db } from './db.ts';
import type { Database } from './schema.ts';

export interface AuditEntry {
  /** Who acted: null for the system or the command line. */
  actor: { id: number; email: string } | null;
  /** What happened, as `capability.verb`, e.g. `school.declaration-updated`. */
  action: string;
  /** What it was done to, in words a reader understands, e.g. `school 100001` or a user's email. */
  subject: string;
  /** The school the change belongs to, so its administrators see it. */
  urn?: number | null;
  organisationId?: number | null;
  /** What changed (never secrets or tokens). */
  details?: Record<string, unknown>;
}

export interface AuditRecord {
  id: number;
  at: Date;
  actorEmail: string | null;
  action: string;
  subject: string;
  urn: number | null;
  organisationId: number | null;
  details: Record<string, unknown>;
}

/** Writes an audit entry; call it inside the transaction that makes the change, so both land or neither. */
export async function recordAudit(trx: Transaction<Database> | Db, entry: AuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      actor_user_id: entry.actor?.id ?? null,
      actor_email: entry.actor?.email ?? null,
      action: entry.action,
      subject: entry.subject,
      urn: entry.urn ?? null,
      organisation_id: entry.organisationId ?? null,
      details: JSON.stringify(entry.details ?? {}),
    })
    .execute();
}

/** Newest first; one school's entries, or everything when `urn` is omitted. */
export async function listAudit(
  db: Db,
  { urn, limit, offset }: { urn?: number; limit: number; offset: number },
): Promise<{ total: number; items: AuditRecord[] }> {
  let query = db.selectFrom('audit_log');
  if (urn !== undefined) query = query.where('urn', '=', urn);
  const [{ total }, rows] = await Promise.all([
    query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    query.selectAll().orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).offset(offset).execute(),
  ]);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorEmail: r.actor_email,
      action: r.action,
      subject: r.subject,
      urn: r.urn,
      organisationId: r.organisation_id,
      details: r.details,
    })),
  };
}
