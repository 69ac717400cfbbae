// Git plumbing for all-or-nothing commands: the current HEAD, the index entries of some
// paths and putting them back, the blobs a commit holds, and blob ids computed the way git
// does. A command that fails puts the index back exactly as it found it.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Vars } from './run.js';
import { gitDir } from './state.js';

// simple-git is loaded by the commands that change the index, not by those that only hash blobs
async function raw(root: string, vars: Vars, args: string[]): Promise<string> {
  const { git } = await import('./git.js');
  return git(root, vars).raw(args);
}

/** The commit HEAD points at, or undefined in a repository without commits. */
export async function headCommit(root: string, vars: Vars): Promise<string | undefined> {
  const out = await raw(root, vars, ['rev-parse', '--verify', '-q', 'HEAD']).catch(() => '');
  return out.trim() || undefined;
}

function parseEntries(out: string): Map<string, string> {
  const entries = new Map<string, string>();
  for (const record of out.split('\0')) {
    const m = /^(\d+) ([0-9a-f]+)(?: \d)?\t(.*)$/s.exec(record);
    if (m) entries.set(m[3]!, `${m[1]} ${m[2]}`);
  }
  return entries;
}

// Past this many paths, listing the whole index and picking costs less than naming them:
// git matches every index entry against every pathspec (1 s for 5,000 paths among 65,000 files).
const NAMED_AT_MOST = 100;

/** The index entries (`mode sha`) of these paths; a path not in the index has none. */
export async function indexEntries(root: string, vars: Vars, paths: readonly string[]): Promise<Map<string, string>> {
  if (!paths.length) return new Map();
  if (paths.length <= NAMED_AT_MOST)
    return parseEntries(await raw(root, vars, ['ls-files', '-s', '-z', '--', ...paths]));
  const wanted = new Set(paths);
  const all = parseEntries(await raw(root, vars, ['ls-files', '-s', '-z']));
  return new Map([...all].filter(([path]) => wanted.has(path)));
}

/** The blobs `rev` holds at these paths (`mode sha`). */
export async function treeEntries(
  root: string,
  vars: Vars,
  rev: string,
  paths: readonly string[],
): Promise<Map<string, string>> {
  if (!paths.length) return new Map();
  const out = await raw(root, vars, ['ls-tree', '-z', rev, '--', ...paths]);
  const entries = new Map<string, string>();
  for (const record of out.split('\0')) {
    const m = /^(\d+) blob ([0-9a-f]+)\t(.*)$/s.exec(record);
    if (m) entries.set(m[3]!, `${m[1]} ${m[2]}`);
  }
  return entries;
}

/** Puts the index entries of `paths` back as `before` had them (absent ones removed). */
export async function restoreIndex(
  root: string,
  vars: Vars,
  before: ReadonlyMap<string, string>,
  paths: readonly string[],
) {
  const zero = '0'.repeat(objectFormat(root) === 'sha256' ? 64 : 40);
  const lines = paths.map((p) => `${before.get(p) ?? `0 ${zero}`}\t${p}`);
  if (lines.length)
    await (
      await import('./git.js')
    ).gitWithInput(root, vars, ['update-index', '-z', '--index-info'], `${lines.join('\0')}\0`);
}

const formats = new Map<string, string>();

function objectFormat(root: string): string {
  let format = formats.get(root);
  if (format) return format;
  try {
    const config = readFileSync(join(gitDir(root), 'config'), 'utf8');
    format = /^\s*objectformat\s*=\s*sha256\s*$/im.test(config) ? 'sha256' : 'sha1';
  } catch {
    return 'sha1'; // not a repository yet: asked again next time
  }
  formats.set(root, format);
  return format;
}

/** The id git gives a file with this content. */
export function blobId(root: string, content: string | Buffer): string {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return createHash(objectFormat(root) === 'sha256' ? 'sha256' : 'sha1')
    .update(`blob ${bytes.length}\0`)
    .update(bytes)
    .digest('hex');
}
