// A cold load of many record files is read in worker threads (store/read-ahead.ts). What it
// gives must be what one thread gives, file for file: the same records, the same problems
// (a broken file, a link, a FIFO, a file too large, bad UTF-8) and the same cache written. The
// modules are the compiled ones (dist/), as the CLI runs them: the thread is a compiled file.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as srcCache from '../../src/store/index-cache.js';
import * as srcLayout from '../../src/store/layout.js';
import * as srcSafe from '../../src/store/safe-paths.js';
import { writeRepository } from '../bench/generate.mjs';
import { withoutId } from '../helpers/shards.js';

type Cache = typeof import('../../src/store/index-cache.js');
type Ahead = typeof import('../../src/store/read-ahead.js');
type Safe = typeof import('../../src/store/safe-paths.js');
type Layout = typeof import('../../src/store/layout.js');
const dist = (m: string) => import(new URL(`../../dist/store/${m}.js`, import.meta.url).href);
const SRC: Record<string, unknown> = { 'index-cache': srcCache, 'safe-paths': srcSafe, layout: srcLayout };
const src = async (m: string) => SRC[m];

/** About 2,600 generated records and one file of each kind a load must report, not read. */
function hostileRepository(): string {
  const root = mkdtempSync(join(tmpdir(), 'kith-ahead-'));
  writeRepository(root, 2600);
  writeFileSync(join(root, 'contacts/broken.md'), '---\nid: c-brokenbroken\nname: [unclosed\n---\n');
  writeFileSync(
    join(root, 'contacts/latin1.md'),
    Buffer.from('---\nid: c-latin1latin\nname: Jos\xe9\n---\n', 'latin1'),
  );
  writeFileSync(
    join(root, 'deals/huge.md'),
    `---\nid: d-hugehugehuge\ntitle: Huge\n---\n${'x'.repeat(4.5 * 2 ** 20)}\n`,
  );
  symlinkSync('/etc/passwd', join(root, 'contacts/link.md'));
  execFileSync('mkfifo', [join(root, 'orgs/pipe.md')]);
  mkdirSync(join(root, 'elsewhere'));
  writeFileSync(join(root, 'elsewhere/x.md'), '---\nid: v-elsewhereel\nsubject: Elsewhere\n---\n');
  symlinkSync('../elsewhere', join(root, 'conversations/2019'));
  return root;
}

/** Every shard's text, by file name (what the next command reads). */
function shards(root: string): Record<string, string> {
  const dir = join(root, '.kith/cache');
  return Object.fromEntries(readdirSync(dir).map((name) => [name, withoutId(readFileSync(join(dir, name), 'utf8'))]));
}

async function load(root: string, modules: (m: string) => Promise<unknown>, threads: boolean) {
  const { loadRecords } = (await modules('index-cache')) as Cache;
  const { repoFileReader } = (await modules('safe-paths')) as Safe;
  const { walkRecordFolders } = (await modules('layout')) as Layout;
  const paths = walkRecordFolders(root).records;
  // as if git vouched for every file: each entry's version is then the blob id of what was read
  const blobs = Promise.resolve(new Map(paths.map((p) => [p, 'vouched'])));
  return loadRecords(root, paths, repoFileReader(root), { threads, blobs });
}

describe('a cold load read in threads', () => {
  const one = hostileRepository();
  const copy = () => {
    const to = mkdtempSync(join(tmpdir(), 'kith-ahead-'));
    execFileSync('cp', ['-a', `${one}/.`, to]);
    return to;
  };
  const two = copy();
  const three = copy();

  it('reads every file in the threads, each entry as this thread reads it', async () => {
    const { readAhead } = (await dist('read-ahead')) as Ahead;
    const { walkRecordFolders } = (await dist('layout')) as Layout;
    const { versionOf } = await dist('file-versions');
    const { readEntry } = await dist('cache-entry');
    const { repoFileReader } = (await dist('safe-paths')) as Safe;
    const files = walkRecordFolders(one).records.map((p) => [p, versionOf(one, p, undefined)] as [string, never]);
    expect(files.length).toBeGreaterThan(2600);
    const ahead = await readAhead(one, files, 2);
    expect(ahead.size).toBe(files.length);
    const read = repoFileReader(one);
    for (const [path, v] of files) expect(ahead.get(path), path).toEqual(readEntry(one, path, v, read).entry);
  });

  it('loads the same records, problems and cache as one thread', async () => {
    const threaded = await load(one, dist, true);
    const single = await load(two, dist, false);
    expect(threaded.records.length).toBeGreaterThan(2500);
    expect(JSON.stringify(threaded.records)).toBe(JSON.stringify(single.records));
    expect(threaded.problems).toEqual(single.problems);
    const named = threaded.problems.map((p) => p.file);
    for (const file of [
      'contacts/broken.md',
      'contacts/latin1.md',
      'deals/huge.md',
      'contacts/link.md',
      'orgs/pipe.md',
    ])
      expect(named, file).toContain(file);
    expect(named).toContain('conversations/2019');
    expect(threaded.reread).toEqual(single.reread);
    expect(threaded.kept).toBe(single.kept);
    expect(shards(one)).toEqual(shards(two));
  });

  it('leaves to this thread what no thread could read (here the thread module does not exist)', async () => {
    const fallback = await load(three, src, true);
    const single = await load(two, dist, false);
    expect(JSON.stringify(fallback.records)).toBe(JSON.stringify(single.records));
    expect(fallback.problems).toEqual(single.problems);
  });
});
