// IMAP cursors (UIDVALIDITY and last UID per mailbox), kept in .kith/: local to this clone.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KithError } from '../core/model/index.js';
import { cursorsSchema, readStateFile } from '../core/model/schema/index.js';
import { makeLocalFolder, writeFileAtomic } from './files.js';
import { ensureLocalFolder } from './safe-paths.js';

const CURSORS = '.kith/imap-cursors.json';

export function loadCursors<T>(root: string): T | Record<string, never> {
  ensureLocalFolder(root);
  const path = join(root, CURSORS);
  if (!existsSync(path)) return {};
  const read = readStateFile(cursorsSchema, readFileSync(path, 'utf8'));
  if ('problem' in read)
    throw new KithError(
      `${CURSORS} cannot be read: ${read.problem}`,
      `it only remembers how far each mailbox was read: delete ${CURSORS} and the next import ` +
        'reads from the start (mail already filed is not filed twice)',
    );
  return read.value as T;
}

export function saveCursors(root: string, cursors: unknown): void {
  ensureLocalFolder(root);
  makeLocalFolder(join(root, '.kith'));
  writeFileAtomic(join(root, CURSORS), `${JSON.stringify(cursors, null, 2)}\n`);
}
