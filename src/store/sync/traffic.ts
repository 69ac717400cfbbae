// What a sync brought in and sent out: commits, files and timeline entries each way, and the
// values merges kept aside. Read from git after the fact; no writes.
import { countNewEntries } from '../../core/merge/index.js';
import type { Vars } from '../../git/git.js';
import { commitsBetween, pathsBetween, readBlobs } from '../../git/tree.js';
import { kindOfPath } from '../layout.js';

// git's id of the empty tree: "everything" is the difference from it
const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';

interface Flow {
  readonly commits: readonly { readonly commit: string; readonly author: string; readonly subject: string }[];
  readonly files: readonly string[];
  /** Timeline entries the files gained. */
  readonly entries: number;
}

export interface Traffic {
  readonly incoming: Flow;
  readonly outgoing: Flow;
}

const NONE: Flow = { commits: [], files: [], entries: 0 };

/** The commits `came` brought (relative to `from`), and how the files changed from `from` to `to`. */
async function flow(root: string, vars: Vars, from: string | undefined, to: string, came = to): Promise<Flow> {
  if (from === to) return NONE;
  const commits = from === came ? [] : await commitsBetween(root, vars, from, came);
  const files = await pathsBetween(root, vars, from ?? EMPTY_TREE, to);
  const conversations = files.filter((f) => kindOfPath(f) === 'conversation');
  const specs = conversations.flatMap((f) => [...(from ? [`${from}:${f}`] : []), `${to}:${f}`]);
  const blobs = await readBlobs(root, vars, specs);
  let entries = 0;
  for (const f of conversations) {
    const after = blobs.get(`${to}:${f}`);
    if (after !== undefined) entries += countNewEntries(from ? blobs.get(`${from}:${f}`) : undefined, after);
  }
  return { commits, files, entries };
}

export interface Points {
  /** HEAD before anything came in, after hand edits were committed. */
  readonly start: string;
  readonly head: string;
  /** The remote branch as last fetched (before the push), if it existed. */
  readonly remote?: string;
  readonly pushed: boolean;
}

/** In: the remote's commits, and how this clone's files changed. Out: what the remote branch gained. */
export async function describeTraffic(root: string, vars: Vars, p: Points): Promise<Traffic> {
  return {
    incoming: p.remote ? await flow(root, vars, p.start, p.head, p.remote) : NONE,
    outgoing: p.pushed ? await flow(root, vars, p.remote, p.head) : NONE,
  };
}
