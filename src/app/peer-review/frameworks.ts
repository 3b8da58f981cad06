import type { PeerReviewCatalogue, PeerReviewFramework } from '../../domain/peer-review/framework.ts';
import { loadPeerReviewFrameworks } from '../../ingest/peer-review-frameworks.ts';
import { fail, ok, type Result, worded } from '../result.ts';

let catalogue: Promise<PeerReviewCatalogue> | undefined;

/** The peer-review frameworks shipped in frameworks/peer-review/, read once per process. */
export function peerReviewCatalogue(): Promise<PeerReviewCatalogue> {
  catalogue ??= loadPeerReviewFrameworks();
  return catalogue;
}

/** The current version of each framework, in brief. */
export async function listPeerReviewFrameworks() {
  const items = (await peerReviewCatalogue())
    .current()
    .map(({ id, version, title, summary, models, sources }) => ({
      id,
      version,
      title,
      summary,
      models,
      sources,
    }));
  return { total: items.length, limit: items.length, offset: 0, items };
}

/** One framework in full: its newest version, or the version asked for. */
export async function peerReviewFramework(
  id: string,
  version?: number,
): Promise<Result<PeerReviewFramework>> {
  const framework = (await peerReviewCatalogue()).find(id, version);
  return framework
    ? ok(framework)
    : fail(
        'not-found',
        version
          ? worded('No peer-review framework "{{id}}" version {{version}}.', { id, version })
          : worded('No peer-review framework "{{id}}".', { id }),
      );
}
