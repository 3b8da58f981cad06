import { sql, type Transaction } from 'kysely';
import type { SchoolDeclaration } from '../domain/declarations.ts';
import type { FocusArea } from '../domain/focus-areas.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import type { Database } from './schema.ts';

export async function getSchoolDeclaration(db: Db, urn: number): Promise<SchoolDeclaration | undefined> {
  const row = await db.selectFrom('school_declarations').selectAll().where('urn', '=', urn).executeTakeFirst();
  return (
    row && {
      urn: row.urn,
      capacityToSupport: row.capacity_to_support,
      needs: row.needs,
      updatedAt: row.updated_at,
    }
  );
}

/** Saves the school's declaration and its audit entry together. */
export async function saveSchoolDeclaration(
  db: Db,
  declaration: { urn: number; capacityToSupport: number; needs: FocusArea[] },
  actor: { id: number; email: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('school_declarations')
      .select(['capacity_to_support', 'needs'])
      .where('urn', '=', declaration.urn)
      .forUpdate()
      .executeTakeFirst();
    const values = {
      capacity_to_support: declaration.capacityToSupport,
      needs: declaration.needs,
      updated_at: sql<Date>`now()`,
      updated_by: actor.id,
    };
    await trx
      .insertInto('school_declarations')
      .values({ urn: declaration.urn, ...values })
      .onConflict((oc) => oc.column('urn').doUpdateSet(values))
      .execute();
    await recordAudit(trx, {
      actor,
      action: 'school.declaration-updated',
      subject: `school ${declaration.urn}`,
      urn: declaration.urn,
      details: {
        before: before ? { capacityToSupport: before.capacity_to_support, needs: before.needs } : null,
        after: { capacityToSupport: declaration.capacityToSupport, needs: declaration.needs },
      },
    });
  });
}

/** How many schools each school says it can support at once, for matching and the allocation. */
export async function listDeclaredCapacity(db: Db): Promise<Map<number, number>> {
  const rows = await db.selectFrom('school_declarations').select(['urn', 'capacity_to_support']).execute();
  return new Map(rows.map((r) => [r.urn, r.capacity_to_support]));
}

/**
 * Adds one area to where the school would like support (inside the caller's transaction, with its
 * audit entry), as when a school turns what a peer review found into a need; nothing if declared.
 */
export async function addDeclaredNeed(
  trx: Transaction<Database>,
  urn: number,
  need: FocusArea,
  actor: { id: number; email: string },
): Promise<void> {
  const before = await trx
    .selectFrom('school_declarations')
    .select(['capacity_to_support', 'needs'])
    .where('urn', '=', urn)
    .forUpdate()
    .executeTakeFirst();
  if (before?.needs.includes(need)) return;
  const needs = [...(before?.needs ?? []), need];
  await trx
    .insertInto('school_declarations')
    .values({ urn, capacity_to_support: 0, needs, updated_by: actor.id })
    .onConflict((oc) => oc.column('urn').doUpdateSet({ needs, updated_at: sql<Date>`now()`, updated_by: actor.id }))
    .execute();
  await recordAudit(trx, {
    actor,
    action: 'school.declaration-updated',
    subject: `school ${urn}`,
    urn,
    details: {
      before: before ? { capacityToSupport: before.capacity_to_support, needs: before.needs } : null,
      after: { capacityToSupport: before?.capacity_to_support ?? 0, needs },
    },
  });
}
