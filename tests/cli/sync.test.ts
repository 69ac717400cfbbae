// `kith sync`, `resolve` and the merge driver as a user and git run them: exit codes and
// exact messages.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRepo, type Sandbox } from '../helpers/cli.js';

// one repository for the tests that change nothing in it (spawning kith costs time)
let shared: Sandbox;
beforeAll(() => {
  shared = seededRepo();
});

describe('kith sync from the command line', () => {
  it('offline: exits 1 and says the commits are kept', () => {
    const s = seededRepo();
    s.git(['remote', 'add', 'origin', 'file:///nonexistent/crm.git']);
    const r = s.kith(['sync']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^kith: could not fetch from origin: .*\nhint: your commits are kept here; run kith sync again when origin can be reached\n$/,
    );
  });

  it('with --json on failure prints ok: false, the error and the hint', () => {
    const r = shared.kith(['sync', '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      ok: false,
      error: 'this repository has no remote to sync with',
      hint: 'add the team repository: git remote add origin URL (see "Working as a team" in the README)',
    });
  });

  it('first push to an empty repository, then up to date', () => {
    const s = seededRepo();
    const bare = join(mkdtempSync(join(tmpdir(), 'kith-remote-')), 'crm.git');
    s.git(['init', '-q', '--bare', bare]);
    s.git(['remote', 'add', 'origin', bare]);
    const first = s.kith(['sync']);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toMatch(/^out: 5 commits to origin\/main \(\d+ files\)\n$/);
    expect(s.kith(['sync'])).toEqual({ code: 0, stdout: 'up to date with origin/main\n', stderr: '' });
    expect(s.git(['config', 'branch.main.merge'])).toBe('refs/heads/main\n');
  });

  it('kith --help lists sync, clone and resolve, not the merge driver git runs', () => {
    const help = shared.kith(['--help']).stdout;
    expect(help).toMatch(/\n {2}sync +share with the team/);
    expect(help).toMatch(/\n {2}clone +clone the team's repository/);
    expect(help).toMatch(/\n {2}resolve +merge the records a plain `git pull` left/);
    expect(help).not.toContain('merge-driver');
  });

  it('kith resolve with nothing in conflict says so', () => {
    expect(shared.kith(['resolve'])).toEqual({
      code: 0,
      stdout: 'nothing to resolve: no file is in conflict\n',
      stderr: '',
    });
  });
});

describe('the merge driver', () => {
  const file = (fm: string) => `---\n${fm}---\n`;

  it('writes the merge into the ours file and exits 0', () => {
    const s = shared;
    const [o, a, b] = ['o', 'a', 'b'].map((n) => join(s.dir, `.${n}`));
    writeFileSync(o!, file('id: c-1\nname: Jane\ntags: [x]\n'));
    writeFileSync(a!, file('id: c-1\nname: Jane\ntags: [x, y]\n'));
    writeFileSync(b!, file('id: c-1\nname: Jane\ntitle: CTO\ntags: [x]\n'));
    expect(s.kith(['merge-driver', o!, a!, b!, 'contacts/jane.md'])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(a!, 'utf8')).toBe(file('id: c-1\nname: Jane\ntitle: CTO\ntags: [x, y]\n'));
  });

  it('leaves conflict markers and exits 1 when a side cannot be read, so git stops', () => {
    const s = shared;
    const [o, a, b] = ['o2', 'a2', 'b2'].map((n) => join(s.dir, `.${n}`));
    writeFileSync(o!, file('id: c-1\nname: Jane\n'));
    writeFileSync(a!, file('id: c-1\nname: [Jane\n'));
    writeFileSync(b!, file('id: c-1\nname: Janet\n'));
    const r = s.kith(['merge-driver', o!, a!, b!, 'contacts/jane.md']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /^kith: contacts\/jane\.md: cannot merge automatically: its version ours cannot be read \(line \d+: .*\)\nhint: edit the file/,
    );
    expect(readFileSync(a!, 'utf8')).toBe(
      '---\nid: c-1\n<<<<<<< ours\nname: [Jane\n||||||| base\nname: Jane\n=======\nname: Janet\n>>>>>>> theirs\n---\n',
    );
  });
});
