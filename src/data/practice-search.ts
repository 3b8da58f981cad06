import { sql, type RawBuilder } from 'kysely';
import type { FocusArea } from '../domain/focus-areas.ts';
import { EVIDENCE_LEVELS, levelsAtLeast, type EvidenceLevel } from '../domain/practice/evidence.ts';
import type { PracticeLanguage, PracticePhase } from '../domain/practice/model.ts';
import type { PartnershipType } from '../domain/partnerships/model.ts';
import type { Db } from './db.ts';

/**
 * Finding published practice: PostgreSQL full-text search over each record's published version
 * (title, summary and account weighted A, B, C, an English record's Welsh title and summary
 * beside its own; English stemming, Welsh as written), with
 * filters, ranked by how well the words match and how strong the evidence is.
 */

export interface PracticeSearch {
  q?: string;
  focus?: FocusArea[];
  phase?: PracticePhase;
  /** At least this strong. */
  evidence?: EvidenceLevel;
  la?: string;
  region?: string;
  type?: PartnershipType;
  /** Published on or after this day (yyyy-mm-dd). */
  since?: string;
  /** Only these schools' records. */
  urns?: readonly number[];
  limit: number;
  offset: number;
}

/** Which parts of a record the words were found in. */
export type MatchedPart = 'title' | 'summary' | 'account';

export interface PracticeHit {
  id: number;
  urn: number;
  schoolName: string;
  title: string;
  summary: string;
  titleCy: string | null;
  summaryCy: string | null;
  /** The language the record is written in. */
  language: PracticeLanguage;
  focusAreas: FocusArea[];
  phases: PracticePhase[];
  collaboration: PartnershipType | null;
  evidenceLevel: EvidenceLevel;
  publishedAt: string;
  example: boolean;
  /** Empty without search words. */
  matchedIn: MatchedPart[];
}

/** English-stemmed or as written: a Welsh record is matched by its words as they stand. */
const textQuery = (q: string) =>
  sql`(websearch_to_tsquery('english', ${q}) || websearch_to_tsquery('simple', ${q}))`;

const config = sql`(case when v.language = 'cy' then 'simple'::regconfig else 'english'::regconfig end)`;

/** How much stronger evidence lifts a record: a data-backed record outranks an equal own account. */
const evidenceBoost = sql<number>`(1 + 0.5 * (array_position(${sql.raw(
  `array[${EVIDENCE_LEVELS.map((l) => `'${l}'`).join(', ')}]`,
)}, v.evidence_level) - 1))`;

function filtered(db: Db, search: PracticeSearch) {
  let query = db
    .selectFrom('practice_records as r')
    .innerJoin('practice_versions as v', (join) =>
      join.onRef('v.record_id', '=', 'r.id').onRef('v.version', '=', 'r.published_version'),
    )
    .leftJoin('schools as s', 's.urn', 'r.urn')
    .where('r.withdrawn_at', 'is', null);
  if (search.q) query = query.where(sql<boolean>`v.search @@ ${textQuery(search.q)}`);
  if (search.focus?.length) query = query.where('v.focus_areas', '&&', sql<FocusArea[]>`${search.focus}::text[]`);
  if (search.phase) query = query.where(sql<boolean>`${search.phase} = any(v.phases)`);
  if (search.evidence) query = query.where('v.evidence_level', 'in', levelsAtLeast(search.evidence));
  if (search.la) query = query.where('s.la_code', '=', search.la);
  if (search.region) query = query.where('s.region_code', '=', search.region);
  if (search.type) query = query.where('v.collaboration', '=', search.type);
  if (search.since) query = query.where('v.published_at', '>=', new Date(`${search.since}T00:00:00Z`));
  if (search.urns) query = query.where('r.urn', 'in', search.urns.length ? search.urns : [-1]);
  return query;
}

const ACCOUNT = sql`v.what_we_did || ' ' || v.what_changed || ' ' || v.how_we_know || ' ' || v.resources`;

export async function searchPractice(
  db: Db,
  search: PracticeSearch,
): Promise<{ total: number; items: PracticeHit[] }> {
  const q = search.q?.trim() || undefined;
  const base = filtered(db, { ...search, q });
  const matches = (text: RawBuilder<unknown>) => sql<boolean>`to_tsvector(${config}, ${text}) @@ ${textQuery(q ?? '')}`;
  const matchesWelsh = (text: RawBuilder<unknown>) =>
    sql<boolean>`to_tsvector('simple', coalesce(${text}, '')) @@ ${textQuery(q ?? '')}`;
  const [{ total }, rows] = await Promise.all([
    base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    base
      .select([
        'r.id',
        'r.urn',
        's.name as school_name',
        'r.example',
        'v.title',
        'v.summary',
        'v.title_cy',
        'v.summary_cy',
        'v.language',
        'v.focus_areas',
        'v.phases',
        'v.collaboration',
        'v.evidence_level',
        'v.published_at',
        // Worked out for the page's rows only: PostgreSQL evaluates these after the limit.
        (q ? sql<boolean>`(${matches(sql`v.title`)} or ${matchesWelsh(sql`v.title_cy`)})` : sql<boolean>`false`).as(
          'in_title',
        ),
        (q
          ? sql<boolean>`(${matches(sql`v.summary`)} or ${matchesWelsh(sql`v.summary_cy`)})`
          : sql<boolean>`false`
        ).as('in_summary'),
        (q ? matches(ACCOUNT) : sql<boolean>`false`).as('in_account'),
      ])
      .orderBy(q ? sql`ts_rank(v.search, ${textQuery(q)}) * ${evidenceBoost}` : evidenceBoost, 'desc')
      .orderBy('v.published_at', 'desc')
      .orderBy('r.id')
      .limit(search.limit)
      .offset(search.offset)
      .execute(),
  ]);
  return {
    total,
    items: rows.map((row) => ({
      id: row.id,
      urn: row.urn,
      schoolName: row.school_name ?? `School ${row.urn}`,
      title: row.title,
      summary: row.summary,
      titleCy: row.title_cy,
      summaryCy: row.summary_cy,
      language: row.language,
      focusAreas: row.focus_areas,
      phases: row.phases,
      collaboration: row.collaboration,
      evidenceLevel: row.evidence_level,
      publishedAt: (row.published_at as Date).toISOString(),
      example: row.example,
      matchedIn: (['title', 'summary', 'account'] as const).filter(
        (part) => ({ title: row.in_title, summary: row.in_summary, account: row.in_account })[part],
      ),
    })),
  };
}
