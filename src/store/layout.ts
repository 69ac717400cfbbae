// Where records live in the data repository: the folder per kind, the file names, and the
// listing of record files. Knows paths only; reading them is repo.ts's job.
import { existsSync, readdirSync } from 'node:fs';
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

/** Every record file under the kind folders, in name order; conversations sit in year folders. */
export function listRecordFiles(root: string): string[] {
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

/** A path for a new record that no existing file uses: slug, slug-2, slug-3... */
export function freePath(root: string, taken: ReadonlySet<string>, dir: string, slug: string): string {
  for (let n = 1; ; n++) {
    const path = `${dir}/${n === 1 ? slug : `${slug}-${n}`}.md`;
    if (!taken.has(path) && !existsSync(join(root, path))) return path;
  }
}
