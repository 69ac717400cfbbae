// A writing command refuses what `kith check` would reject: the records a change writes are
// read back with the schema and checked against the whole repository (stages, references,
// owners, e-mails, rates); only problems the change adds count, so old ones never block.
import { checkRepo } from '../core/check/index.js';
import {
  KithError,
  quotePath,
  terminalSafe,
  type AnyRecord,
  type Problem,
  type RepoData,
} from '../core/model/index.js';
import { kindOfPath } from './layout.js';
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
  for (const [path, text] of writes) {
    if (!kindOfPath(path)) continue;
    const read = readRecord(path, text);
    parsed?.set(path, read);
    written.set(path, read.record);
    found.push(...read.problems);
  }
  if (!written.size) return [];
  const gone = new Set(removes);
  const keep = <T extends AnyRecord>(list: readonly T[], kind: AnyRecord['kind']): T[] => [
    ...list.filter((r) => !written.has(r.path) && !gone.has(r.path)),
    ...([...written.values()].filter((r) => r?.kind === kind) as T[]),
  ];
  const after: RepoData = {
    ...data,
    contacts: keep(data.contacts, 'contact'),
    orgs: keep(data.orgs, 'org'),
    deals: keep(data.deals, 'deal'),
    conversations: keep(data.conversations, 'conversation'),
    problems: [],
  };
  // the written files' problems alone, before and after, each found against every record; the
  // problems they had before are looked for only when there are errors after (rarely)
  const only = new Set(written.keys());
  const errors = [...found, ...checkRepo(after, only)].filter((p) => p.severity === 'error');
  if (!errors.length) return [];
  const before = new Set(checkRepo(data, only).map(key));
  return errors.filter((p, i, all) => !before.has(key(p)) && all.findIndex((q) => key(q) === key(p)) === i);
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
