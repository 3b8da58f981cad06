import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildPeerReviewCatalogue,
  parsePeerReviewFramework,
  type PeerReviewCatalogue,
  type PeerReviewFramework,
} from '../domain/peer-review/framework.ts';
import { readJsonFolder } from './json-folder.ts';
import { FrameworkFileError } from './readiness-frameworks.ts';

/** The peer-review frameworks shipped with S2S; a new version is a new JSON file, with no code change. */
export const PEER_REVIEW_FRAMEWORKS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../frameworks/peer-review',
);

/** Reads and checks every framework in the folder; throws naming every bad file and field. */
export async function loadPeerReviewFrameworks(
  dir: string = PEER_REVIEW_FRAMEWORKS_DIR,
): Promise<PeerReviewCatalogue> {
  const { files: documents, problems } = await readJsonFolder(dir);
  const files: { fileName: string; framework: PeerReviewFramework }[] = [];
  for (const { fileName, document } of documents) {
    const parsed = parsePeerReviewFramework(document, fileName);
    if (parsed.ok) files.push({ fileName, framework: parsed.value });
    else problems.push(...parsed.errors);
  }
  const what = 'Peer-review frameworks';
  if (problems.length > 0) throw new FrameworkFileError(problems, what);
  const catalogue = buildPeerReviewCatalogue(files);
  if (!catalogue.ok) throw new FrameworkFileError(catalogue.errors, what);
  return catalogue.value;
}
