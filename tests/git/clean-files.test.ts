// What git vouches for: every tracked, unchanged file with its blob id; never a file changed in
// the work tree (even keeping size and mtime), deleted, untracked, a link or in conflict.
import { execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { afterStaging, cleanBlobs, parseListing } from '../../src/git/clean-files.js';

const vars = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: tmpdir() };

function repo(): { top: string; git: (args: string[], cwd?: string) => string } {
  const top = mkdtempSync(join(tmpdir(), 'kith-clean-'));
  const git = (args: string[], cwd = top) =>
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], {
      cwd,
      env: vars,
    }).toString();
  git(['init', '-q']);
  return { top, git };
}

describe('the files git vouches for', () => {
  it('are the tracked, unchanged ones, with their blob ids', async () => {
    const { top, git } = repo();
    mkdirSync(join(top, 'contacts'));
    for (const n of ['a', 'b', 'c', 'd']) writeFileSync(join(top, `contacts/${n}.md`), `${n}\n`);
    symlinkSync('/etc/hostname', join(top, 'contacts/link.md'));
    git(['add', '.']);
    git(['commit', '-qm', 'x']);
    const b = join(top, 'contacts/b.md');
    const { mtime } = statSync(b);
    writeFileSync(b, 'B\n'); // same size, mtime put back
    utimesSync(b, mtime, mtime);
    rmSync(join(top, 'contacts/c.md'));
    writeFileSync(join(top, 'contacts/new.md'), 'new\n');
    const clean = (await cleanBlobs(top, vars, ['contacts']))?.clean;
    expect([...clean!.keys()].sort()).toEqual(['contacts/a.md', 'contacts/d.md']);
    expect(clean!.get('contacts/a.md')).toBe(git(['hash-object', 'contacts/a.md']).trim());
  });

  it('are named from the Kith repository, inside a larger git work tree', async () => {
    const { top, git } = repo();
    mkdirSync(join(top, 'crm/contacts'), { recursive: true });
    writeFileSync(join(top, 'crm/contacts/a.md'), 'a\n');
    writeFileSync(join(top, 'crm/contacts/b.md'), 'b\n');
    git(['add', '.']);
    git(['commit', '-qm', 'x']);
    writeFileSync(join(top, 'crm/contacts/b.md'), 'changed\n');
    const clean = (await cleanBlobs(join(top, 'crm'), vars, ['contacts']))?.clean;
    expect([...clean!.keys()]).toEqual(['contacts/a.md']);
  });

  it.each([
    ['a few files', 0],
    ['many files (an import)', 40],
  ])('after a command stages %s, are what git will list then: same entries, same digest', async (_what, more) => {
    const { top, git } = repo();
    mkdirSync(join(top, 'contacts'));
    mkdirSync(join(top, 'conversations/2026'), { recursive: true });
    for (const n of ['contacts/a.md', 'contacts/b.md', 'contacts/zoë.md', 'conversations/2026/x.md'])
      writeFileSync(join(top, n), `${n}\n`);
    git(['add', '.']);
    git(['commit', '-qm', 'x']);
    const folders = ['contacts', 'conversations', 'deals'];
    const before = (await cleanBlobs(top, vars, folders, { untracked: true }))!;
    const blobs = new Map<string, string | null>();
    // a change, files new before and after the others in byte order (é sorts after z), a removal
    for (const n of ['contacts/b.md', 'contacts/a-b.md', 'contacts/é.md', 'conversations/2027/y.md']) {
      mkdirSync(join(top, n, '..'), { recursive: true });
      writeFileSync(join(top, n), `changed ${n}\n`);
      blobs.set(n, git(['hash-object', n]).trim());
    }
    for (let i = 0; i < more; i++) {
      const n = `deals/d-${(i * 7919) % 97}.md`;
      mkdirSync(join(top, 'deals'), { recursive: true });
      writeFileSync(join(top, n), `${n}\n`);
      blobs.set(n, git(['hash-object', n]).trim());
    }
    rmSync(join(top, 'contacts/a.md'));
    blobs.set('contacts/a.md', null);
    git(['add', '-A']);
    const after = (await cleanBlobs(top, vars, folders, { untracked: true }))!;
    const guessed = afterStaging(before, blobs);
    expect(guessed.listing.toString()).toBe(after.listing.toString());
    expect(guessed.digest).toBe(after.digest);
    expect([...guessed.clean].sort()).toEqual([...after.clean].sort());
  });

  it('are settled only when nothing is changed or untracked, and digest the index', async () => {
    const { top, git } = repo();
    mkdirSync(join(top, 'contacts'));
    writeFileSync(join(top, 'contacts/a.md'), 'a\n');
    git(['add', '.']);
    git(['commit', '-qm', 'x']);
    const first = await cleanBlobs(top, vars, ['contacts'], { untracked: true });
    expect(first?.settled).toBe(true);
    writeFileSync(join(top, 'contacts/b.md'), 'b\n');
    expect((await cleanBlobs(top, vars, ['contacts'], { untracked: true }))?.settled).toBe(false);
    expect((await cleanBlobs(top, vars, ['contacts']))?.settled).toBe(false);
    git(['add', '.']);
    const staged = await cleanBlobs(top, vars, ['contacts'], { untracked: true });
    expect(staged?.settled).toBe(true);
    expect(staged?.digest).not.toBe(first?.digest);
    writeFileSync(join(top, 'contacts/a.md'), 'A\n');
    expect((await cleanBlobs(top, vars, ['contacts'], { untracked: true }))?.settled).toBe(false);
  });

  it('are settled with empty folders, named as such, but not with a folder holding untracked files', async () => {
    const { top, git } = repo();
    mkdirSync(join(top, 'contacts/empty'), { recursive: true });
    mkdirSync(join(top, 'deals'));
    writeFileSync(join(top, 'contacts/a.md'), 'a\n');
    git(['add', '.']);
    git(['commit', '-qm', 'x']);
    const view = await cleanBlobs(top, vars, ['contacts', 'deals'], { untracked: true });
    expect(view?.settled).toBe(true);
    expect([...view!.empty].sort()).toEqual(['contacts/empty', 'deals']);
    mkdirSync(join(top, 'deals/2026'));
    writeFileSync(join(top, 'deals/2026/x.md'), 'x\n');
    expect((await cleanBlobs(top, vars, ['contacts', 'deals'], { untracked: true }))?.settled).toBe(false);
  });

  it('are none outside git', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kith-nogit-'));
    expect(await cleanBlobs(dir, { ...vars, GIT_CEILING_DIRECTORIES: tmpdir() }, ['contacts'])).toBeUndefined();
  });

  it('leave out unmerged and skipped entries', () => {
    const blob = 'e'.repeat(40);
    const out = [
      `H 100644 ${blob} 0\tcontacts/a.md`,
      `M 100644 ${blob} 1\tcontacts/c.md`,
      `M 100644 ${blob} 2\tcontacts/c.md`,
      `S 100644 ${blob} 0\tcontacts/s.md`,
      `H 120000 ${blob} 0\tcontacts/l.md`,
      `H 100644 ${blob} 0\tcontacts/b.md`,
    ].join('\0');
    expect([...parseListing(`${out}\0`, ['contacts/b.md', '']).keys()]).toEqual(['contacts/a.md']);
  });
});
