import type { SnapshotStore } from '../../data/snapshot.ts';
import type { Classification, SchoolGroup } from '../../domain/classification/types.ts';

/**
 * Groups come from the in-memory snapshot (the same classifications matching and capacity use),
 * so a search filtered by group agrees with the partner pages and the capacity figures.
 */
export async function urnsInGroup(
  snapshots: SnapshotStore,
  group: SchoolGroup,
  profile?: string,
): Promise<number[]> {
  const view = (await snapshots.withView(profile)).view(profile);
  if (!view) return [];
  const urns: number[] = [];
  for (const [urn, g] of view.groups) if (g === group) urns.push(urn);
  return urns;
}

export async function classificationOf(
  snapshots: SnapshotStore,
  urn: number,
): Promise<Classification | null> {
  return (await snapshots.get()).view()?.classifications.get(urn) ?? null;
}
