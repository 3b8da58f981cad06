import { sql, type Transaction } from 'kysely';
import type { DeclaredFocus, SchoolDeclaration } from '../domain/declarations.ts';
import type { FocusArea } from '../domain/focus-areas.ts';
import { recordAudit } from './audit.ts';
import type { Db } from './db.ts';
import type { Database } from './schema.ts';

export async function getSchoolDeclaration(db: Db, urn: number): Promise<SchoolDeclaration | undefined> {
  const row = await db
    .selectFrom('school_declarations as d')
    .leftJoin('school_offers as o', 'o.urn', 'd.urn')
    .select(['d.urn', 'd.capacity_to_support', 'd.needs', 'd.updated_at', 'o.offers', 'o.note'])
    .where('d.urn', '=', urn)
    .executeTakeFirst();
  return (
    row && {
      urn: row.urn,
      capacityToSupport: row.capacity_to_support,
      needs: row.needs,
      offers: row.offers ?? [],
      offerNote: row.note ?? null,
      updatedAt: row.updated_at,
    }
  );
}

/** Saves the school's declaration and its audit entry together. */
export async function saveSchoolDeclaration(
  db: Db,
  declaration: {
    urn: number;
    capacityToSupport: number;
    needs: FocusArea[];
    offers?: FocusArea[];
    offerNote?: string | null;
  },
  actor: { id: number; email: string },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('school_declarations as d')
      .leftJoin('school_offers as o', 'o.urn', 'd.urn')
      .select(['d.capacity_to_support', 'd.needs', 'o.offers', 'o.note'])
      .where('d.urn', '=', declaration.urn)
      .forUpdate('d')
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
    // Left out, the offers (and their note) stand as they were.
    if (declaration.offers) {
      const offers = {
        offers: declaration.offers,
        note: declaration.offerNote ?? null,
        updated_at: sql<Date>`now()`,
        updated_by: actor.id,
      };
      await trx
        .insertInto('school_offers')
        .values({ urn: declaration.urn, ...offers })
        .onConflict((oc) => oc.column('urn').doUpdateSet(offers))
        .execute();
    }
    await recordAudit(trx, {
      actor,
      action: 'school.declaration-updated',
      subject: `school ${declaration.urn}`,
      urn: declaration.urn,
      details: {
        before: before
          ? { capacityToSupport: before.capacity_to_support, needs: before.needs, offers: before.offers ?? [] }
          : null,
        after: {
          capacityToSupport: declaration.capacityToSupport,
          needs: declaration.needs,
          offers: declaration.offers ?? before?.offers ?? [],
        },
        // Whether the note changed, never its words (the audit log names ids and fields).
        offerNoteChanged:
          declaration.offers !== undefined && (declaration.offerNote ?? null) !== (before?.note ?? null),
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

/** Each school's declared needs and offers, for matching; schools that declared neither are absent. */
export async function listDeclaredFocus(db: Db): Promise<Map<number, DeclaredFocus>> {
  const [needs, offers] = await Promise.all([
    db.selectFrom('school_declarations').select(['urn', 'needs']).execute(),
    db.selectFrom('school_offers').select(['urn', 'offers', 'note']).execute(),
  ]);
  const declared = new Map<number, DeclaredFocus>();
  for (const r of needs) if (r.needs.length > 0) declared.set(r.urn, { needs: r.needs, offers: [] });
  for (const r of offers) {
    if (r.offers.length > 0) {
      declared.set(r.urn, { needs: declared.get(r.urn)?.needs ?? [], offers: r.offers, offerNote: r.note });
    }
  }
  return declared;
}
