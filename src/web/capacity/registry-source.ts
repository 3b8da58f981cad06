import { getDatasetInfo } from '../../data/schools.ts';
import { loadOpenSchoolRecords } from '../../data/school-records.ts';
import type { Db } from '../../data/db.ts';
import { classifySchools } from '../../domain/classification/classify.ts';
import { DEFAULT_PROFILE_NAME, SHIPPED_PROFILES } from '../../domain/classification/profiles/index.ts';
import type { SchoolGroup } from '../../domain/classification/types.ts';
import type { SchoolRecord } from '../../domain/school.ts';
import { buildSpatialIndex, type SpatialIndex } from '../../domain/spatial-index.ts';
import type { ClassifiedRegistry, ClassifiedRegistrySource } from './service.ts';

interface Snapshot {
  stamp: string;
  schools: SchoolRecord[];
  index: SpatialIndex<SchoolRecord>;
  byProfile: Map<string, ClassifiedRegistry<SchoolRecord>>;
}

/**
 * The open schools held in memory with their spatial index, classified once per profile and
 * reloaded when an import changes the registry. `today` gives the as-of date for classification.
 */
export function createRegistrySource(db: Db, today: () => string): ClassifiedRegistrySource {
  let snapshot: Promise<Snapshot> | undefined;
  let checked: Promise<string> | undefined;

  const stampOf = async () => {
    const info = await getDatasetInfo(db);
    return `${info.schools}|${info.lastImport?.importedAt.toISOString() ?? ''}`;
  };
  const current = async (): Promise<Snapshot> => {
    checked ??= stampOf().finally(() => setTimeout(() => (checked = undefined), 10_000).unref());
    const stamp = await checked;
    if (!snapshot || (await snapshot).stamp !== stamp) {
      snapshot = loadOpenSchoolRecords(db).then((schools) => ({
        stamp,
        schools,
        index: buildSpatialIndex(schools),
        byProfile: new Map(),
      }));
      snapshot.catch(() => (snapshot = undefined));
    }
    return snapshot;
  };

  return {
    profiles: async () => SHIPPED_PROFILES.map(({ name, title }) => ({ name, title })),
    classified: async (name) => {
      const profile = SHIPPED_PROFILES.find((p) => p.name === (name ?? DEFAULT_PROFILE_NAME));
      if (!profile) return undefined;
      const { schools, index, byProfile } = await current();
      let classified = byProfile.get(profile.name);
      if (!classified) {
        const groups = new Map<number, SchoolGroup>(
          classifySchools(schools, profile, today()).map((c) => [c.urn, c.group]),
        );
        classified = { schools, index, groups, profile: { name: profile.name, title: profile.title } };
        byProfile.set(profile.name, classified);
      }
      return classified;
    },
  };
}
