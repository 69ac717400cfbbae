// The import journal: the paths an import has written but not yet committed, kept in .kith/
// so that a run killed between writing and committing is finished by the next one.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const JOURNAL = '.kith/import-pending.json';

/** Paths written by an interrupted run, which still exist and belong in the next commit. */
export function pendingPaths(root: string): string[] {
  const path = join(root, JOURNAL);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as string[]) : [];
}

/** Records the paths about to be written, with those still pending. */
export function recordPending(root: string, paths: readonly string[]): void {
  mkdirSync(join(root, '.kith'), { recursive: true });
  writeFileSync(join(root, JOURNAL), JSON.stringify([...new Set([...pendingPaths(root), ...paths])]));
}

export function clearPending(root: string): void {
  rmSync(join(root, JOURNAL), { force: true });
}
