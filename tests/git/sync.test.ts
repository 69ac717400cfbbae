// `kith sync` between clones of one bare repository over file://, under different identities:
// every case of the merge as a teammate meets it. Commands run in-process; git is real.
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as add } from '../../src/commands/add.js';
import { run as check } from '../../src/commands/check.js';
import { run as due } from '../../src/commands/due.js';
import { run as log } from '../../src/commands/log.js';
import { run as rename } from '../../src/commands/rename.js';
import { run as rm } from '../../src/commands/rm.js';
import { run as set } from '../../src/commands/set.js';
import { run as sync } from '../../src/commands/sync.js';
import { KithError } from '../../src/core/model/index.js';
import { team, type Mate } from '../helpers/team.js';

const head = (m: Mate) => m.git(['rev-parse', 'HEAD']).trim();
const tree = (m: Mate) => m.git(['rev-parse', 'HEAD^{tree}']).trim();
const CONVERSATION = 'conversations/2026/jane-doe-2026-11-25.md';

async function syncAll(...mates: Mate[]) {
  for (const m of [...mates, ...mates]) await sync({}, m.env());
  expect(new Set(mates.map(tree)).size).toBe(1);
}

describe('kith sync', () => {
  it('two teammates log on one conversation: both entries in date order, one merge, nothing lost', async () => {
    const { mates } = await team(['alice', 'bob']);
    const [alice, bob] = mates as [Mate, Mate];
    await log({ ref: 'jane', text: 'call: wants SSO pricing' }, alice.env('2026-11-25T09:00:00+01:00'));
    await sync({}, alice.env());
    await sync({}, bob.env());
    await log({ ref: 'jane', text: 'mail: sent the quote' }, alice.env('2026-11-25T14:00:00+01:00'));
    await log({ ref: 'jane', text: 'note: legal is on it' }, bob.env('2026-11-25T11:00:00+01:00'));
    await sync({}, alice.env());
    const report = await sync({ json: true }, bob.env());
    expect(report.merged).toEqual([{ path: CONVERSATION, added: { ours: 1, theirs: 1 }, kept: [] }]);
    expect(JSON.parse(bob.t.out().slice(bob.t.out().lastIndexOf('{\n  "ok"')))).toMatchObject({
      ok: true,
      remote: 'origin',
      branch: 'main',
      incoming: { commits: [{ author: 'Alice Martin', subject: 'log mail with Jane Doe' }], files: [CONVERSATION], entries_added: 1 },
      outgoing: { files: [CONVERSATION], entries_added: 1 },
      merged: [{ file: CONVERSATION, entries_added: { local: 1, remote: 1 }, kept: [] }],
      kept: [],
      pushed: true,
      attempts: 1,
    });
    await sync({}, alice.env());
    expect(tree(alice)).toBe(tree(bob));
    const text = alice.read(CONVERSATION);
    expect(text.match(/^## .*$/gm)).toEqual([
      expect.stringMatching(/^## 2026-11-25 09:00 \+01:00 · call · @alice \{#e-\w+\}$/),
      expect.stringMatching(/^## 2026-11-25 11:00 \+01:00 · note · @bob \{#e-\w+\}$/),
      expect.stringMatching(/^## 2026-11-25 14:00 \+01:00 · mail · @alice \{#e-\w+\}$/),
    ]);
    // turn and next follow the newest entry: alice's mail at 14:00
    expect(text).toContain('turn: them\nnext: 2026-12-02\n');
    expect(bob.git(['log', '-1', '--format=%s%n%b'])).toBe(`sync: merge origin/main\nKith-Ref: ${CONVERSATION}\nKith-Action: sync\n`);
    expect(existsSync(join(bob.dir, '.git', 'MERGE_HEAD'))).toBe(false);
    expect(bob.git(['status', '--porcelain'])).toBe('');
  });

  it('a field both changed: one rule on every clone, the other value kept, reported until set settles it', async () => {
    const { mates } = await team(['alice', 'bob']);
    const [alice, bob] = mates as [Mate, Mate];
    await set({ ref: 'jane', pairs: ['title=VP Engineering'] }, alice.env());
    await set({ ref: 'jane', pairs: ['title=Chief Technology Officer', 'tags=[sso]'] }, bob.env());
    await sync({}, alice.env());
    const r = await sync({}, bob.env());
    expect(r.merged).toEqual([{ path: 'contacts/jane-doe.md', added: { ours: 0, theirs: 0 }, kept: [{ field: 'title', value: 'VP Engineering' }] }]);
    await sync({}, alice.env());
    expect(alice.read('contacts/jane-doe.md')).toContain(
      'title: Chief Technology Officer\ncreated: 2026-11-25\ntags:\n  - sso\nconflicts:\n  - {field: title, value: VP Engineering}\n',
    );
    const problems = await check({}, alice.env());
    expect(problems).toEqual([
      expect.objectContaining({ file: 'contacts/jane-doe.md', severity: 'warning', message: 'kept by a merge: title: the other value "VP Engineering" was kept beside the one in the file' }),
    ]);
    const items = await due({ all: true }, alice.env());
    expect(items.filter((i) => i.kind === 'settle')).toEqual([
      expect.objectContaining({ kind: 'settle', due: '2026-11-25', title: 'settle what a merge kept in Jane Doe: title', contact: 'jane-doe', uid: expect.stringMatching(/^settle-c-/) }),
    ]);
    await set({ ref: 'jane', pairs: ['title=VP Engineering'] }, alice.env());
    expect(alice.read('contacts/jane-doe.md')).not.toContain('conflicts');
    expect(await check({}, alice.env())).toEqual([]);
  });

  it('both add a contact with one slug: two records, the one with the greater id moved, its references follow', async () => {
    const { mates } = await team(['alice', 'bob']);
    const [alice, bob] = mates as [Mate, Mate];
    await add({ kind: 'contact', name: 'Sam Lee', email: ['sam@acme.example'] }, alice.env());
    await add({ kind: 'contact', name: 'Sam Lee', email: ['sam.lee@other.example'] }, bob.env());
    await add({ kind: 'deal', title: 'Other deal', org: 'acme', contact: ['sam-lee'] }, bob.env());
    await sync({}, alice.env());
    const r = await sync({}, bob.env());
    await syncAll(alice, bob);
    expect(r.moved).toHaveLength(1);
    const moved = r.moved[0]!;
    expect(moved).toMatchObject({ from: 'contacts/sam-lee.md', to: 'contacts/sam-lee-2.md' });
    const bobs = bob.read(moved.side === 'ours' ? 'contacts/sam-lee-2.md' : 'contacts/sam-lee.md');
    expect(bobs).toContain('sam.lee@other.example');
    expect(bob.read('deals/other-deal.md')).toContain(`contacts: [${moved.side === 'ours' ? 'sam-lee-2' : 'sam-lee'}]`);
  });

  it('one renames while the other edits: the edit lands in the renamed file, new references follow the rename', async () => {
    const { mates } = await team(['alice', 'bob']);
    const [alice, bob] = mates as [Mate, Mate];
    await rename({ ref: 'jane', newName: 'Jane Smith' }, alice.env());
    await set({ ref: 'jane', pairs: ['title=VP'] }, bob.env());
    await add({ kind: 'deal', title: 'Jane expansion', org: 'acme', contact: ['jane-doe'] }, bob.env());
    await sync({}, alice.env());
    await syncAll(bob, alice);
    expect(existsSync(join(alice.dir, 'contacts/jane-doe.md'))).toBe(false);
    expect(alice.read('contacts/jane-smith.md')).toMatch(/name: Jane Smith\n(.*\n)*title: VP\n/);
    expect(alice.read('deals/jane-expansion.md')).toContain('contacts: [jane-smith]');
    expect(alice.read('deals/acme-sso.md')).toContain('contacts: [jane-smith]');
  });

  it('one removes while the other edits: the edited record stays, and sync says so', async () => {
    const { mates } = await team(['alice', 'bob']);
    const [alice, bob] = mates as [Mate, Mate];
    await rm({ ref: 'acme-sso', yes: true }, alice.env());
    await set({ ref: 'acme-sso', pairs: ['amount=52000'] }, bob.env());
    await sync({}, alice.env());
    const r = await sync({}, bob.env());
    expect(r.restored).toEqual([{ path: 'deals/acme-sso.md', side: 'ours' }]);
    await syncAll(alice, bob);
    expect(alice.read('deals/acme-sso.md')).toContain('amount: 52000');
  });

  it('kith.yaml edited on both sides merges as settings', async () => {
    const { mates } = await team(['alice', 'bob']);
    const [alice, bob] = mates as [Mate, Mate];
    alice.write('kith.yaml', alice.read('kith.yaml').replace('reply_days: 2 ', 'reply_days: 1 ').replace('currency: EUR', 'currency: NOK').replace('rates: {}', 'rates: {EUR: 11.5}'));
    bob.write('kith.yaml', bob.read('kith.yaml').replace('holidays: []', 'holidays: [2026-12-25]').replace('currency: EUR', 'currency: SEK'));
    await sync({}, alice.env());
    await syncAll(bob, alice);
    const yaml = alice.read('kith.yaml');
    expect(yaml).toContain('reply_days: 1        # business days');
    expect(yaml).toContain('holidays: [2026-12-25]         # e.g.');
    expect(yaml).toContain('currency: NOK');
    expect(yaml.endsWith('conflicts:\n  - {field: currency, value: SEK}\n')).toBe(true);
    const line = yaml.split('\n').indexOf('conflicts:') + 1;
    expect(await check({}, alice.env())).toEqual([
      { file: 'kith.yaml', line, col: 1, severity: 'warning', message: 'kept by a merge: currency: the other value "SEK" was kept beside the one in the file', hint: expect.stringMatching(/^settle it: /) },
    ]);
    expect((await due({ all: true }, alice.env())).filter((i) => i.kind === 'settle').map((i) => i.title)).toEqual([
      'settle what a merge kept in kith.yaml: currency',
    ]);
  });

  it('a push refused because the remote moved meanwhile is fetched, merged and tried again', async () => {
    const { mates } = await team(['alice', 'bob']);
    const [alice, bob] = mates as [Mate, Mate];
    await log({ ref: 'jane', text: 'call: kickoff' }, alice.env('2026-11-25T09:00:00+01:00'));
    await syncAll(alice, bob);
    await log({ ref: 'jane', text: 'note: from alice' }, alice.env('2026-11-25T10:00:00+01:00'));
    await log({ ref: 'jane', text: 'note: from bob' }, bob.env('2026-11-25T11:00:00+01:00'));
    // alice's push lands between bob's fetch and bob's push, once
    const hook = join(bob.dir, '.git', 'hooks', 'pre-push');
    writeFileSync(hook, `#!/bin/sh\n[ -e "$0.done" ] && exit 0\ntouch "$0.done"\ncd '${alice.dir}' && git push -q origin main\n`, { mode: 0o755 });
    const r = await sync({}, bob.env());
    expect(r).toMatchObject({ pushed: true, attempts: 2 });
    await sync({}, alice.env());
    expect(alice.read('conversations/2026/jane-doe-2026-11-25.md')).toMatch(/from alice(.|\n)*from bob/);
  });

  it('a hand-broken file stops it with file:line, and nothing is committed or sent', async () => {
    const { mates, bare } = await team(['alice']);
    const [alice] = mates as [Mate];
    const before = [head(alice), execGit(bare, ['rev-parse', 'main'])];
    alice.write('contacts/jane-doe.md', alice.read('contacts/jane-doe.md').replace('title: CTO', 'title: [CTO'));
    await expect(sync({}, alice.env())).rejects.toThrow(/^not syncing: 1 file changed by hand cannot be read\ncontacts\/jane-doe\.md:\d+:\d+: /);
    expect([head(alice), execGit(bare, ['rev-parse', 'main'])]).toEqual(before);
    expect(alice.git(['status', '--porcelain'])).toBe(' M contacts/jane-doe.md\n');
  });

  it('hand edits are committed and shared', async () => {
    const { mates } = await team(['alice', 'bob']);
    const [alice, bob] = mates as [Mate, Mate];
    alice.write('contacts/jane-doe.md', alice.read('contacts/jane-doe.md').replace('---\n', '---\n').replace(/---\n$/, '---\nLoves sailing.\n'));
    const r = await sync({}, alice.env());
    expect(r.committed).toEqual({ commit: expect.any(String), files: ['contacts/jane-doe.md'] });
    await sync({}, bob.env());
    expect(bob.read('contacts/jane-doe.md')).toContain('Loves sailing.');
  });

  it('offline: the local commit is kept, the message says so, and it fails', async () => {
    const { mates } = await team(['alice']);
    const [alice] = mates as [Mate];
    alice.git(['remote', 'set-url', 'origin', 'file:///nonexistent/crm.git']);
    await log({ ref: 'jane', text: 'note: on the train' }, alice.env());
    const err = await sync({}, alice.env()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KithError);
    expect((err as KithError).message).toMatch(/^could not fetch from origin: /);
    expect((err as KithError).hint).toBe('your commits are kept here; run kith sync again when origin can be reached');
    expect(alice.git(['log', '-1', '--format=%s'])).toBe('log note on Jane Doe\n');
  });

  it('a file it cannot merge: the repository stays as it was, local commits kept, the file named', async () => {
    const { mates } = await team(['alice', 'bob']);
    const [alice, bob] = mates as [Mate, Mate];
    // a teammate commits a broken record by hand with plain git
    alice.write('contacts/jane-doe.md', alice.read('contacts/jane-doe.md').replace('title: CTO', 'title: [CTO'));
    alice.git(['commit', '-qam', 'oops']);
    alice.git(['push', '-q', 'origin', 'main']);
    await set({ ref: 'jane', pairs: ['title=VP'] }, bob.env());
    const before = head(bob);
    const err = (await sync({}, bob.env()).catch((e: unknown) => e)) as KithError;
    expect(err.message).toMatch(/^cannot merge 1 file with origin\/main automatically:\n  contacts\/jane-doe\.md: its version on origin\/main cannot be read \(line \d+: /);
    expect(err.message).toContain('nothing was changed: your commits are kept here and nothing was sent');
    expect(head(bob)).toBe(before);
    expect(bob.git(['status', '--porcelain'])).toBe('');
    expect(existsSync(join(bob.dir, '.git', 'MERGE_HEAD'))).toBe(false);
  });
});

function execGit(dir: string, args: string[]): string {
  return execFileSync('git', args, { cwd: dir, encoding: 'utf8' }).trim();
}
