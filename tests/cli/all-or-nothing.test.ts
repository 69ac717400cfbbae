// All or nothing: when a writing command cannot finish (git cannot write, a hook refuses, the
// disk is full, git is mid-merge), the files, the index and HEAD are exactly as before, and the
// message says what failed in words. Every writing command is tried under every fault.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seededRepo, type Sandbox } from '../helpers/cli.js';
import { copyRepo, runWithFault, type Fault } from '../helpers/faults.js';

let s: Sandbox;
let mail: string;
let editor: string;

beforeAll(() => {
  s = seededRepo();
  const ok = (args: string[]) => {
    const r = s.kith(args);
    if (r.code !== 0) throw new Error(`kith ${args.join(' ')}: ${r.stderr}`);
  };
  ok(['log', 'jane', 'call: first']);
  ok(['promise', 'jane', 'send the deck', '--by', '2026-12-04']);
  ok(['log', 'john', 'call: hello']);
  ok(['close', 'john']);
  ok(['add', 'org', 'Temp Co']);
  mail = join(s.home, 'reply.eml');
  writeFileSync(
    mail,
    'From: Jane Doe <jane@acme.example>\nTo: maya@northwind.example\nSubject: SSO\nMessage-ID: <r1@acme.example>\nDate: Tue, 24 Nov 2026 10:00:00 +0100\n\nYes please.\n',
  );
  editor = join(s.home, 'editor.sh');
  writeFileSync(editor, '#!/bin/sh\nsed -i "s/title: CTO/title: Chief/" "$1"\n', { mode: 0o755 });
});

const WRITES: readonly (readonly string[])[] = [
  ['add', 'contact', 'New Person', '--email', 'new@acme.example'],
  ['add', 'org', 'Globex', '--domain', 'globex.example'],
  ['add', 'deal', 'Acme Two', '--org', 'acme'],
  ['log', 'jane', 'call: again'],
  ['promise', 'jane', 'send a quote', '--by', '2026-12-10'],
  ['done', 'send the deck'],
  ['snooze', 'jane', '2026-12-09'],
  ['close', 'jane', '--keep-promises'],
  ['reopen', 'john'],
  ['move', 'acme-sso-rollout', 'proposal'],
  ['won', 'acme-sso-rollout'],
  ['lost', 'acme-sso-rollout', '--reason', 'price'],
  ['set', 'jane', 'title=VP'],
  ['rename', 'jane', 'Janet Doe'],
  ['rm', 'temp-co', '--yes'],
  ['edit', 'jane'],
  ['import', 'eml', '<mail>'],
  ['undo'],
];

const args = (a: readonly string[]) => a.map((x) => (x === '<mail>' ? mail : x));
const env = () => ({ EDITOR: editor, KITH_LOCK_TIMEOUT: '2' });

const CAUSES: Record<Fault, RegExp> = {
  'read-only .git':
    /^kith: git cannot write to the repository's \.git folder: .*Read-only file system\nhint: nothing was changed/,
  'full disk': /^kith: (no space left on the device|git cannot write to the repository's \.git folder)/,
  'failing pre-commit hook':
    /^kith: the commit was refused by the repository's pre-commit hook: no commits on Fridays\n/,
  'repository mid-merge':
    /^kith: the repository is in the middle of a merge: kith changes nothing until it is done\nhint: finish it/,
};

function midMerge(repo: string): void {
  s.git(['checkout', '-q', '-b', 'theirs'], repo);
  s.git(['-c', 'core.editor=true', 'commit', '-q', '--allow-empty', '-m', 'x'], repo);
  writeFileSync(join(repo, 'orgs/temp-co.md'), '---\nid: o-theirs\nname: Temp Co\n---\ntheirs\n');
  s.git(['commit', '-q', '-am', 'theirs'], repo);
  s.git(['checkout', '-q', '-'], repo);
  writeFileSync(join(repo, 'orgs/temp-co.md'), '---\nid: o-ours\nname: Temp Co\n---\nours\n');
  s.git(['commit', '-q', '-am', 'ours'], repo);
  try {
    // the kith merge driver would merge these records: a failing one keeps the conflict
    s.git(['-c', 'merge.kith.driver=false', 'merge', '-q', 'theirs'], repo);
  } catch {
    // the conflict is the point: the repository is now mid-merge
  }
}

describe('a writing command that cannot finish changes nothing', () => {
  for (const fault of ['read-only .git', 'failing pre-commit hook', 'repository mid-merge'] as Fault[]) {
    it.each(WRITES.map((w) => [w.join(' ')] as const))(`${fault}: kith %s`, (line) => {
      const repo = copyRepo(s.dir);
      if (fault === 'repository mid-merge') midMerge(repo);
      const r = runWithFault(s, repo, fault, args(WRITES.find((w) => w.join(' ') === line)!), { env: env() });
      expect(r.stderr).toMatch(CAUSES[fault]);
      expect(r.stderr).not.toMatch(/ENOSPC|EROFS|EACCES|fatal:|\.tmp\b/);
      expect(r.code).toBe(1);
      expect(r.after).toBe(r.before);
    });
  }

  it.each(WRITES.map((w) => [w.join(' ')] as const))('full disk: kith %s fails whole or succeeds whole', (line) => {
    const repo = copyRepo(s.dir);
    for (const free of [0, 12, 48, 120]) {
      const r = runWithFault(s, repo, 'full disk', args(WRITES.find((w) => w.join(' ') === line)!), {
        free,
        env: env(),
      });
      if (free === 0) expect(r.code).toBe(1);
      if (r.code !== 0) {
        expect(r.stderr, `${free} KiB free`).toMatch(CAUSES['full disk']);
        expect(r.stderr).not.toMatch(/ENOSPC|fatal:|\.tmp\b/);
        expect(r.after, `${free} KiB free`).toBe(r.before);
      } else {
        // a new commit, and nothing left over: the work tree is clean
        const [, , , headAfter, status] = r.after.split('==\n');
        expect(headAfter).not.toBe(r.before.split('==\n')[3]);
        expect(status).toBe('');
      }
    }
  });
});
