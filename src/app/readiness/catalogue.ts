import type { Catalogue } from '../../domain/readiness/catalogue.ts';
import { loadFrameworks } from '../../ingest/readiness-frameworks.ts';

let catalogue: Promise<Catalogue> | undefined;

/** The readiness frameworks shipped in frameworks/readiness/, read once per process. */
export function frameworkCatalogue(): Promise<Catalogue> {
  catalogue ??= loadFrameworks();
  return catalogue;
}

/** The current version of each framework. */
export async function listFrameworks() {
  const list = (await frameworkCatalogue())
    .current()
    .map((f) => ({ id: f.id, version: f.version, title: f.title }));
  return { total: list.length, items: list };
}
