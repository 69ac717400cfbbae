// The data repository on disk: finding it, loading every record, atomic writes. Knows paths
// and bytes; business rules live in core/. Never commits: that is git/'s job.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { KithError } from '../core/errors.js';
import type { AnyRecord, Contact, Conversation, Deal, Org, Problem, RepoData, TeamSettings } from '../core/types.js';
import { KIND_DIRS, readRecord, readSettings } from './records.js';

export const SETTINGS_FILE = 'kith.yaml';
// A record is a page of notes, not an archive: anything this large is a mistake (a pasted
// attachment, a binary) and reading it would slow every command.
export const MAX_RECORD_BYTES = 4 * 1024 * 1024;

/** Finds the repository root from --repo, $KITH_REPO, or the working directory upwards. */
export function findRoot(opts: { repo?: string; envRepo?: string; cwd: string }): string {
  const given = opts.repo ?? opts.envRepo;
  if (given) {
    const root = resolve(opts.cwd, given);
    if (!existsSync(join(root, SETTINGS_FILE))) {
      throw new KithError(`${root} is not a Kith repository (no ${SETTINGS_FILE})`, `create one with \`kith init ${given}\``);
    }
    return root;
  }
  for (let dir = resolve(opts.cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, SETTINGS_FILE))) return dir;
    if (dirname(dir) === dir) break;
  }
  throw new KithError('not inside a Kith repository (no kith.yaml here or above)',
    'run `kith init` to make this folder one, or pass --repo DIR (or set KITH_REPO)');
}

/** Decodes UTF-8 strictly; on a bad byte, a problem naming its line. */
function decode(bytes: Buffer, file: string): { text?: string; problem?: Problem } {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '') };
  } catch {
    const lossy = bytes.toString('utf8');
    const at = lossy.indexOf('\uFFFD');
    const before = lossy.slice(0, Math.max(0, at));
    const line = before.split('\n').length;
    const col = before.length - before.lastIndexOf('\n');
    return { problem: { file, line, col, severity: 'error', message: 'not UTF-8 text: the file has a byte that is not valid UTF-8', hint: 'save the file as UTF-8 (e.g. `iconv -f latin1 -t utf-8`)' } };
  }
}

function listRecordFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(join(root, rel));
    } catch {
      return;
    }
    for (const name of names.sort()) {
      if (name.startsWith('.')) continue;
      const path = `${rel}/${name}`;
      if (name.endsWith('.md')) out.push(path);
      else if (depth > 0 && /^\d{4}$/.test(name)) walk(path, depth - 1);
    }
  };
  for (const dir of Object.values(KIND_DIRS)) walk(dir, dir === 'conversations' ? 1 : 0);
  return out;
}

export function loadSettings(root: string): { settings: TeamSettings; text: string; problems: Problem[] } {
  const file = SETTINGS_FILE;
  const text = readFileSync(join(root, file), 'utf8');
  const doc = parseDocument(text, { version: '1.2', uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length) {
    const problems = doc.errors.map((e): Problem => ({
      file, line: e.linePos?.[0]?.line ?? 1, col: e.linePos?.[0]?.col ?? 1, severity: 'error',
      message: (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, ''),
    }));
    throw new KithError(`${file}:${problems[0]!.line}:${problems[0]!.col}: ${problems[0]!.message}`, 'fix kith.yaml: every command needs the team settings');
  }
  const data = (doc.toJS() ?? {}) as Record<string, unknown>;
  const { settings, problems } = readSettings(typeof data === 'object' ? data : {}, file);
  return { settings, text, problems };
}

/** A loaded repository: the data, and the text of every file so edits can be in place. */
export interface LoadedRepo {
  readonly root: string;
  readonly data: RepoData;
  readonly texts: ReadonlyMap<string, string>;
}

export function loadRepo(root: string): LoadedRepo {
  const { settings, problems: settingsProblems } = loadSettings(root);
  const problems: Problem[] = [...settingsProblems];
  const texts = new Map<string, string>();
  const contacts: Contact[] = [];
  const orgs: Org[] = [];
  const deals: Deal[] = [];
  const conversations: Conversation[] = [];
  for (const path of listRecordFiles(root)) {
    const full = join(root, path);
    let bytes: Buffer;
    try {
      bytes = readFileSync(full);
      if (bytes.length > MAX_RECORD_BYTES) {
        problems.push({ file: path, line: 1, col: 1, severity: 'error', message: `file is too large to be a record (${(bytes.length / 1048576).toFixed(1)} MB; the limit is 4 MB)`, hint: 'move attachments or pasted archives out of the repository' });
        continue;
      }
    } catch (err) {
      problems.push({ file: path, line: 1, col: 1, severity: 'error', message: `cannot read: ${(err as Error).message}` });
      continue;
    }
    const { text, problem } = decode(bytes, path);
    if (problem || text === undefined) {
      problems.push(problem!);
      continue;
    }
    texts.set(path, text);
    const { record, problems: found } = readRecord(path, text);
    problems.push(...found);
    // A file whose front matter cannot be read is left out; one with a bad field still loads.
    if (!record) continue;
    switch (record.kind) {
      case 'contact': contacts.push(record); break;
      case 'org': orgs.push(record); break;
      case 'deal': deals.push(record); break;
      case 'conversation': conversations.push(record); break;
    }
  }
  return { root, data: { settings, contacts, orgs, deals, conversations, problems }, texts };
}

/**
 * Writes a file atomically: a temporary file in the same folder, flushed to disk, then
 * renamed over the target, so a crash leaves the old file or the new one, never a torn one.
 */
export function writeAtomic(root: string, path: string, text: string): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  const tmp = join(dirname(full), `.${path.replace(/^.*\//, '')}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w', 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, full);
  try {
    const dir = openSync(dirname(full), 'r');
    fsyncSync(dir);
    closeSync(dir);
  } catch {
    // some file systems cannot fsync a folder; the rename is still atomic
  }
}

export function removeFile(root: string, path: string): void {
  const full = join(root, path);
  if (existsSync(full)) unlinkSync(full);
}

/** A path for a new record that no existing file uses: slug, slug-2, slug-3... */
export function freePath(root: string, taken: ReadonlySet<string>, dir: string, slug: string): string {
  for (let n = 1; ; n++) {
    const path = `${dir}/${n === 1 ? slug : `${slug}-${n}`}.md`;
    if (!taken.has(path) && !existsSync(join(root, path))) return path;
  }
}

export function recordPaths(data: RepoData): Set<string> {
  return new Set<string>([...data.contacts, ...data.orgs, ...data.deals, ...data.conversations].map((r: AnyRecord) => r.path));
}
