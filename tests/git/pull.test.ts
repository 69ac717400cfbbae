// A plain `git pull` merges records the way `kith sync` does, through the merge driver that
// every kith command sets up; without it (a plain `git clone`), git's line merge leaves
// conflict markers, and `kith resolve` merges the file from the three versions in the index.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as log } from '../../src/commands/log.js';
import { run as ls } from '../../src/commands/ls.js';
import { run as resolve } from '../../src/commands/resolve.js';
import { run as set } from '../../src/commands/set.js';
import { run as sync } from '../../src/commands/sync.js';
import { team, type Mate } from '../helpers/team.js';

const CONVERSATION = 'conversations/2026/jane-doe-2026-11-25.md';

/** Runs git in a clone; its exit status and output, without throwing. */
function tryGit(m: Mate, args: string[]) {
  try {
    return { code: 0, out: execFileSync('git', args, { cwd: m.dir, env: { ...m.env().vars } as NodeJS.ProcessEnv, encoding: 'utf8', stdio: 'pipe' }) };
  } catch (err) {
    const e = err as { status: number; stdout: string; stderr: string };
    return { code: e.status, out: `${e.stdout}${e.stderr}` };
  }
}

/** Alice and Bob each log on Jane's conversation; Alice's entry is pushed, Bob's is not. */
async function diverged() {
  const { mates } = await team(['alice', 'bob']);
  const [alice, bob] = mates as [Mate, Mate];
  await log({ ref: 'jane', text: 'call: wants SSO pricing' }, alice.env('2026-11-25T09:00:00+01:00'));
  await sync({}, alice.env());
  await sync({}, bob.env());
  await log({ ref: 'jane', text: 'mail: sent the quote' }, alice.env('2026-11-25T14:00:00+01:00'));
  await set({ ref: 'jane', pairs: ['title=VP'] }, alice.env());
  await sync({}, alice.env());
  await log({ ref: 'jane', text: 'note: legal is on it' }, bob.env('2026-11-25T11:00:00+01:00'));
  await set({ ref: 'jane', pairs: ['tags=[sso]'] }, bob.env());
  return { alice, bob };
}

const headings = (text: string) => text.match(/^## .* · (\w+) · .*$/gm)!.map((h) => h.split(' · ')[1]);

describe('a plain git pull', () => {
  it('merges records through the kith merge driver, the same way kith sync does', async () => {
    const { alice, bob } = await diverged();
    expect(bob.read('.git/config')).toContain('[merge "kith"]\n\tname = ');
    expect(tryGit(bob, ['pull', '-q', '--no-rebase', '--no-edit'])).toEqual({
      code: 0,
      out: `Auto-merging contacts/jane-doe.md\nAuto-merging ${CONVERSATION}\n`,
    });
    const text = bob.read(CONVERSATION);
    expect(headings(text)).toEqual(['call', 'note', 'mail']);
    expect(text).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
    expect(bob.read('contacts/jane-doe.md')).toMatch(/title: VP\n(.*\n)*tags:\n  - sso\n/);
    // the same merge kith sync makes: the trees agree
    const viaSync = await diverged();
    await sync({}, viaSync.bob.env());
    const anonymous = (t: string) => t.replace(/\{#e-\w+\}|v-\w{12}/g, 'ID');
    expect(anonymous(viaSync.bob.read(CONVERSATION))).toBe(anonymous(text));
    expect(viaSync.bob.read('contacts/jane-doe.md').replace(/c-\w{12}/, 'ID')).toBe(bob.read('contacts/jane-doe.md').replace(/c-\w{12}/, 'ID'));
    void alice;
  });

  it('with --rebase (ours and theirs swapped) gives the same file', async () => {
    const { bob } = await diverged();
    expect(tryGit(bob, ['pull', '-q', '--rebase'])).toMatchObject({ code: 0 });
    expect(headings(bob.read(CONVERSATION))).toEqual(['call', 'note', 'mail']);
    expect(bob.git(['status', '--porcelain'])).toBe('');
  });

  it('without the driver leaves conflict markers, and kith resolve merges from the index', async () => {
    const { bob } = await diverged();
    // what a plain `git clone` gives: no [merge "kith"] section
    const config = join(bob.dir, '.git', 'config');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/\[merge "kith"\]\n(\t.*\n)+/, ''));
    const pull = tryGit(bob, ['pull', '--no-rebase', '--no-edit']);
    expect(pull.code).toBe(1);
    expect(pull.out).toContain(`CONFLICT (content): Merge conflict in ${CONVERSATION}`);
    expect(bob.read(CONVERSATION)).toMatch(/^<<<<<<< /m);
    await expect(sync({}, bob.env())).rejects.toThrow('the repository is in the middle of a merge: kith changes nothing until it is done');
    const r = await resolve({}, bob.env());
    expect(r.resolved.map((x) => x.path).sort()).toEqual(['contacts/jane-doe.md', CONVERSATION].filter((p) => r.resolved.some((x) => x.path === p)));
    expect(bob.t.err()).toContain('no conflicts left: finish a merge with `git commit --no-edit`\n');
    expect(headings(bob.read(CONVERSATION))).toEqual(['call', 'note', 'mail']);
    expect(bob.read(CONVERSATION)).not.toMatch(/^(<<<<<<<|=======|>>>>>>>)/m);
    expect(tryGit(bob, ['commit', '-q', '--no-edit'])).toEqual({ code: 0, out: '' });
    await sync({}, bob.env());
    expect(bob.git(['status', '--porcelain'])).toBe('');
  });

  it('any kith command, even one that only reads, puts the driver back into .git/config', async () => {
    const { mates } = await team(['alice']);
    const [alice] = mates as [Mate];
    const config = join(alice.dir, '.git', 'config');
    writeFileSync(config, readFileSync(config, 'utf8').replace(/\[merge "kith"\]\n(\t.*\n)+/, ''));
    await ls({ what: 'contacts' }, alice.env());
    expect(readFileSync(config, 'utf8')).toMatch(/\[merge "kith"\]\n\tname = "kith: records merged as data[^\n]*"\n\tdriver = "'node' '[^']*\/bin\/kith' merge-driver %O %A %B %P"\n/);
    expect(tryGit(alice, ['config', '--get', 'merge.kith.driver']).out).toMatch(/^'node' '.*\/bin\/kith' merge-driver %O %A %B %P\n$/);
  });
});
