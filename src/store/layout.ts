// Where records live in the data repository: the folder per kind, the file names, and the
// listing of record files. Knows paths only; reading them is repo.ts's job.
import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import { join } from 'node:path';
import type { RecordKind } from '../core/model/index.js';

export const SETTINGS_FILE = 'kith.yaml';

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

// What a killed atomic write leaves beside its target: .name.md.<random>.tmp
const TEMPORARY = /^\..+\.md\.[0-9a-f]+\.tmp$/;

/** The temporary files killed writes left in the record folders. */
export function strayTemporaries(root: string): string[] {
  return walkRecordFolders(root).temporaries;
}

/** The record files and the stray temporaries of the record folders, in one walk. */
export function walkRecordFolders(root: string): { records: string[]; temporaries: string[] } {
  const records: string[] = [];
  const temporaries: string[] = [];
  const walk = (rel: string, depth: number) => {
    let entries: Dirent[];
    try {
      if (lstatSync(join(root, rel)).isSymbolicLink()) return void records.push(rel);
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const { name } = entry;
      const path = `${rel}/${name}`;
      if (TEMPORARY.test(name)) temporaries.push(path);
      if (name.startsWith('.')) continue;
      if (name.endsWith('.md')) records.push(path);
      else if (depth > 0 && /^\d{4}$/.test(name)) {
        if (entry.isSymbolicLink()) records.push(path);
        else if (entry.isDirectory()) walk(path, depth - 1);
      }
    }
  };
  for (const dir of Object.values(KIND_DIRS)) walk(dir, dir === 'conversations' ? 1 : 0);
  return { records, temporaries };
}

/** Files under the record folders that are not where a record can be: they would be ignored. */
export function strayFiles(root: string): { path: string; belongs: string }[] {
  const out: { path: string; belongs: string }[] = [];
  const list = (rel: string) => {
    try {
      return readdirSync(join(root, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch {
      return [];
    }
  };
  for (const [kind, dir] of Object.entries(KIND_DIRS)) {
    const where =
      kind === 'conversation' ? `${dir}/YYYY/NAME.md (a year folder)` : `${dir}/NAME.md (directly in ${dir}/)`;
    for (const e of list(dir)) {
      // links are reported where records are read (never followed)
      if (e.name.startsWith('.') || e.isSymbolicLink()) continue;
      const path = `${dir}/${e.name}`;
      if (kind !== 'conversation') {
        // a folder inside is named by what it holds: contacts/sub/y.md
        const inside = e.isDirectory() ? list(path).filter((f) => !f.name.startsWith('.')) : [];
        if (inside.length) for (const f of inside) out.push({ path: `${path}/${f.name}`, belongs: where });
        else if (e.isDirectory() || !e.name.endsWith('.md'))
          out.push({ path: e.isDirectory() ? `${path}/` : path, belongs: where });
        continue;
      }
      if (!e.isDirectory() || !/^\d{4}$/.test(e.name)) {
        out.push({ path: e.isDirectory() ? `${path}/` : path, belongs: where });
        continue;
      }
      for (const f of list(path))
        if (!f.name.startsWith('.') && (f.isDirectory() || !f.name.endsWith('.md')))
          out.push({ path: `${path}/${f.name}${f.isDirectory() ? '/' : ''}`, belongs: where });
    }
  }
  return out;
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
