import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { School } from '../../domain/school.ts';
import { consortiumAreaOf } from '../../domain/consortium-areas.ts';
import { areasFromSchools, type AreaTopology, type PlacedSchool } from '../../geo/areas.ts';
import type { BoundaryLevel, BoundaryManifest } from '../../geo/boundary-manifest.ts';

export const MAP_GEOGRAPHIES = ['region', 'la', 'constituency', 'consortium'] as const;
export type MapGeography = (typeof MAP_GEOGRAPHIES)[number];

/** The boundaries bundled with S2S (built by `npm run build:boundaries`). */
export const BUNDLED_BOUNDARIES_DIR = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'data',
  'boundaries',
);

const SOURCE_LEVEL: Record<MapGeography, BoundaryLevel> = {
  region: 'region',
  la: 'district',
  constituency: 'constituency',
  consortium: 'district',
};
type MappedSchool = Pick<School, 'location' | 'region' | 'localAuthority' | 'constituency'>;

const AREA_OF: Record<MapGeography, (s: MappedSchool) => School['region']> = {
  region: (s) => s.region,
  la: (s) => s.localAuthority,
  constituency: (s) => s.constituency,
  // Welsh schools only: the consortia are made of Welsh districts, and England is left off the layer.
  consortium: (s) => consortiumAreaOf(s.localAuthority?.code) ?? null,
};

export interface ServedAreas {
  json: string;
  gzip: Buffer;
}

/** Area boundaries labelled with the registry's own area codes, computed once per set of schools. */
export function createMapAreas(dir: string) {
  const manifestFile = path.join(dir, 'manifest.json');
  if (!fs.existsSync(manifestFile))
    throw new Error(
      `${manifestFile}: no boundary manifest (run npm run build:boundaries, or set S2S_BOUNDARIES_DIR)`,
    );
  const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as BoundaryManifest;
  const topologies = new Map<BoundaryLevel, AreaTopology>();
  const topology = (level: BoundaryLevel) => {
    let found = topologies.get(level);
    if (!found) {
      found = JSON.parse(
        fs.readFileSync(path.join(dir, manifest.levels[level].file), 'utf8'),
      ) as AreaTopology;
      topologies.set(level, found);
    }
    return found;
  };
  const served = new WeakMap<readonly MappedSchool[], Map<MapGeography, ServedAreas>>();

  return {
    /** What the map says about each layer's boundaries: where they come from and how old they are. */
    vintage(geography: MapGeography) {
      return manifest.levels[SOURCE_LEVEL[geography]];
    },
    areas(geography: MapGeography, schools: readonly MappedSchool[]): ServedAreas {
      let cache = served.get(schools);
      if (!cache) served.set(schools, (cache = new Map<MapGeography, ServedAreas>()));
      let found = cache.get(geography);
      if (!found) {
        const placed: PlacedSchool[] = [];
        for (const school of schools) {
          const area = AREA_OF[geography](school);
          if (school.location && area) placed.push({ location: school.location, area });
        }
        const json = JSON.stringify(areasFromSchools(topology(SOURCE_LEVEL[geography]), placed));
        found = { json, gzip: gzipSync(json) };
        cache.set(geography, found);
      }
      return found;
    },
  };
}
export type MapAreas = ReturnType<typeof createMapAreas>;
