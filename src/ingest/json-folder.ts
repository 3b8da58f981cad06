import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Every `*.json` file in a folder, parsed, in name order, with a problem named for each file
 * that is not JSON and for a folder that holds none. Frameworks shipped as data are read this way.
 */
export async function readJsonFolder(
  dir: string,
): Promise<{ files: { fileName: string; document: unknown }[]; problems: string[] }> {
  const names = (await fs.readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const files: { fileName: string; document: unknown }[] = [];
  const problems: string[] = [];
  for (const fileName of names) {
    try {
      files.push({ fileName, document: JSON.parse(await fs.readFile(path.join(dir, fileName), 'utf8')) });
    } catch (error) {
      problems.push(`${fileName}: not valid JSON: ${(error as Error).message}`);
    }
  }
  if (names.length === 0) problems.push(`${dir}: holds no framework files (*.json)`);
  return { files, problems };
}
