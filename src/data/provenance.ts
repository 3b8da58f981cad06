import { sql } from 'kysely';
import type { Db } from './db.ts';

export interface ImportedSource {
  kind: string;
  fileName: string;
  asOf: string | null;
  resultsStatus: string | null;
  synthetic: boolean;
}

/**
 * For each kind of file, the import the data now rests on: the one describing the latest date
 * (a re-import of an older file does not make the data older), final results before provisional
 * ones of the same year (which never replace them), then the newest.
 */
export async function currentSources(db: Db): Promise<ImportedSource[]> {
  const { rows } = await sql<ImportedSource>`
    select distinct on (kind) kind, file_name as "fileName", as_of as "asOf",
      results_status as "resultsStatus", synthetic
    from imports
    order by kind, as_of desc nulls last, results_status = 'provisional', id desc`.execute(db);
  return rows;
}

export async function hasSyntheticSchools(db: Db): Promise<boolean> {
  const row = await db
    .selectNoFrom(sql<boolean>`exists (select from schools where synthetic)`.as('synthetic'))
    .executeTakeFirstOrThrow();
  return row.synthetic;
}

/** The fingerprint of the file last imported of a kind, to tell a new release from the same one. */
export async function lastImportedSha256(db: Db, kind: string): Promise<string | null> {
  const row = await db
    .selectFrom('imports')
    .select('sha256')
    .where('kind', '=', kind)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.sha256 ?? null;
}
