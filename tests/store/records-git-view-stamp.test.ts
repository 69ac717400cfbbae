// A view git found settled is stamped (index checksum, listing digest, every record folder's
// stat data); while the index and the folders are as stamped, a read-only command asks git only
// which files changed in place. Every way a record file can move is still seen.
import { execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { indexChecksum } from '../../src/git/state.js';
import { recordsGitView, startRecordsGitView } from '../../src/store/records-git-view.js';

// git, through a script that logs each call: what a question cost
const bin = mkdtempSync(join(tmpdir(), 'kith-gitlog-'));
const log = join(bin, 'calls');
const real = execFileSync('sh', ['-c', 'command -v git']).toString().trim();
writeFileSync(join(bin, 'git'), `#!/bin/sh\necho "$1" >> '${log}'\nexec '${real}' "$@"\n`);
chmodSync(join(bin, 'git'), 0o755);
const vars = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: tmpdir(), PATH: `${bin}:${process.env.PATH}` };

function repo(): { root: string; git: (args: string[]) => void } {
  const root = mkdtempSync(join(tmpdir(), 'kith-stamp-'));
  const git = (args: string[]) =>
    execFileSync(real, ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd: root, env: vars });
  git(['init', '-q']);
  mkdirSync(join(root, 'contacts/empty'), { recursive: true });
  mkdirSync(join(root, 'conversations/2026'), { recursive: true });
  writeFileSync(join(root, 'contacts/a.md'), 'a\n');
  writeFileSync(join(root, 'conversations/2026/c.md'), 'c\n');
  git(['add', '.']);
  git(['commit', '-qm', 'x']);
  return { root, git };
}

async function early(root: string) {
  rmSync(log, { force: true });
  startRecordsGitView(root, vars);
  const view = await recordsGitView(root, vars);
  const calls = readFileSync(log, 'utf8').trim().split('\n');
  return { view, calls };
}

const cases: Record<string, (root: string, git: (args: string[]) => void) => void> = {
  'a new file': (root) => writeFileSync(join(root, 'contacts/b.md'), 'b\n'),
  'a new file in a new folder': (root) => {
    mkdirSync(join(root, 'conversations/2031'));
    writeFileSync(join(root, 'conversations/2031/d.md'), 'd\n');
  },
  'a file in a folder that was empty': (root) => writeFileSync(join(root, 'contacts/empty/e.md'), 'e\n'),
  'a file edited in place': (root) => appendFileSync(join(root, 'contacts/a.md'), 'more\n'),
  'a file removed': (root) => rmSync(join(root, 'conversations/2026/c.md')),
  'a file renamed': (root, git) => git(['mv', 'contacts/a.md', 'contacts/z.md']),
  'a change staged': (root, git) => {
    writeFileSync(join(root, 'contacts/a.md'), 'staged\n');
    git(['add', 'contacts/a.md']);
  },
  'a commit made outside kith': (root, git) => {
    writeFileSync(join(root, 'contacts/f.md'), 'f\n');
    git(['add', '.']);
    git(['commit', '-qm', 'f']);
  },
};

describe("git's view, stamped", () => {
  const repos = new Map<string, { root: string; git: (args: string[]) => void; digest?: string }>();

  beforeAll(async () => {
    for (const name of ['quick', 'racy', ...Object.keys(cases)]) repos.set(name, repo());
    // folders changed within a tick of git's answer are never stamped: let them age
    await new Promise((r) => setTimeout(r, 2100));
    // the first answer names the folders to stat before git looks, the second is stamped
    for (const [name, r] of repos) if (name !== 'racy') await early(r.root);
    for (const [name, r] of repos) if (name !== 'racy') r.digest = (await early(r.root)).view?.digest;
  }, 30_000);

  it('is taken with one question to git while nothing moved', async () => {
    const { root, digest } = repos.get('quick')!;
    const { view, calls } = await early(root);
    expect(calls).toEqual(['diff-files']);
    expect(view?.settled).toBe(true);
    expect(view?.digest).toBe(digest);
    // what a caller may still ask for: the index's entries
    expect([...view!.clean.keys()].sort()).toEqual(['contacts/a.md', 'conversations/2026/c.md']);
  });

  it('is not stamped for folders that changed within a tick', async () => {
    const { root } = repos.get('racy')!;
    writeFileSync(join(root, 'contacts/new.md'), 'n\n');
    rmSync(join(root, 'contacts/new.md'));
    await early(root);
    const { calls } = await early(root);
    expect(calls.sort()).toEqual(['diff-files', 'ls-files', 'ls-files']);
  });

  it.each(Object.keys(cases))('sees %s', async (name) => {
    const { root, git, digest } = repos.get(name)!;
    expect(digest).toBeDefined();
    cases[name]!(root, git);
    const { view } = await early(root);
    const after = await recordsGitView(root, vars);
    expect(view?.settled && view.digest === digest).toBe(false);
    expect(view?.settled).toBe(after?.settled);
    expect(view?.digest).toBe(after?.digest);
  });
});

describe("the index file's checksum", () => {
  it('is the hash ending the file, none where git leaves it zero (index.skipHash) or there is no index', () => {
    const { root } = repo();
    const index = readFileSync(join(root, '.git/index'));
    expect(indexChecksum(root)).toBe(index.subarray(-20).toString('hex'));
    writeFileSync(join(root, '.git/index'), Buffer.concat([index.subarray(0, -20), Buffer.alloc(20)]));
    expect(indexChecksum(root)).toBeUndefined();
    rmSync(join(root, '.git/index'));
    expect(indexChecksum(root)).toBeUndefined();
  });
});
