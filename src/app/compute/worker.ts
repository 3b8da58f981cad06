import { buildSnapshot } from '../../domain/snapshot.ts';
import { serveTasks } from './protocol.ts';
import { decodeSnapshotInput } from './snapshot-payload.ts';
import { leaving, runTask, type ComputeTask } from './tasks.ts';

// A computation worker: builds the registry's snapshot from what the service's own was built
// from, once per version, and answers each task from it with the same domain functions.
serveTasks({
  load: (payload) => buildSnapshot(decodeSnapshotInput(payload)),
  run: (snapshot, task: ComputeTask) => leaving(task, runTask(snapshot, task)),
});
