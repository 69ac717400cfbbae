// The keys line at the head of each shard file: what resolving a reference and checking a change
// read of every record (path, id, name, e-mails, domains), so neither parses every excerpt. Used
// while git vouches for the cache; a line that cannot be read or does not fit is never trusted.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRepo, type Sandbox } from '../helpers/cli.js';

const CACHE = '.kith/cache';

function ok(s: Sandbox, args: string[]): string {
  const r = s.kith(args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

/** A repository whose cache git vouches for as a whole (after kith's own commit and a read). */
function vouched(): Sandbox {
  const s = seededRepo();
  ok(s, ['log', 'jane', 'call: wants SSO pricing']);
  ok(s, ['ls', 'deals']);
  return s;
}

const file = (s: Sandbox, shard: string) => join(s.dir, CACHE, `${shard}.json`);

function keysLine(s: Sandbox, shard: string): Record<string, unknown> {
  const text = readFileSync(file(s, shard), 'utf8');
  return JSON.parse(text.slice(0, text.indexOf('\n')));
}

/** Rewrites a shard file's keys line, leaving the shard after it as it is. */
function setKeysLine(s: Sandbox, shard: string, line: string): void {
  const text = readFileSync(file(s, shard), 'utf8');
  writeFileSync(file(s, shard), `${line}${text.slice(text.indexOf('\n'))}`);
}

function changeKeys(s: Sandbox, shard: string, change: (keys: Record<string, unknown[]>) => void): void {
  const line = keysLine(s, shard) as { keys: Record<string, unknown[]> };
  change(line.keys);
  setKeysLine(s, shard, JSON.stringify(line));
}

function refused(s: Sandbox, args: string[], message: string): void {
  const before = s.git(['rev-parse', 'HEAD']);
  const r = s.kith(args);
  expect(r.code).toBe(1);
  expect(r.stderr).toContain('the result would not be valid');
  expect(r.stderr).toContain(message);
  expect(s.git(['rev-parse', 'HEAD'])).toBe(before);
}

describe('the keys line of a shard file', { timeout: 120_000 }, () => {
  it('holds each record’s id, name, e-mails and domains, of the same format, Kith and kith.yaml as the shard', () => {
    const s = vouched();
    const contacts = keysLine(s, 'contacts') as { format: number; keys: Record<string, unknown[]> };
    const jane = contacts.keys['contacts/jane-doe.md']!;
    expect(jane.slice(1)).toEqual(['Jane Doe', ['jane@acme.example']]);
    expect(jane[0]).toMatch(/^c-/);
    expect((keysLine(s, 'orgs') as { keys: Record<string, unknown[]> }).keys['orgs/acme.md']!.slice(1)).toEqual([
      'Acme',
      [],
      ['acme.example'],
    ]);
    const shard = readFileSync(file(s, 'contacts'), 'utf8');
    const after = JSON.parse(shard.slice(shard.indexOf('\n') + 1));
    for (const k of ['format', 'kith', 'settings']) expect((contacts as Record<string, unknown>)[k]).toBe(after[k]);
    expect((keysLine(s, 'conversations-2026') as { keys: object }).keys).not.toEqual({});
  });

  it('is what references resolve against while git vouches for the cache', () => {
    const s = vouched();
    changeKeys(s, 'orgs', (keys) => (keys['orgs/acme.md']![1] = 'Keyed Name'));
    rmSync(join(s.dir, CACHE, 'views'), { recursive: true });
    // the name only the keys line holds finds the org; what is shown is read from the record
    expect(ok(s, ['ls', 'contacts', '--org', 'keyed'])).toContain('Jane Doe');
    expect(ok(s, ['show', 'keyed name'])).toContain('Acme');
  });

  it('is what a change is checked against: an e-mail only the keys line gives someone is refused', () => {
    const s = vouched();
    changeKeys(s, 'contacts', (keys) => keys['contacts/john-roe.md']!.splice(2, 1, ['ghost@acme.example']));
    refused(s, ['set', 'jane', 'emails=[ghost@acme.example]'], 'e-mail ghost@acme.example also belongs to');
  });

  it.each<[string, (s: Sandbox) => void]>([
    ['not JSON', (s) => setKeysLine(s, 'contacts', '{"format":')],
    ['empty', (s) => setKeysLine(s, 'contacts', '')],
    ['of another format', (s) => setKeysLine(s, 'contacts', JSON.stringify({ ...keysLine(s, 'contacts'), format: 1 }))],
    [
      'of another Kith',
      (s) => setKeysLine(s, 'contacts', JSON.stringify({ ...keysLine(s, 'contacts'), kith: '0.0.1' })),
    ],
    [
      'with keys that are not lists',
      (s) => setKeysLine(s, 'contacts', JSON.stringify({ ...keysLine(s, 'contacts'), keys: [3] })),
    ],
    [
      'with a name that is not text',
      (s) => changeKeys(s, 'contacts', (keys) => (keys['contacts/jane-doe.md']![1] = 7)),
    ],
    [
      'with e-mails that are not text',
      (s) => changeKeys(s, 'contacts', (keys) => (keys['contacts/jane-doe.md']![2] = [1])),
    ],
    [
      'naming a file of another folder',
      (s) => changeKeys(s, 'contacts', (keys) => (keys['orgs/ghost.md'] = ['o-ghost', 'Keyed Ghost'])),
    ],
    [
      'naming a file that is no record',
      (s) => changeKeys(s, 'contacts', (keys) => (keys['contacts/ghost.txt'] = ['c-ghost', 'Keyed Ghost'])),
    ],
  ])('is not trusted when it is %s: the records are read instead', (_what, spoil) => {
    const s = vouched();
    spoil(s);
    rmSync(join(s.dir, CACHE, 'views'), { recursive: true });
    expect(ok(s, ['show', 'jane@acme.example'])).toContain('Jane Doe');
    expect(s.kith(['show', 'keyed ghost']).code).toBe(2);
    refused(
      s,
      ['set', 'john', 'emails=[jane@acme.example]'],
      'e-mail jane@acme.example also belongs to contacts/jane-doe.md',
    );
    expect(ok(s, ['log', 'john', 'call: fine'])).toContain('john-roe');
  });

  it('leaves every check of a change in force: ids, e-mails, domains, references', () => {
    const s = vouched();
    refused(
      s,
      ['set', 'john', 'emails=[jane@acme.example]'],
      'e-mail jane@acme.example also belongs to contacts/jane-doe.md',
    );
    refused(
      s,
      ['add', 'org', 'Acme Again', '--domain', 'acme.example'],
      'domain acme.example also belongs to orgs/acme.md',
    );
    refused(s, ['set', 'jane', 'org=nonexistent'], 'org refers to org "nonexistent", which does not exist');
    const jane = readFileSync(join(s.dir, 'contacts/jane-doe.md'), 'utf8');
    const id = /^id: (\S+)$/m.exec(jane)![1]!;
    // an editor that gives John Jane's id
    const editor = join(s.home, 'same-id.sh');
    writeFileSync(editor, `#!/bin/sh\nsed -i "s/^id: .*/id: ${id}/" "$1"\n`, { mode: 0o755 });
    const r = s.kith(['edit', 'john'], { env: { EDITOR: editor } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`duplicate id ${id}: contacts/jane-doe.md has it too`);
    // and what is valid still lands, the keys following it
    ok(s, ['set', 'john', 'emails=[john@acme.example, jr@acme.example]']);
    expect((keysLine(s, 'contacts') as { keys: Record<string, unknown[]> }).keys['contacts/john-roe.md']![2]).toEqual([
      'john@acme.example',
      'jr@acme.example',
    ]);
    expect(ok(s, ['show', 'jr@acme.example'])).toContain('John Roe');
  });
});

describe('finding the open conversation with someone from the keys', { timeout: 120_000 }, () => {
  const conversationKeys = (s: Sandbox) =>
    (keysLine(s, 'conversations-2026') as { keys: Record<string, unknown[]> }).keys;

  it('keeps whom and what each conversation is with, and whether it is open', () => {
    const s = vouched();
    const [path, key] = Object.entries(conversationKeys(s))[0]!;
    expect(path).toMatch(/^conversations\/2026\/jane-doe-/);
    expect(key.slice(1)).toEqual(['Jane Doe', [], [], ['jane-doe'], 'acme', 'acme-sso-rollout', 1]);
    ok(s, ['close', 'jane']);
    expect(conversationKeys(s)[path]!.at(-1)).toBe(0);
  });

  it('logs, promises, snoozes and closes in the open one, by contact, org or deal; a closed one is left', () => {
    const s = vouched();
    const first = ok(s, ['log', 'jane', 'call: a quote']);
    expect(first).toMatch(/^logged call in conversations\/2026\/jane-doe-/);
    const path = /in (\S+):/.exec(first)![1]!;
    expect(ok(s, ['log', 'acme', 'note: by the org'])).toContain(`in ${path}:`);
    expect(ok(s, ['log', 'acme-sso-rollout', 'note: by the deal'])).toContain(`in ${path}:`);
    expect(ok(s, ['promise', 'jane', 'send the quote', '--by', 'friday'])).toContain(path);
    expect(ok(s, ['snooze', 'jane', 'monday'])).toContain(path);
    expect(ok(s, ['close', 'jane', '--keep-promises'])).toContain(path);
    expect(ok(s, ['log', 'jane', 'call: again'])).toMatch(/^logged call in new conversation/);
    // two open: refused with the list, as from the files
    ok(s, ['log', 'jane', 'call: another thread', '--new']);
    const r = s.kith(['log', 'acme', 'note: which one?']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('acme has 2 open conversations');
    const text = readFileSync(join(s.dir, path), 'utf8');
    expect(text).toContain('by the org');
    expect(text).toContain('by the deal');
    expect(text).toContain('send the quote');
  });

  it('reads whom a conversation is with from the keys line while git vouches for the cache', () => {
    const s = vouched();
    // the line says Jane's conversation is closed: a new one is started (fails if the keys are not read)
    changeKeys(s, 'conversations-2026', (keys) => {
      for (const key of Object.values(keys)) key[7] = 0;
    });
    expect(ok(s, ['log', 'jane', 'call: again'])).toMatch(/^logged call in new conversation/);
  });

  it.each<[string, (key: unknown[]) => void]>([
    ['participants that are not a list', (key) => (key[4] = 'someone-else')],
    ['an open flag that is neither 0 nor 1', (key) => (key[7] = '1')],
    ['no links at all', (key) => key.splice(4)],
  ])('is not trusted with %s: the records are read instead', (_what, spoil) => {
    const s = vouched();
    changeKeys(s, 'conversations-2026', (keys) => {
      for (const key of Object.values(keys)) spoil(key);
    });
    expect(ok(s, ['log', 'jane', 'call: a quote'])).toMatch(/^logged call in conversations\/2026\/jane-doe-/);
  });
});
