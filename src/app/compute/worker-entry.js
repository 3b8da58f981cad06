// Each worker thread starts here, in plain JavaScript: module hooks registered in the parent
// (tsx, by bin/s2s.js or by the test runner) do not reach a worker, so it registers tsx itself
// and then loads the TypeScript module the pool names. The same under npm start, vitest and the CLI.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
