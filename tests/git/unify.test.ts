// One file per record after a sync: a mail thread two teammates imported in a different
// order (the same `thread:`, different file names) becomes one conversation, every message
// once; `kith clone` sets a clone up.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run as check } from '../../src/commands/check.js';
import { run as clone } from '../../src/commands/clone.js';
import { run as importMail } from '../../src/commands/import.js';
import { run as sync } from '../../src/commands/sync.js';
import { testEnv } from '../helpers/env.js';
import { team, type Mate } from '../helpers/team.js';

function eml(dir: string, id: string, date: string, extra = '', subject = 'Pricing'): string {
  const file = join(dir, `${id}.eml`);
  writeFileSync(
    file,
    `From: Jane Doe <jane@acme.example>\nTo: alice@northwind.example\nSubject: ${subject}\nDate: ${date}\nMessage-ID: <${id}@acme.example>\n${extra}Content-Type: text/plain\n\nMessage ${id}.\n`,
  );
  return file;
}

const conversations = (m: Mate) => readdirSync(join(m.dir, 'conversations'), { recursive: true }).map(String).filter((f) => f.endsWith('.md')).sort();

describe('one file per record', () => {
  it('a mail thread imported in a different order on two clones ends in one file, every message once', async () => {
    const { mates } = await team(['alice', 'bob']);
    const [alice, bob] = mates as [Mate, Mate];
    const first = eml(alice.t.dir, 'm1', 'Tue, 30 Dec 2025 10:00:00 +0100');
    const reply = eml(bob.t.dir, 'm2', 'Mon, 05 Jan 2026 10:00:00 +0100', 'References: <m1@acme.example>\nIn-Reply-To: <m1@acme.example>\n', 'Re: Pricing');
    await importMail({ source: 'eml', files: [first] }, alice.env());
    await importMail({ source: 'eml', files: [reply] }, bob.env());
    expect(conversations(alice)).toEqual([expect.stringMatching(/^2025\/pricing-\w+\.md$/)]);
    expect(conversations(bob)).toEqual([expect.stringMatching(/^2026\/pricing-\w+\.md$/)]);
    const [older, newer] = [conversations(alice)[0], conversations(bob)[0]];
    await sync({}, alice.env());
    const r = await sync({}, bob.env());
    expect(r.unified).toEqual([{ into: `conversations/${older}`, from: [`conversations/${newer}`] }]);
    await sync({}, alice.env());
    expect(conversations(alice)).toEqual(conversations(bob));
    expect(conversations(alice)).toHaveLength(1);
    const text = alice.read(`conversations/${conversations(alice)[0]}`);
    expect(text.match(/^message-id: .*$/gm)).toEqual(['message-id: <m1@acme.example>', 'message-id: <m2@acme.example>']);
    expect((await check({}, alice.env())).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it('kith clone sets up the merge driver and says who you are on the team', async () => {
    const { url } = await team(['alice', 'bob']);
    const t = testEnv();
    writeFileSync(join(t.home, '.gitconfig'), '[user]\n\tname = Bob Stone\n\temail = bob@northwind.example\n');
    const r = await clone({ url, dir: 'mine' }, t.env);
    expect(r).toEqual({ root: join(t.dir, 'mine'), empty: false, handle: 'bob', records: 3 });
    expect(t.out()).toBe(
      `Cloned Northwind into ${join(t.dir, 'mine')}: 3 records, you are @bob\nKeep in step with the team: cd mine && kith sync (from cron: */10 * * * * cd ${join(t.dir, 'mine')} && kith sync)\n`,
    );
    expect(t.err()).toBe('');
    const stranger = testEnv();
    writeFileSync(join(stranger.home, '.gitconfig'), '[user]\n\tname = Eve\n\temail = eve@elsewhere.example\n');
    await clone({ url }, stranger.env);
    expect(stranger.err()).toBe(
      'warning: your git e-mail eve@elsewhere.example is not one of the team\'s members in kith.yaml\nhint: add yourself under members: in kith.yaml ({handle: ..., name: Eve, emails: [eve@elsewhere.example]}), then kith sync\n',
    );
  });
});
