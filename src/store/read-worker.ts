// A thread that reads a share of the record files of a load (read-ahead.ts): for each batch of
// [path, version] it is sent, the files' cache entries, read, parsed and excerpted exactly as the
// main thread reads one (cache-entry.ts). Holds nothing between batches but its folder checks.
import { parentPort, workerData } from 'node:worker_threads';
import { readEntry } from './cache-entry.js';
import type { Version } from './file-versions.js';
import { repoFileReader } from './safe-paths.js';

const { root } = workerData as { root: string };
const read = repoFileReader(root);
const port = parentPort;
port?.on('message', (batch: readonly [string, Version][]) => {
  port.postMessage(batch.map(([path, v]) => readEntry(root, path, v, read).entry));
});
