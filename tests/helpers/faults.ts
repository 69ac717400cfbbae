// Broken surroundings for all-or-nothing tests. kith runs inside a private mount namespace
// (`unshare --mount`) where .git can be made read-only or the repository moved onto a tiny
// full file system: tests run as root, where file permissions stop nothing. The repository's
// state (index, HEAD, every file's bytes, what .kith holds) is taken just before and after.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, type Sandbox } from './cli.js';

/** A copy of a repository folder, to break without touching the original. */
export function copyRepo(from: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kith-fault-'));
  cpSync(from, join(dir, 'repo'), { recursive: true });
  return join(dir, 'repo');
}

export type Fault = 'read-only .git' | 'full disk' | 'failing pre-commit hook' | 'repository mid-merge';

const STATE = [
  'git ls-files -s',
  'echo ==',
  "find . -path ./.git -prune -o -path ./.kith -prune -o -name .fill -prune -o -type f -print | LC_ALL=C sort | xargs -r sha1sum",
  'echo ==',
  'ls -A .kith 2>/dev/null | LC_ALL=C sort',
  'echo ==',
  'git rev-parse HEAD',
  'echo ==',
  // --no-optional-locks: status must not try to write the index (the disk may be full)
  "git --no-optional-locks status --porcelain --untracked-files=all -- . ':!.fill'",
].join('; ');

// What each fault does to the repository in the namespace before kith runs, from its folder.
function breakIt(fault: Fault, free: number): string {
  switch (fault) {
    case 'read-only .git':
      return 'mount --bind .git .git && mount -o remount,bind,ro .git';
    case 'full disk':
      // the caller has moved into the tiny file system; fill it up to `free` KiB
      return `dd if=/dev/zero of=.fill bs=1k count=$(( $(df -k . | tail -1 | awk '{print $4}') - ${free} )) 2>/dev/null; true`;
    case 'failing pre-commit hook':
      return "printf '#!/bin/sh\\necho no commits on Fridays >&2\\nexit 1\\n' > .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit";
    case 'repository mid-merge':
      return 'true';
  }
}

export interface FaultRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly before: string;
  readonly after: string;
}

/** Runs `kith args` in the repository under a fault; `free` is the KiB left on a full disk. */
export function runWithFault(s: Sandbox, repo: string, fault: Fault, args: readonly string[], opts: { free?: number; env?: Record<string, string> } = {}): FaultRun {
  const out = mkdtempSync(join(tmpdir(), 'kith-fault-out-'));
  const quoted = args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const place = fault === 'full disk'
    ? `mkdir -p '${out}/mnt' && mount -t tmpfs -o size=4m tmpfs '${out}/mnt' && cp -a '${repo}/.' '${out}/mnt/' && cd '${out}/mnt'`
    : `cd '${repo}'`;
  const run = [
    `(${STATE}) > '${out}/before' 2>&1`,
    `'${process.execPath}' '${BIN}' ${quoted} > '${out}/stdout' 2> '${out}/stderr'; echo $? > '${out}/code'`,
    'rm -f .fill',
    `(${STATE}) > '${out}/after' 2>&1`,
  ].join('; ');
  const script = `${place} && ${breakIt(fault, opts.free ?? 0)} && { ${run}; }`;
  const r = spawnSync('unshare', ['--mount', 'sh', '-c', script], { env: { ...s.env, ...opts.env }, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`could not set up "${fault}": ${r.stderr}`);
  const read = (name: string) => readFileSync(join(out, name), 'utf8');
  return { code: Number(read('code')), stdout: read('stdout'), stderr: read('stderr'), before: read('before'), after: read('after') };
}
