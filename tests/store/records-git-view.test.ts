// A read-only command line asks git before its modules load; the command takes that answer
// once, for the same repository and environment, and asks again for anything after.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recordsGitView, startRecordsGitView } from '../../src/store/records-git-view.js';

const vars = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: tmpdir() };

function repo(): string {
  const root = mkdtempSync(join(tmpdir(), 'kith-early-'));
  const git = (args: string[]) =>
    execFileSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.com', ...args], { cwd: root, env: vars });
  git(['init', '-q']);
  mkdirSync(join(root, 'contacts'));
  writeFileSync(join(root, 'contacts/a.md'), 'a\n');
  git(['add', '.']);
  git(['commit', '-qm', 'x']);
  return root;
}

describe("git's view asked early", () => {
  it('is taken once by the first question for the same repository and environment', async () => {
    const root = repo();
    startRecordsGitView(root, vars);
    const early = recordsGitView(root, vars);
    const later = recordsGitView(root, vars);
    expect(later).not.toBe(early);
    expect((await early)?.digest).toBe((await later)?.digest);
  });

  it('is not taken for another repository or another environment', async () => {
    const root = repo();
    const other = repo();
    startRecordsGitView(root, vars);
    writeFileSync(join(other, 'contacts/b.md'), 'b\n');
    expect((await recordsGitView(other, vars))?.settled).toBe(false);
    startRecordsGitView(root, vars);
    const elsewhere = { ...vars };
    const view = recordsGitView(root, elsewhere);
    startRecordsGitView(root, vars);
    expect(recordsGitView(root, vars)).not.toBe(view);
  });

  it('answers for the files as they were when asked; a later question sees what moved since', async () => {
    const root = repo();
    startRecordsGitView(root, vars);
    const early = await recordsGitView(root, vars);
    writeFileSync(join(root, 'contacts/new.md'), 'new\n');
    expect(early?.settled).toBe(true);
    expect((await recordsGitView(root, vars))?.settled).toBe(false);
  });
});
