import { listPublishedVersions } from '../../data/practice.ts';
import { evidenceLabel } from '../../domain/practice/evidence.ts';
import type { AppContext } from '../context.ts';
import { ok } from '../result.ts';
import { practiceFor, type Viewer } from './records.ts';

/**
 * One record as `GET /api/practice/{id}` answers it: the published version, or for the school and
 * its moderators the version they may read when none is published.
 */
export async function practiceRecordAnswer(ctx: Pick<AppContext, 'db'>, viewer: Viewer, id: number) {
  const found = await practiceFor(ctx, viewer, id);
  if (!found.ok) return found;
  const { record, rights } = found.value;
  const shown = rights.readPublished ? record.published! : record.working;
  const { evidence, content } = shown;
  return ok({
    id: record.id,
    version: shown.version,
    state: shown === record.published ? ('published' as const) : record.workingState,
    withdrawn: record.withdrawn,
    ...content,
    titleCy: content.titleCy ?? null,
    summaryCy: content.summaryCy ?? null,
    schools: [{ urn: record.urn, name: record.schoolName }],
    evidence: {
      level: evidence.level,
      label: evidenceLabel(evidence.level),
      figures: evidence.figures,
      estimates: evidence.estimates,
      externalChecked: evidence.externalChecked,
    },
    publishedAt: shown.publishedAt,
    example: record.example,
    versions: (await listPublishedVersions(ctx.db, id)).map(({ version, publishedAt }) => ({
      version,
      publishedAt,
    })),
  });
}
