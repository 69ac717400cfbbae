// One writer at a time per clone: a lock file in .kith/ held around read -> change -> write ->
// commit. A lock whose process is gone (SIGKILL, a crash) is taken over; a live one is
// waited for a bounded time, then reported with who holds it.
import { closeSync, mkdirSync, openSync, readFileSync, rmdirSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { KithError } from '../core/model/index.js';
import { lockSchema, readStateFile } from '../core/model/schema/index.js';
import { explainSystemError } from './failure.js';
import { makeLocalFolder } from './files.js';
import { ensureLocalFolder } from './safe-paths.js';

const LOCK = '.kith/lock';
const BREAK = '.kith/lock.break';

interface LockHolder {
  readonly pid: number;
  readonly host: string;
  readonly command: string;
  readonly started: string;
}

export interface Lock {
  release(): void;
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const read = readStateFile(lockSchema, readFileSync(path, 'utf8'));
    // a lock being written, or torn: judged by its age, not its content
    return 'value' in read ? read.value : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but is someone else's
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock is stale when its process on this machine is gone, or when it cannot be read and is old. */
function isStale(path: string, holder: LockHolder | undefined): boolean {
  if (!holder) {
    try {
      return Date.now() - statSync(path).mtimeMs > 10_000;
    } catch {
      return true;
    }
  }
  return holder.host === hostname() && !isAlive(holder.pid);
}

/** Creates the lock file if no one has it; false when someone does. */
function tryCreate(path: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx', 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeSync(fd, JSON.stringify(holder));
  } catch (err) {
    closeSync(fd);
    unlinkSync(path);
    throw explainSystemError(Object.assign(err as object, { path: LOCK }), undefined, 'nothing was changed') ?? err;
  }
  closeSync(fd);
  return true;
}

/**
 * Removes a stale lock. Breaking is itself guarded by a folder (mkdir is atomic), so two
 * processes that both find the lock stale cannot remove each other's new lock.
 */
function breakStale(root: string): void {
  const guard = join(root, BREAK);
  try {
    mkdirSync(guard);
  } catch {
    // someone else is breaking it; a guard left by a killed breaker goes after 10 s
    try {
      if (Date.now() - statSync(guard).mtimeMs > 10_000) rmdirSync(guard);
    } catch {
      // gone already
    }
    return;
  }
  try {
    const path = join(root, LOCK);
    if (isStale(path, readHolder(path))) unlinkSync(path);
  } catch {
    // taken meanwhile, or already gone
  } finally {
    rmdirSync(guard);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes the repository's write lock, waiting up to `timeoutMs` for another writer to finish. */
export async function acquireLock(root: string, command: string, timeoutMs = 10_000): Promise<Lock> {
  ensureLocalFolder(root);
  makeLocalFolder(join(root, '.kith'));
  const path = join(root, LOCK);
  const me: LockHolder = { pid: process.pid, host: hostname(), command, started: new Date().toISOString() };
  const deadline = Date.now() + timeoutMs;
  for (let wait = 20; ; wait = Math.min(wait * 2, 200)) {
    if (tryCreate(path, me)) break;
    const holder = readHolder(path);
    if (isStale(path, holder)) {
      breakStale(root);
      continue;
    }
    if (Date.now() >= deadline) {
      const who = holder
        ? `\`kith ${holder.command}\` (pid ${holder.pid} on ${holder.host}, since ${holder.started})`
        : 'another process';
      throw new KithError(
        `another kith command is changing this repository: ${who}`,
        `try again when it has finished; if no kith command is running, remove ${LOCK}`,
      );
    }
    await sleep(wait + Math.floor(Math.random() * wait));
  }
  let held = true;
  return {
    release() {
      if (!held) return;
      held = false;
      const holder = readHolder(path);
      if (holder && holder.pid === me.pid && holder.started === me.started) unlinkSync(path);
    },
  };
}
