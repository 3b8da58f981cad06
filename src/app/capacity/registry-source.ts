import type { ProfileView, Snapshot } from '../../domain/snapshot.ts';
import type { CapacityRegistrySchool } from '../../domain/capacity/capacity.ts';
import type { SchoolGroup } from '../../domain/classification/types.ts';
import type { Phase } from '../../domain/school.ts';

/** The registry as classified under one performance profile. */
export interface ClassifiedRegistry<T extends CapacityRegistrySchool = CapacityRegistrySchool> {
  schools: readonly T[];
  groups: ReadonlyMap<number, SchoolGroup>;
  profile: { name: string; title: string };
  /** Each phase's radius when the user sets none (the service's settings). */
  radiusKm: Readonly<Record<Phase, number>>;
}

export interface ProfileSummary {
  name: string;
  title: string;
}

/** The same object for the same snapshot and profile, so answers can be kept until a rebuild. */
const seen = new WeakMap<ProfileView, ClassifiedRegistry>();

/**
 * The registry snapshot that matching also reads, seen as capacity needs it: its schools with
 * one profile's groups.
 */
export function classifiedRegistry(snapshot: Snapshot, view: ProfileView): ClassifiedRegistry {
  let registry = seen.get(view);
  if (!registry) {
    registry = {
      schools: snapshot.schools,
      groups: view.groups,
      profile: { name: view.profile.name, title: view.profile.title },
      radiusKm: snapshot.settings.radiusKm,
    };
    seen.set(view, registry);
  }
  return registry;
}

/** The performance profiles one can choose from, the active one first. */
export function profileChoices({ profiles, defaultProfile }: Snapshot): ProfileSummary[] {
  return [...profiles]
    .sort((a, b) => Number(b.name === defaultProfile) - Number(a.name === defaultProfile))
    .map(({ name, title }) => ({ name, title }));
}
