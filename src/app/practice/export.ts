import { listPublishedPractice } from '../../data/practice.ts';
import { evidenceLabel } from '../../domain/practice/evidence.ts';
import { provenanceComment, type DatasetProvenance } from '../../domain/provenance.ts';
import type { AppContext } from '../context.ts';
import { writeCsv } from '../csv.ts';

/** The whole public library, for `s2s practice export`: each record's published version. */
export async function practiceExport(ctx: Pick<AppContext, 'db'>) {
  const records = await listPublishedPractice(ctx.db);
  return {
    total: records.length,
    items: records.map(({ id, urn, schoolName, example, published }) => ({
      id,
      version: published.version,
      ...published.content,
      schools: [{ urn, name: schoolName }],
      evidence: { level: published.evidence.level, label: evidenceLabel(published.evidence.level) },
      publishedAt: published.publishedAt!,
      example,
    })),
  };
}

const HEADER = [
  'id',
  'version',
  'urn',
  'school',
  'title',
  'summary',
  'focus_areas',
  'phases',
  'pupil_groups',
  'collaboration',
  'evidence_level',
  'evidence',
  'published_at',
  'started_in',
  'language',
  'example',
  'what_we_did',
  'resources',
  'what_changed',
  'how_we_know',
  'external_evaluation',
  'links',
] as const;

/** The export as CSV, one row per record; lists are joined with "; ". */
export function practiceCsv(
  library: Awaited<ReturnType<typeof practiceExport>>,
  dataset: DatasetProvenance,
): string {
  const rows = library.items.map((r) => [
    r.id,
    r.version,
    r.schools[0]!.urn,
    r.schools[0]!.name,
    r.title,
    r.summary,
    r.focusAreas.join('; '),
    r.phases.join('; '),
    r.pupilGroups.join('; '),
    r.collaboration,
    r.evidence.level,
    r.evidence.label,
    r.publishedAt,
    r.startedIn,
    r.language,
    r.example ? 'yes' : 'no',
    r.whatWeDid,
    r.resources,
    r.whatChanged,
    r.howWeKnow,
    r.externalEvaluation,
    r.links.join('; '),
  ]);
  return provenanceComment(dataset) + writeCsv(HEADER, rows);
}
