// A writing command refuses what `kith check` would reject: the records a change writes are
// read back with the schema and checked against the whole repository (stages, references,
// owners, e-mails, rates); only problems the change adds count, so old ones never block.
import { checkRepo } from '../core/check/index.js';
import {
  keyOf,
  KithError,
  recordsOfKind,
  quotePath,
  terminalSafe,
  type AnyRecord,
  type Problem,
  type RecordKind,
  type RepoData,
} from '../core/model/index.js';
import { parseFileFast } from './front-matter-fast.js';
import { kindOfPath } from './layout.js';
import { lazyData } from './lazy-data.js';
import { readRecord, type ReadResult } from './records.js';

const key = (p: Problem) => `${p.file}\u0000${p.message}`;

/**
 * The errors `writes` would add to the repository `data`, each at its file:line:col; each written
 * record, as read, into `parsed` (for the cache's refresh).
 */
export function changeErrors(
  data: RepoData,
  writes: ReadonlyMap<string, string>,
  removes: readonly string[] = [],
  parsed?: Map<string, ReadResult>,
): Problem[] {
  const written = new Map<string, AnyRecord | undefined>();
  const found: Problem[] = [];
  // many files (an import) are read back as the cache reads files; one as every single file is
  const parse = writes.size > 1 ? parseFileFast : undefined;
  for (const [path, text] of writes) {
    if (!kindOfPath(path)) continue;
    const read = readRecord(path, text, parse);
    parsed?.set(path, read);
    written.set(path, read.record);
    found.push(...read.problems);
  }
  if (!written.size) return [];
  const after = afterChange(data, written, new Set(removes));
  // the written files' problems alone, before and after, each found against every record; the
  // problems they had before are looked for only when there are errors after (rarely)
  const only = new Set(written.keys());
  const errors = [...found, ...checkRepo(after, only)].filter((p) => p.severity === 'error');
  if (!errors.length) return [];
  const before = new Set(checkRepo(data, only).map(key));
  return errors.filter((p, i, all) => !before.has(key(p)) && all.findIndex((q) => key(q) === key(p)) === i);
}

/**
 * The repository as a change leaves it, for checking the change's files: every record, or (where
 * the store keeps keys apart) every record's key and the change's records alone.
 */
function afterChange(
  data: RepoData,
  written: ReadonlyMap<string, AnyRecord | undefined>,
  gone: ReadonlySet<string>,
): RepoData {
  const stays = (r: { readonly path: string }) => !written.has(r.path) && !gone.has(r.path);
  const mine = (kind: RecordKind) => [...written.values()].filter((r): r is AnyRecord => r?.kind === kind);
  const all = data.keys;
  // with keys, no record but the change's own is read whole
  return lazyData(
    { settings: data.settings, problems: [] },
    (kind) => [...(all ? [] : recordsOfKind(data, kind).filter(stays)), ...mine(kind)],
    all && ((kind) => [...all(kind).filter(stays), ...mine(kind).map(keyOf)]),
  );
}

/** A problem as one line for an error message, then its hint. */
function formatLine(p: Problem): string {
  const hint = p.hint ? `\n    hint: ${terminalSafe(p.hint)}` : '';
  return `  ${quotePath(p.file)}:${p.line}:${p.col}: ${terminalSafe(p.message)}${hint}`;
}

export class InvalidChange extends KithError {
  constructor(readonly problems: readonly Problem[]) {
    const lines = problems.map(formatLine).join('\n');
    super(`not changed, the result would not be valid (kith check would reject it):\n${lines}`);
  }
}
