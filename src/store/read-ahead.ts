// Many record files read at once for their excerpts (a cold cache: a fresh clone, a cache
// forgotten or of another version, a pull that moved thousands of files) in worker threads, one
// per core, each reading, parsing and excerpting batches of files as this thread would
// (read-worker.ts). Below a few thousand files starting the threads costs more than it saves. A
// file no thread read (a thread that could not start or failed) is left to the caller, which
// reads it in this thread as before.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Version } from './file-versions.js';
import type { CacheEntry } from './shard-files.js';

/** Fewer files than this are read in this thread: a thread's start (its modules) costs about 60 ms. */
const THREADS_FROM = 2000;
// files per batch: small enough to share the work evenly, large enough that messages are few
const BATCH = 400;
// each thread holds its own heap (some 50-100 MB at its peak): a machine of many cores gets a few
const MAX_THREADS = 4;

/** The cache entries of these files, by path, read by `threads` worker threads (one per core, a few at most). */
export async function readAhead(
  root: string,
  files: readonly [path: string, version: Version][],
  threads = Math.min(availableParallelism(), MAX_THREADS),
): Promise<Map<string, CacheEntry>> {
  const out = new Map<string, CacheEntry>();
  if (files.length < THREADS_FROM || threads < 2) return out;
  let next = 0;
  const thread = () =>
    new Promise<void>((done) => {
      let batch: readonly [string, Version][] = [];
      let worker: Worker;
      try {
        worker = new Worker(new URL('./read-worker.js', import.meta.url), { workerData: { root } });
      } catch {
        return done(); // no thread to be had (a limit on threads): this one reads the files
      }
      const give = () => {
        batch = files.slice(next, (next += BATCH));
        if (batch.length) worker.postMessage(batch);
        else void worker.terminate();
      };
      worker.on('message', (entries: CacheEntry[]) => {
        entries.forEach((entry, i) => out.set(batch[i]![0], entry));
        give();
      });
      // a thread that fails leaves its batch unread: the caller reads those files itself
      worker.on('error', () => done());
      worker.on('exit', () => done());
      give();
    });
  await Promise.all(Array.from({ length: Math.min(threads, Math.ceil(files.length / BATCH)) }, thread));
  return out;
}
