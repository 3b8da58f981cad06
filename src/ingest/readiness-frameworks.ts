import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalogue, type Catalogue, type NamedFramework } from '../domain/readiness/catalogue.ts';
import { parseFramework } from '../domain/readiness/framework.ts';
import { readJsonFolder } from './json-folder.ts';

/** The frameworks shipped with S2S; a new one is a new JSON file here, with no code change. */
export const SHIPPED_FRAMEWORKS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../frameworks/readiness',
);

export class FrameworkFileError extends Error {
  constructor(
    readonly problems: string[],
    what = 'Readiness frameworks',
  ) {
    super(`${what} could not be loaded:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/** Reads and checks every `*.json` framework in a folder; throws naming every bad file and field. */
export async function loadFrameworks(dir: string = SHIPPED_FRAMEWORKS_DIR): Promise<Catalogue> {
  const { files: documents, problems } = await readJsonFolder(dir);
  const files: NamedFramework[] = [];
  for (const { fileName, document } of documents) {
    const parsed = parseFramework(document, fileName);
    if (parsed.ok) files.push({ fileName, framework: parsed.value });
    else problems.push(...parsed.errors);
  }
  if (problems.length > 0) throw new FrameworkFileError(problems);
  const catalogue = buildCatalogue(files);
  if (!catalogue.ok) throw new FrameworkFileError(catalogue.errors);
  return catalogue.value;
}
