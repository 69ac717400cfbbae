// A command's commit holds HEAD plus exactly its own paths, however the user's index stands:
// the commit is built in an index of its own, seeded from the real one for its stat data only.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitPaths } from '../../src/git/commit.js';
import { sandbox } from '../helpers/cli.js';

function repo() {
  const s = sandbox();
  const root = mkdtempSync(join(tmpdir(), 'kith-commit-paths-'));
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const git = (args: string[]) => s.git(args, root);
  git(['init', '-q']);
  for (const p of ['contacts/a.md', 'contacts/b.md', 'contacts/c.md']) write(p, `${p}\n`);
  git(['add', '-A']);
  git(['commit', '-qm', 'seed']);
  const commit = (paths: string[]) =>
    commitPaths(root, { ...s.env, GIT_CONFIG_NOSYSTEM: '1' }, { paths, summary: 'kith', trailers: {} });
  return { root, write, git, commit };
}

describe('a command commits exactly its paths', () => {
  it('leaves out what the user staged (a change, a new file, a removal) and keeps it staged', async () => {
    const r = repo();
    r.write('contacts/b.md', 'staged change\n');
    r.write('contacts/d.md', 'staged new file\n');
    r.git(['add', 'contacts/b.md', 'contacts/d.md']);
    r.git(['rm', '-q', '--cached', 'contacts/c.md']);
    r.write('contacts/a.md', 'kith wrote this\n');
    await r.commit(['contacts/a.md']);
    expect(r.git(['show', '--name-status', '--format=', 'HEAD']).trim()).toBe('M\tcontacts/a.md');
    expect(r.git(['ls-tree', '-r', '--name-only', 'HEAD']).trim().split('\n')).toEqual([
      'contacts/a.md',
      'contacts/b.md',
      'contacts/c.md',
    ]);
    expect(r.git(['show', 'HEAD:contacts/b.md'])).toBe('contacts/b.md\n');
    expect(r.git(['diff', '--cached', '--name-status']).trim().split('\n')).toEqual([
      'M\tcontacts/b.md',
      'D\tcontacts/c.md',
      'A\tcontacts/d.md',
    ]);
  });

  it('commits from HEAD alone while the user is in the middle of a conflict elsewhere', async () => {
    const r = repo();
    // an unmerged entry in the real index: git will not merge a tree into it
    const blob = r.git(['hash-object', '-w', 'contacts/b.md']).trim();
    const info = [1, 2, 3].map((stage) => `100644 ${blob} ${stage}\tcontacts/b.md\n`).join('');
    r.git(['rm', '-q', '--cached', 'contacts/b.md']);
    execFileSync('git', ['update-index', '--index-info'], { cwd: r.root, input: info });
    expect(r.git(['ls-files', '-u'])).toContain('contacts/b.md');
    r.write('contacts/a.md', 'kith wrote this\n');
    await r.commit(['contacts/a.md']);
    expect(r.git(['show', '--name-status', '--format=', 'HEAD']).trim()).toBe('M\tcontacts/a.md');
    expect(r.git(['ls-tree', '-r', '--name-only', 'HEAD']).trim().split('\n')).toHaveLength(3);
  });
});
