import type { ProfileView, Snapshot } from '../../domain/snapshot.ts';
import type { ClassifiedRegistry, ClassifiedRegistrySource } from './capacity.ts';

/**
 * The registry snapshot that matching also reads, seen as capacity needs it: its schools with
 * one profile's groups. The same object is handed out for the same
 * snapshot and profile, so answers can be kept until the snapshot is rebuilt.
 */
export function registrySource(snapshot: () => Promise<Snapshot>): ClassifiedRegistrySource {
  const seen = new WeakMap<ProfileView, ClassifiedRegistry>();
  return {
    async profiles() {
      const { profiles, defaultProfile } = await snapshot();
      return [...profiles]
        .sort((a, b) => Number(b.name === defaultProfile) - Number(a.name === defaultProfile))
        .map(({ name, title }) => ({ name, title }));
    },
    async classified(name) {
      const current = await snapshot();
      const view = current.view(name);
      if (!view) return undefined;
      let registry = seen.get(view);
      if (!registry) {
        registry = {
          schools: current.schools,
          groups: view.groups,
          profile: { name: view.profile.name, title: view.profile.title },
          radiusKm: current.settings.radiusKm,
        };
        seen.set(view, registry);
      }
      return registry;
    },
  };
}
