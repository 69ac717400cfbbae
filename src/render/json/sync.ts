// The JSON shape of `kith sync --json`: what came in and went out, each merged file with the
// entries each side added, and the values merges kept aside. Stable, snake_case. Pure.
import type { Kept } from '../../core/merge/index.js';

interface FlowLike {
  readonly commits: readonly { readonly commit: string; readonly author: string; readonly subject: string }[];
  readonly files: readonly string[];
  readonly entries: number;
}

export interface SyncLike {
  readonly remote: string;
  readonly branch: string;
  readonly committed?: { readonly commit: string; readonly files: readonly string[] };
  readonly incoming: FlowLike;
  readonly outgoing: FlowLike;
  readonly merged: readonly {
    readonly path: string;
    readonly added: { ours: number; theirs: number };
    readonly kept: readonly Kept[];
  }[];
  readonly restored: readonly { readonly path: string; readonly side: 'ours' | 'theirs' }[];
  readonly moved: readonly { readonly from: string; readonly to: string; readonly side: 'ours' | 'theirs' }[];
  readonly unified: readonly { readonly into: string; readonly from: readonly string[]; readonly skipped?: string }[];
  readonly pushed: boolean;
  readonly attempts: number;
  readonly head: string;
}

const where = (side: 'ours' | 'theirs') => (side === 'ours' ? 'local' : 'remote');

const flow = (f: FlowLike) => ({ commits: f.commits, files: f.files, entries_added: f.entries });

export function syncJson(r: SyncLike) {
  return {
    ok: true,
    remote: r.remote,
    branch: r.branch,
    committed: r.committed ? { commit: r.committed.commit, files: r.committed.files } : null,
    incoming: flow(r.incoming),
    outgoing: flow(r.outgoing),
    merged: r.merged.map((m) => ({
      file: m.path,
      entries_added: { local: m.added.ours, remote: m.added.theirs },
      kept: m.kept.map((k) => ({ field: k.field, value: k.value })),
    })),
    kept: r.merged.flatMap((m) => m.kept.map((k) => ({ file: m.path, field: k.field, value: k.value }))),
    restored: r.restored.map((x) => ({ file: x.path, changed: where(x.side) })),
    moved: r.moved.map((x) => ({ from: x.from, to: x.to, side: where(x.side) })),
    unified: r.unified.map((u) => ({ into: u.into, from: u.from, skipped: u.skipped ?? null })),
    pushed: r.pushed,
    attempts: r.attempts,
    head: r.head,
  };
}
