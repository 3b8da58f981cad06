import { allItems, frameworkKey, type Framework, type ParseResult } from './framework.ts';

/** Every framework version on hand; assessments keep the version they were started on. */
export interface Catalogue {
  /** The newest version of each framework, for starting new assessments. */
  current(): Framework[];
  find(id: string, version?: number): Framework | undefined;
  /** The framework the other party of a deployment answers, if this one has one. */
  partnerOf(f: Framework): Framework | undefined;
}

export interface NamedFramework {
  fileName: string;
  framework: Framework;
}

/**
 * Joins parsed frameworks into a catalogue, checking what no single file can: versions are not
 * repeated, and a paired framework's partner exists, points back, shares its scale and has
 * every item that `pairsWith` names.
 */
export function buildCatalogue(files: NamedFramework[]): ParseResult<Catalogue> {
  const errors: string[] = [];
  const byKey = new Map<string, NamedFramework>();
  for (const file of files) {
    const key = frameworkKey(file.framework);
    const earlier = byKey.get(key);
    if (earlier)
      errors.push(`${file.fileName}: id and version ${key} are already used by ${earlier.fileName}`);
    else byKey.set(key, file);
  }

  const newest = new Map<string, Framework>();
  for (const { framework } of byKey.values()) {
    const seen = newest.get(framework.id);
    if (!seen || seen.version < framework.version) newest.set(framework.id, framework);
  }

  for (const { fileName, framework } of byKey.values()) {
    if (!framework.pair) continue;
    const partner = newest.get(framework.pair.with);
    if (!partner) {
      errors.push(`${fileName}: pair.with: no framework has the id "${framework.pair.with}"`);
      continue;
    }
    if (partner.pair?.with !== framework.id) {
      errors.push(`${fileName}: pair.with: "${partner.id}" does not pair back with "${framework.id}"`);
    }
    const values = (f: Framework) => f.scale.levels.map((l) => l.value).join(',');
    if (values(partner) !== values(framework)) {
      errors.push(`${fileName}: scale: must use the same level values as its pair "${partner.id}"`);
    }
    const partnerItems = new Set(allItems(partner).map((it) => it.id));
    framework.sections.forEach((s, si) =>
      s.items.forEach((it, ii) => {
        if (it.pairsWith && !partnerItems.has(it.pairsWith)) {
          errors.push(
            `${fileName}: sections[${si}].items[${ii}].pairsWith: "${partner.id}" has no item "${it.pairsWith}"`,
          );
        }
      }),
    );
  }
  if (errors.length > 0) return { ok: false, errors };

  const current = [...newest.values()].sort((a, b) => a.title.localeCompare(b.title));
  const catalogue: Catalogue = {
    current: () => current,
    find: (id, version) =>
      version === undefined ? newest.get(id) : byKey.get(frameworkKey({ id, version }))?.framework,
    partnerOf: (f) => (f.pair ? newest.get(f.pair.with) : undefined),
  };
  return { ok: true, value: catalogue };
}
