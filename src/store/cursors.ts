// IMAP cursors (UIDVALIDITY and last UID per mailbox), kept in .kith/: local to this clone.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './files.js';
import { ensureLocalFolder } from './safe-paths.js';

const CURSORS = '.kith/imap-cursors.json';

export function loadCursors<T>(root: string): T | Record<string, never> {
  ensureLocalFolder(root);
  const path = join(root, CURSORS);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : {};
}

export function saveCursors(root: string, cursors: unknown): void {
  ensureLocalFolder(root);
  mkdirSync(join(root, '.kith'), { recursive: true });
  writeFileAtomic(join(root, CURSORS), `${JSON.stringify(cursors, null, 2)}\n`);
}
