// Where records live in the data repository: the folder per kind, the file names, and the
// listing of record files. Knows paths only; reading them is repo.ts's job.
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { RecordKind } from '../core/model/index.js';

export const SETTINGS_FILE = 'kith.yaml';

/** The repository root from --repo, $KITH_REPO, or the working directory upwards (undefined: none holds kith.yaml). */
export function locateRoot(opts: { repo?: string; envRepo?: string; cwd: string }): string | undefined {
  const given = opts.repo ?? opts.envRepo;
  if (given) {
    const root = resolve(opts.cwd, given);
    return existsSync(join(root, SETTINGS_FILE)) ? root : undefined;
  }
  for (let dir = resolve(opts.cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, SETTINGS_FILE))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

export const KIND_DIRS: Readonly<Record<RecordKind, string>> = {
  contact: 'contacts',
  org: 'orgs',
  deal: 'deals',
  conversation: 'conversations',
};

/** The kind of record a repository path holds, or undefined for other files. */
export function kindOfPath(path: string): RecordKind | undefined {
  if (/^contacts\/[^/]+\.md$/.test(path)) return 'contact';
  if (/^orgs\/[^/]+\.md$/.test(path)) return 'org';
  if (/^deals\/[^/]+\.md$/.test(path)) return 'deal';
  if (/^conversations\/\d{4}\/[^/]+\.md$/.test(path)) return 'conversation';
  return undefined;
}

export function slugOfPath(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.md$/, '');
}

/** Whether a listed path's name is one a record file has where records are listed: NAME.md, not hidden. */
export const isRecordName = (path: string) => {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.endsWith('.md') && !name.startsWith('.');
};

// What a killed atomic write leaves beside its target: .name.md.<random>.tmp
const TEMPORARY = /^\..+\.md\.[0-9a-f]+\.tmp$/;

/** The temporary files killed writes left in the record folders. */
export function strayTemporaries(root: string): string[] {
  return walkRecordFolders(root).temporaries;
}

/** A file under the record folders that is not where a record can be, and where records of its kind go. */
interface Stray {
  readonly path: string;
  readonly belongs: string;
}

export interface Walk {
  /** Record files (or links where one would be: reported where records are read), in name order. */
  readonly records: string[];
  /** Temporary files of killed writes. */
  readonly temporaries: string[];
  /** Files that would be ignored: a folder inside contacts/, a .txt among conversations. */
  readonly strays: Stray[];
}

const where = (kind: string, dir: string) =>
  kind === 'conversation' ? `${dir}/YYYY/NAME.md (a year folder)` : `${dir}/NAME.md (directly in ${dir}/)`;

/** A folder's names in order (plain string order), or none when it cannot be read. */
function names(root: string, rel: string): string[] {
  try {
    return readdirSync(join(root, rel)).sort();
  } catch {
    return [];
  }
}

/**
 * The record folders in one pass: record files, temporaries and strays. Only names are listed
 * (65,000 of them cost tens of milliseconds); the rare name that is no record is looked at.
 */
export function walkRecordFolders(root: string): Walk {
  const records: string[] = [];
  const temporaries: string[] = [];
  const strays: Stray[] = [];
  const leaf = (rel: string, belongs: string, inside?: (path: string) => void) => {
    for (const name of names(root, rel)) {
      const path = `${rel}/${name}`;
      if (TEMPORARY.test(name)) temporaries.push(path);
      if (name.startsWith('.')) continue;
      if (name.endsWith('.md')) records.push(path);
      else {
        const st = lstatSync(join(root, path), { throwIfNoEntry: false });
        // links are reported where records are read (never followed)
        if (!st || st.isSymbolicLink()) continue;
        if (st.isDirectory() && inside) inside(path);
        else strays.push({ path: st.isDirectory() ? `${path}/` : path, belongs });
      }
    }
  };
  for (const [kind, dir] of Object.entries(KIND_DIRS)) {
    const belongs = where(kind, dir);
    if (lstatSync(join(root, dir), { throwIfNoEntry: false })?.isSymbolicLink()) {
      records.push(dir);
      continue;
    }
    if (kind !== 'conversation') {
      // a folder inside is named by what it holds: contacts/sub/y.md
      leaf(dir, belongs, (path) => {
        const inside = names(root, path).filter((n) => !n.startsWith('.'));
        if (inside.length) for (const n of inside) strays.push({ path: `${path}/${n}`, belongs });
        else strays.push({ path: `${path}/`, belongs });
      });
      continue;
    }
    for (const name of names(root, dir)) {
      const path = `${dir}/${name}`;
      if (TEMPORARY.test(name)) temporaries.push(path);
      if (name.startsWith('.')) continue;
      const st = lstatSync(join(root, path), { throwIfNoEntry: false });
      if (!st) continue;
      if (/^\d{4}$/.test(name) && st.isSymbolicLink()) records.push(path);
      else if (/^\d{4}$/.test(name) && st.isDirectory()) leaf(path, belongs);
      else if (!st.isSymbolicLink()) strays.push({ path: st.isDirectory() ? `${path}/` : path, belongs });
    }
  }
  return { records, temporaries, strays };
}

/** A path for a new record that no existing file uses: slug, slug-2, slug-3... */
export function freePath(root: string, taken: ReadonlySet<string>, dir: string, slug: string): string {
  for (let n = 1; ; n++) {
    const path = `${dir}/${n === 1 ? slug : `${slug}-${n}`}.md`;
    if (!taken.has(path) && !pathExists(root, path)) return path;
  }
}

/** Whether anything (a file, a folder, a link even to nothing) is at a repository path. */
export function pathExists(root: string, path: string): boolean {
  try {
    lstatSync(join(root, path));
    return true;
  } catch {
    return false;
  }
}
