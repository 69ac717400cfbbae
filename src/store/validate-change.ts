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
import { readRecord } from './records.js';

const key = (p: Problem) => `${p.file}\u0000${p.message}`;

/** The errors `writes` would add to the repository `data`, each at its file:line:col. */
export function changeErrors(
  data: RepoData,
  writes: ReadonlyMap<string, string>,
  removes: readonly string[] = [],
): Problem[] {
  const written = new Map<string, AnyRecord | undefined>();
  const found: Problem[] = [];
  for (const [path, text] of writes) {
    if (!kindOfPath(path)) continue;
    const { record, problems } = readRecord(path, text);
    written.set(path, record);
    found.push(...problems);
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
  // the written files' problems alone, before and after, each found against every record
  const only = new Set(written.keys());
  const before = new Set(checkRepo(data, only).map(key));
  return [...found, ...checkRepo(after, only)].filter(
    (p, i, all) => p.severity === 'error' && !before.has(key(p)) && all.findIndex((q) => key(q) === key(p)) === i,
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
