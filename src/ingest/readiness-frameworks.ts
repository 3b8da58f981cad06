import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalogue, type Catalogue, type NamedFramework } from '../domain/readiness/catalogue.ts';
import { parseFramework } from '../domain/readiness/framework.ts';

/** The frameworks shipped with S2S; a new one is a new JSON file here, with no code change. */
export const SHIPPED_FRAMEWORKS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../frameworks/readiness',
);

export class FrameworkFileError extends Error {
  constructor(readonly problems: string[]) {
    super(`Readiness frameworks could not be loaded:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/** Reads and checks every `*.json` framework in a folder; throws naming every bad file and field. */
export async function loadFrameworks(dir: string = SHIPPED_FRAMEWORKS_DIR): Promise<Catalogue> {
  const names = (await fs.readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const problems: string[] = [];
  const files: NamedFramework[] = [];
  for (const fileName of names) {
    let document: unknown;
    try {
      document = JSON.parse(await fs.readFile(path.join(dir, fileName), 'utf8'));
    } catch (error) {
      problems.push(`${fileName}: not valid JSON: ${(error as Error).message}`);
      continue;
    }
    const parsed = parseFramework(document, fileName);
    if (parsed.ok) files.push({ fileName, framework: parsed.value });
    else problems.push(...parsed.errors);
  }
  if (names.length === 0) problems.push(`${dir}: holds no framework files (*.json)`);
  if (problems.length > 0) throw new FrameworkFileError(problems);
  const catalogue = buildCatalogue(files);
  if (!catalogue.ok) throw new FrameworkFileError(catalogue.errors);
  return catalogue.value;
}
