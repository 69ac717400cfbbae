// RepoData whose lists are worked out when a command first asks for each kind, then kept: a
// command that lists deals never reads the conversations.
import type {
  AnyRecord,
  Contact,
  Conversation,
  Deal,
  Org,
  Problem,
  RecordKey,
  RecordKind,
  RepoData,
  TeamSettings,
} from '../core/model/index.js';

/** `of` for each kind worked out on its first call, then kept. */
function byKind<T>(of: (kind: RecordKind) => T): (kind: RecordKind) => T {
  const kept = new Map<RecordKind, T>();
  return (kind) => {
    if (!kept.has(kind)) kept.set(kind, of(kind));
    return kept.get(kind)!;
  };
}

/** RepoData whose records (and keys, where the store keeps them apart) of a kind come from these on first use. */
export function lazyData(
  base: { readonly settings: TeamSettings; readonly problems: readonly Problem[] },
  records: (kind: RecordKind) => readonly AnyRecord[],
  keys?: (kind: RecordKind) => readonly RecordKey[],
): RepoData {
  const of = byKind(records);
  return {
    settings: base.settings,
    problems: base.problems,
    keys: keys && byKind(keys),
    get contacts() {
      return of('contact') as readonly Contact[];
    },
    get orgs() {
      return of('org') as readonly Org[];
    },
    get deals() {
      return of('deal') as readonly Deal[];
    },
    get conversations() {
      return of('conversation') as readonly Conversation[];
    },
  };
}
