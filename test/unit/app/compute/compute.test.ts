import { afterEach, describe, expect, it, vi } from 'vitest';
import { ComputeBusyError } from '../../../../src/app/compute/busy.ts';
import { ANSWERS_KEPT, createCompute, type Compute } from '../../../../src/app/compute/compute.ts';
import { leaving, runTask, type ComputeTask } from '../../../../src/app/compute/tasks.ts';
import type { CrossingAllocation } from '../../../../src/domain/allocation/index.ts';
import {
  DEFAULT_PROFILE_NAME,
  SHIPPED_PROFILES,
} from '../../../../src/domain/classification/profiles/index.ts';
import { DEFAULT_MATCHING_SETTINGS } from '../../../../src/domain/matching/settings.ts';
import { buildSnapshot, type Snapshot } from '../../../../src/domain/snapshot.ts';
import { aSchool, anInspection } from '../../../builders/school-records.ts';
import { BACKGROUND_WORK_MS } from '../../../helpers/background.ts';

/** Schools around Leeds, a few kilometres apart: outstanding ones and ones that require improvement. */
function aSnapshot(): Snapshot {
  const schools = Array.from({ length: 40 }, (_, i) => {
    const urn = 100000 + i;
    const grade = i % 3 === 0 ? 1 : i % 3 === 1 ? 3 : 2;
    return aSchool({
      urn,
      name: `School ${i}`,
      location: { lat: 53.8 + (i % 8) * 0.02, lon: -1.55 + Math.floor(i / 8) * 0.03 },
      inspections: [
        anInspection({ urn, overallEffectiveness: grade, startDate: '2019-03-01' }),
        anInspection({ urn, overallEffectiveness: grade, startDate: '2015-03-01' }),
      ],
    });
  });
  return buildSnapshot({
    schools,
    profiles: SHIPPED_PROFILES,
    defaultProfile: DEFAULT_PROFILE_NAME,
    asOf: '2020-01-01',
    settings: DEFAULT_MATCHING_SETTINGS,
  });
}

const capacityTask = (radiusKm?: number): Extract<ComputeTask, { kind: 'capacity' }> => ({
  kind: 'capacity',
  profile: undefined,
  by: 'la',
  phase: null,
  radiusKm,
});

