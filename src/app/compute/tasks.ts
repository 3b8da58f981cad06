import {
  crossedWithWords,
  pairingWords,
  forCrossing,
  type Allocation,
  type CrossingAllocation,
} from '../../domain/allocation/index.ts';
import type { CapacityGeography } from '../../domain/capacity/aggregate.ts';
import { classifySchools } from '../../domain/classification/classify.ts';
import { countGroups, type GroupCounts } from '../../domain/classification/counts.ts';
import { inspectionsOutsideWindow } from '../../domain/classification/measures.ts';
import type { PerformanceProfile } from '../../domain/classification/types.ts';
import { capacity, type CapacityReport } from '../../domain/capacity/capacity.ts';
import {
  capacityArrived,
  capacityForCrossing,
  type CrossingCapacity,
} from '../../domain/capacity/crossing.ts';
import type { PartnerQuery } from '../../domain/matching/find-partners.ts';
import { plainFacts } from '../../domain/matching/pool.ts';
import { radiusFor } from '../../domain/radius.ts';
import type { Phase } from '../../domain/school.ts';
import { searchPartners, type Snapshot, type SnapshotPartnerSearch } from '../../domain/snapshot.ts';
import { classifiedRegistry } from '../capacity/registry-source.ts';

/**
 * The heavy computations, as plain data that can cross to a worker thread: each names the
 * performance profile (undefined: the snapshot's default) and what the domain function needs.
 */
export type ComputeTask =
  | {
      kind: 'capacity';
      profile: string | undefined;
      by: CapacityGeography;
      phase: Phase | null;
      radiusKm: number | undefined;
    }
  | { kind: 'allocation'; profile: string | undefined }
  | { kind: 'partners'; profile: string | undefined; urn: number; query: PartnerQuery }
  /** Every open school classified under a draft profile an administrator is editing, counted. */
  | { kind: 'preview'; draft: PerformanceProfile };

/** A draft profile's groups, and how many latest inspections it would leave out as too old. */
export interface ProfilePreview {
  draft: GroupCounts;
  inspections: { inspected: number; outside: number };
}

export interface ComputeAnswers {
  capacity: CapacityReport;
  allocation: Allocation;
  partners: SnapshotPartnerSearch;
  preview: ProfilePreview;
}

export type ComputeAnswer<T extends ComputeTask> = ComputeAnswers[T['kind']];

const viewOf = (snapshot: Snapshot, profile: string | undefined) => {
  const view = snapshot.view(profile);
  if (!view) throw new Error(`There is no performance profile called "${profile}"`);
  return view;
};

/** Runs one task on a snapshot: the same domain functions, whichever thread calls them. */
export function runTask<T extends ComputeTask>(snapshot: Snapshot, task: T): ComputeAnswer<T>;
export function runTask(snapshot: Snapshot, task: ComputeTask): ComputeAnswers[ComputeTask['kind']] {
  switch (task.kind) {
    case 'capacity': {
      const registry = classifiedRegistry(snapshot, viewOf(snapshot, task.profile));
      return capacity(registry, {
        by: task.by,
        phase: task.phase,
        radiusKm: radiusFor(task.radiusKm, registry.radiusKm),
      });
    }
    case 'allocation':
      return viewOf(snapshot, task.profile).allocation();
    case 'partners': {
      const found = searchPartners(snapshot, task.urn, task.query, task.profile);
      // The school's facts with their classification written in, to cross to the asking thread.
      return 'school' in found ? { ...found, school: plainFacts(found.school) } : found;
    }
    case 'preview': {
      const { schools, asOf } = snapshot;
      return {
        draft: countGroups(classifySchools(schools, task.draft, asOf)),
        inspections: inspectionsOutsideWindow(schools, task.draft, asOf),
      };
    }
  }
}

/**
 * A task's answer as it leaves a worker: the allocation's pairings as columns, without reasons;
 * capacity's schools out of reach by URN.
 */
export function leaving(task: ComputeTask, answer: ComputeAnswers[ComputeTask['kind']]) {
  switch (task.kind) {
    case 'allocation':
      return forCrossing(answer as Allocation);
    case 'capacity':
      return capacityForCrossing(answer as CapacityReport);
    case 'partners':
    case 'preview':
      return answer;
  }
}

/**
 * A task's answer as it arrives from a worker: the allocation's pairings named and their reasons
 * written from this thread's own snapshot when first read, in the same words the worker would
 * have written; capacity's schools out of reach named from it when read.
 */
export function arrived<T extends ComputeTask>(
  snapshot: Snapshot,
  task: T,
  answer: unknown,
): ComputeAnswer<T>;
export function arrived(snapshot: Snapshot, task: ComputeTask, answer: unknown) {
  if (task.kind === 'partners' || task.kind === 'preview') return answer;
  if (task.kind === 'capacity')
    return capacityArrived(answer as CrossingCapacity, (urn) => snapshot.byUrn.get(urn)!.name);
  const { pool } = viewOf(snapshot, task.profile);
  // Named and explained from this thread's pool, built from the same registry as the worker's.
  return crossedWithWords(
    answer as CrossingAllocation,
    pairingWords(pool, snapshot.settings, snapshot.capacity),
  );
}
