// Commands run in-process with an injected Env: what each returns is the data it printed.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run as add } from '../../src/commands/add.js';
import { run as check } from '../../src/commands/check.js';
import { run as done } from '../../src/commands/done.js';
import { run as due } from '../../src/commands/due.js';
import { run as edit } from '../../src/commands/edit.js';
import { run as init } from '../../src/commands/init.js';
import { run as log } from '../../src/commands/log.js';
import { run as ls } from '../../src/commands/ls.js';
import { run as move } from '../../src/commands/move.js';
import { run as promise } from '../../src/commands/promise.js';
import { run as rename } from '../../src/commands/rename.js';
import { run as rm } from '../../src/commands/rm.js';
import { run as set } from '../../src/commands/set.js';
import { run as show } from '../../src/commands/show.js';
import { KithError, UsageError } from '../../src/core/model/index.js';
import { testEnv, type TestEnv } from '../helpers/env.js';
import { execFileSync } from 'node:child_process';

async function team(): Promise<TestEnv> {
  const t = testEnv();
  await init({ dir: '.', name: 'Northwind', domain: ['northwind.example'] }, t.env);
  await add({ kind: 'org', name: 'Acme', domain: ['acme.example'] }, t.env);
  await add({ kind: 'contact', name: 'Jane Doe', email: ['jane@acme.example'], title: 'CTO' }, t.env);
  await add({ kind: 'deal', title: 'Acme SSO', org: 'acme', amount: '48,000', contact: ['jane-doe'] }, t.env);
  return t;
}

const git = (t: TestEnv, args: string[]) => execFileSync('git', args, { cwd: t.dir, env: { ...t.env.vars } as never, encoding: 'utf8' });
const file = (t: TestEnv, path: string) => readFileSync(join(t.dir, path), 'utf8');

describe('commands in-process', () => {
  let t: TestEnv;
  beforeAll(async () => {
    t = await team();
  });

  it('add files a contact under the org that owns their domain, and says where', async () => {
    const r = await add({ kind: 'contact', name: 'John Roe', email: ['john@acme.example'] }, t.env);
    expect(r.path).toBe('contacts/john-roe.md');
    expect(r.fields).toMatchObject({ name: 'John Roe', emails: ['john@acme.example'], org: 'acme', created: '2026-11-25' });
    expect(git(t, ['log', '-1', '--format=%B'])).toBe('add contact John Roe\n\nKith-Action: add\nKith-Ref: contacts/john-roe.md\n\n');
  });

  it('log starts a conversation, then adds to it, turning it over', async () => {
    const first = await log({ ref: 'jane', text: 'call: wants SSO pricing', next: '2026-11-27' }, t.env);
    expect(first).toMatchObject({ created: true, turn: 'them', next: '2026-11-27', entry: { type: 'call', author: '@maya' } });
    const second = await log({ ref: 'jane', text: 'note: asked legal' }, t.env);
    expect(second).toMatchObject({ created: false, path: first.path, turn: 'them', next: '2026-11-27' });
    expect(file(t, first.path)).toContain('wants SSO pricing');
    expect(file(t, first.path)).toContain('asked legal');
  });

  it('promise and done: the promise is recorded, then kept with today', async () => {
    const p = await promise({ ref: 'jane', what: 'send the quote', by: '2026-11-30' }, t.env);
    expect(p).toMatchObject({ from: 'us', who: '@maya', due: '2026-11-30', state: 'open', made: '2026-11-25' });
    const kept = await done({ promiseOrRef: 'send the quote' }, t.env);
    expect(kept).toMatchObject({ id: p.id, state: 'kept', closed: '2026-11-25' });
    await expect(done({ promiseOrRef: p.id }, t.env)).rejects.toThrow(/already kept/);
  });

  it('set changes fields, and refuses a change that would break the record', async () => {
    expect(await set({ ref: 'jane', pairs: ['title=VP', 'tags=[vip, sso]'] }, t.env)).toEqual({
      path: 'contacts/jane-doe.md',
      changes: { title: 'VP', tags: ['vip', 'sso'] },
    });
    await expect(set({ ref: 'jane', pairs: ['name='] }, t.env)).rejects.toThrow(KithError);
    await expect(set({ ref: 'jane', pairs: ['id=c-x'] }, t.env)).rejects.toThrow(UsageError);
  });

  it('move keeps the stage change in the history', async () => {
    expect(await move({ deal: 'acme-sso', stage: 'proposal' }, t.env)).toEqual({
      deal: 'acme-sso', from: 'lead', to: 'proposal', at: '2026-11-25',
    });
    expect(file(t, 'deals/acme-sso.md')).toContain('- {stage: proposal, at: 2026-11-25}');
  });

  it('ls, show, due and check return what they printed', async () => {
    expect((await ls({ what: 'contacts' }, t.env)).map((r) => r.slug)).toEqual(['jane-doe', 'john-roe']);
    expect(await show({ ref: 'acme-sso', json: true }, t.env)).toMatchObject({ kind: 'deal', stage: 'proposal', amount: 48000 });
    const items = await due({ all: true }, t.env);
    expect(items.map((i) => i.kind)).toEqual(['nudge', 'deal']);
    expect(await check({}, t.env)).toEqual([]);
  });

  it('rename moves the file and every reference to it in one commit', async () => {
    const r = await rename({ ref: 'jane', newName: 'Janet Doe' }, t.env);
    expect(r.from).toBe('contacts/jane-doe.md');
    expect(r.to).toBe('contacts/janet-doe.md');
    const [conversations, others] = [r.updated.filter((p) => p.startsWith('conversations/')), r.updated.filter((p) => !p.startsWith('conversations/'))];
    expect(others.sort()).toEqual(['contacts/janet-doe.md', 'deals/acme-sso.md']);
    expect(conversations).toEqual([expect.stringMatching(/^conversations\/2026\/jane-doe-2026-11-25\.md$/)]);
    expect(file(t, 'deals/acme-sso.md')).toContain('contacts: [janet-doe]');
  });
});

describe('commands that ask or open an editor', () => {
  it('rm asks, and removes nothing on "no"', async () => {
    const t = await team();
    const ask = testEnv({ answers: ['n'], tty: true });
    const env = { ...t.env, stdinIsTTY: true, ask: ask.env.ask };
    expect(await rm({ ref: 'acme-sso' }, env)).toEqual({ removed: false });
    const yes = { ...env, ask: async () => 'y' };
    expect(await rm({ ref: 'acme-sso' }, yes)).toEqual({ removed: true, path: 'deals/acme-sso.md', dangling: [] });
    await expect(rm({ ref: 'acme' }, t.env)).rejects.toThrow(/without confirmation/);
  });

  it('edit saves what the editor wrote, checked first', async () => {
    const t = await team();
    const editor = (path: string) => {
      writeFileSync(path, readFileSync(path, 'utf8').replace('title: CTO', 'title: Chief Technology Officer'));
      return 0;
    };
    const env = { ...t.env, vars: { ...t.env.vars, EDITOR: 'scripted' }, edit: editor };
    expect(await edit({ ref: 'jane' }, env)).toEqual({ changed: true, path: 'contacts/jane-doe.md' });
    expect(file(t, 'contacts/jane-doe.md')).toContain('title: Chief Technology Officer');
    await expect(edit({ ref: 'jane' }, { ...env, edit: () => 3 })).rejects.toThrow(/the editor exited with 3/);
  });
});