describe('heavy computations in worker threads', () => {
  let compute: Compute | undefined;
  const open = (workers: number, queue: number, idleSeconds?: number) =>
    (compute = createCompute({ workers, queue, idleSeconds }));
  afterEach(async () => {
    await compute?.close();
    compute = undefined;
  });

  it('answers as the domain functions do on the service thread, for capacity, allocation and partners', async () => {
    open(1, 10);
    const snapshot = aSnapshot();
    const tasks: ComputeTask[] = [
      capacityTask(),
      capacityTask(7),
      { kind: 'capacity', profile: 'inspection-only', by: 'region', phase: 'primary', radiusKm: 3 },
      { kind: 'allocation', profile: undefined },
      { kind: 'partners', profile: undefined, urn: 100001, query: { strategy: 'reciprocal', radiusKm: 50 } },
      { kind: 'partners', profile: undefined, urn: 100001, query: { strategy: 'support' } },
      { kind: 'partners', profile: undefined, urn: 999999, query: { strategy: 'support' } },
    ];
    for (const task of tasks) expect(await compute!.run(snapshot, task)).toEqual(runTask(snapshot, task));
    // Not an empty answer compared with an empty one.
    const area = (await compute!.run(snapshot, capacityTask(7))).total;
    expect(area.inNeed).toBeGreaterThan(0);
    expect(area.highPerforming).toBeGreaterThan(0);
    expect(
      (await compute!.run(snapshot, { kind: 'allocation', profile: undefined })).assignments.length,
    ).toBeGreaterThan(0);
  });

  it('sends the allocation from its worker without any pairing’s reasons, which are written here when read', async () => {
    open(1, 10);
    const snapshot = aSnapshot();
    const task: ComputeTask = { kind: 'allocation', profile: undefined };
    // What a copy to another thread carries: no reasons written for tens of thousands of pairings.
    const sent = structuredClone(leaving(task, runTask(snapshot, task)));
    const here = runTask(snapshot, task).assignments;
    expect(here.length).toBeGreaterThan(0);
    // Figures in columns, a pairing's schools by URN alone: no object, name or reason for each.
    expect(sent).not.toHaveProperty('assignments');
    expect(sent).toHaveProperty(
      'pairings.urn',
      Int32Array.from(here, (a) => a.urn),
    );
    expect(Object.values((sent as CrossingAllocation).pairings).every((c) => ArrayBuffer.isView(c))).toBe(
      true,
    );
    const arrived = (await compute!.run(snapshot, task)).assignments;
    expect(arrived.map((a) => a.reasons)).toEqual(here.map((a) => a.reasons));
    expect(arrived.every((a) => a.reasons.length > 0)).toBe(true);
    expect(JSON.parse(JSON.stringify(arrived))).toEqual(JSON.parse(JSON.stringify(here)));
  });

  it('sends capacity from its worker with the schools out of reach by URN, named here as the worker names them', async () => {
    open(1, 10);
    const snapshot = aSnapshot();
    // At 1 km no school in need has a high-performing school within reach.
    const task = capacityTask(1);
    const here = runTask(snapshot, task);
    expect(here.total.inNeedOutOfReach.length).toBeGreaterThan(0);
    const sent = structuredClone(leaving(task, here));
    expect(JSON.stringify(sent)).not.toContain('School ');
    expect(sent).toHaveProperty(
      'total.outOfReach',
      Int32Array.from(here.total.inNeedOutOfReach, (s) => s.urn),
    );
    const arrived = await compute!.run(snapshot, task);
    expect(arrived).toEqual(here);
    expect(JSON.parse(JSON.stringify(arrived))).toEqual(JSON.parse(JSON.stringify(here)));
    expect({ ...arrived.areas[0]! }.inNeedOutOfReach).toEqual(here.areas[0]!.inNeedOutOfReach);
  });

  it('computes identical tasks in flight once, for every caller', async () => {
    open(1, 10);
    const snapshot = aSnapshot();
    const before = compute!.stats().started;
    const answers = await Promise.all([1, 2, 3].map(() => compute!.run(snapshot, capacityTask(4))));
    expect(compute!.stats().started - before).toBe(1);
    expect(answers[1]).toBe(answers[0]);
    expect(answers[2]).toBe(answers[0]);
  });

  it('keeps answers for the snapshot they were computed on, and computes again for a new one', async () => {
    open(1, 10);
    const snapshot = aSnapshot();
    const first = await compute!.run(snapshot, capacityTask(6));
    const started = compute!.stats().started;
    expect(await compute!.run(snapshot, capacityTask(6))).toBe(first);
    expect(compute!.stats().started).toBe(started);
    const rebuilt = aSnapshot();
    expect(await compute!.run(rebuilt, capacityTask(6))).toEqual(first);
    expect(compute!.stats().started).toBe(started + 1);
  });

  it('keeps the national allocation however many different partner searches come after it', async () => {
    open(1, 10);
    const snapshot = aSnapshot();
    const allocation: ComputeTask = { kind: 'allocation', profile: undefined };
    const first = await compute!.run(snapshot, allocation);
    for (let i = 0; i <= ANSWERS_KEPT.partners; i++) {
      await compute!.run(snapshot, {
        kind: 'partners',
        profile: undefined,
        urn: 100000 + (i % 40),
        query: { strategy: 'reciprocal', radiusKm: 10 + Math.floor(i / 40) },
      });
    }
    const started = compute!.stats().started;
    expect(await compute!.run(snapshot, allocation)).toBe(first);
    expect(compute!.stats().started).toBe(started);
  });

  it('keeps as many capacity answers as it is allowed, the oldest going first, beside the partner searches', async () => {
    open(1, 10);
    const snapshot = aSnapshot();
    const search: ComputeTask = {
      kind: 'partners',
      profile: undefined,
      urn: 100001,
      query: { strategy: 'reciprocal', radiusKm: 40 },
    };
    const found = await compute!.run(snapshot, search);
    const radii = Array.from({ length: ANSWERS_KEPT.capacity + 1 }, (_, i) => 1 + i / 10);
    for (const radius of radii) await compute!.run(snapshot, capacityTask(radius));
    const started = compute!.stats().started;
    // The latest are kept, and the partner search asked before them all.
    await compute!.run(snapshot, capacityTask(radii.at(-1)));
    expect(await compute!.run(snapshot, search)).toBe(found);
    expect(compute!.stats().started).toBe(started);
    // The first capacity answer has gone, and is computed again.
    await compute!.run(snapshot, capacityTask(radii[0]));
    expect(compute!.stats().started).toBe(started + 1);
  });

  it('answers as before once its idle worker has ended, from a worker started and sent the registry again', async () => {
    open(1, 10, 0.02);
    const snapshot = aSnapshot();
    const first = await compute!.run(snapshot, capacityTask(6));
    await vi.waitFor(() => expect(compute!.stats().workers).toBe(0), { timeout: BACKGROUND_WORK_MS });
    expect(await compute!.run(snapshot, capacityTask(8))).toEqual(runTask(snapshot, capacityTask(8)));
    expect(await compute!.run(snapshot, capacityTask(6))).toBe(first);
    expect(compute!.stats().workers).toBe(1);
  });

  it('gives back the registry serialised for its workers once none is left, and serialises it again for the next', async () => {
    open(1, 10, 0.02);
    const snapshot = aSnapshot();
    await compute!.run(snapshot, capacityTask(6));
    // Lent to the worker, and sent back before its answer: held here while a worker may need it.
    expect(compute!.stats().stateBytes).toBeGreaterThan(1_000);
    await vi.waitFor(() => expect(compute!.stats().workers).toBe(0), { timeout: BACKGROUND_WORK_MS });
    expect(compute!.stats().stateBytes).toBe(0);
    expect(await compute!.run(snapshot, capacityTask(7))).toEqual(runTask(snapshot, capacityTask(7)));
    expect(compute!.stats().stateBytes).toBeGreaterThan(1_000);
  });

  it('refuses a different task when its queue is full, and does not keep the refusal', async () => {
    open(1, 0);
    const snapshot = aSnapshot();
    const running = compute!.run(snapshot, capacityTask(8));
    // Shared with the one running, so not refused.
    const same = compute!.run(snapshot, capacityTask(8));
    await expect(compute!.run(snapshot, capacityTask(9))).rejects.toBeInstanceOf(ComputeBusyError);
    expect(await same).toBe(await running);
    expect(await compute!.run(snapshot, capacityTask(9))).toEqual(runTask(snapshot, capacityTask(9)));
  });

  it('fails a task the domain cannot answer, without keeping the failure', async () => {
    open(1, 10);
    const snapshot = aSnapshot();
    const task: ComputeTask = { kind: 'allocation', profile: 'no-such-profile' };
    await expect(compute!.run(snapshot, task)).rejects.toThrow(/no-such-profile/);
    const started = compute!.stats().started;
    await expect(compute!.run(snapshot, task)).rejects.toThrow(/no-such-profile/);
    expect(compute!.stats().started).toBe(started + 1);
  });
});
