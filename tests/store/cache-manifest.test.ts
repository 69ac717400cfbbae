// A write carries the cache's manifest over its own commit only for shards the manifest vouched
// for: a shard another command wrote since (a reader refreshing it) leaves the manifest unwritten,
// so the next command checks every shard against git again.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GitView } from '../../src/git/clean-files.js';
import { CACHE_DIR, settingsHash } from '../../src/store/cache-files.js';
import { followWrite, type Manifest } from '../../src/store/cache-manifest.js';
import type { Refreshed } from '../../src/store/index-cache.js';
import { KITH_VERSION } from '../../src/store/package-files.js';
import { FORMAT, MANIFEST, shardFile, shardIds } from '../../src/store/shard-files.js';

const BLOB = 'a'.repeat(40);

function repo() {
  const root = mkdtempSync(join(tmpdir(), 'kith-manifest-'));
  mkdirSync(join(root, CACHE_DIR), { recursive: true });
  writeFileSync(join(root, 'kith.yaml'), 'team: {name: T}\n');
  const listing = Buffer.from(`H 100644 ${BLOB} 0\tcontacts/a.md\0`);
  const view: GitView = { clean: new Map([['contacts/a.md', BLOB]]), digest: 'd0', listing, settled: true, empty: [] };
  const was: Manifest = {
    format: FORMAT,
    kith: KITH_VERSION,
    settings: settingsHash(root),
    git: 'd0',
    folders: ['contacts'],
    problems: [],
    shards: { contacts: 'vouched-for' },
  };
  return { root, view, was };
}

const written = (spliced: string): Refreshed => ({
  entries: new Map([['contacts/b.md', { st: 'b'.repeat(40), r: { id: 'c-1', name: 'B' } }]]),
  spliced: new Map([['contacts', spliced]]),
});

describe("carrying the manifest over a write's commit", () => {
  it('names the id each spliced shard has now, when it spliced the shard the manifest vouched for', () => {
    const { root, view, was } = repo();
    shardIds.set(shardFile(root, 'contacts'), 'after-the-write');
    expect(followWrite(root, view, was, written('vouched-for'))).toBeDefined();
    const manifest = JSON.parse(readFileSync(join(root, CACHE_DIR, MANIFEST), 'utf8'));
    expect(manifest.shards).toEqual({ contacts: 'after-the-write' });
    expect(manifest.git).not.toBe('d0');
  });

  it('is not done when a spliced shard was written since the manifest vouched for it', () => {
    const { root, view, was } = repo();
    shardIds.set(shardFile(root, 'contacts'), 'after-the-write');
    expect(followWrite(root, view, was, written('a-reader-wrote-it'))).toBeUndefined();
    expect(existsSync(join(root, CACHE_DIR, MANIFEST))).toBe(false);
  });
});
