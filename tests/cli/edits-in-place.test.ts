// Every writing command edits in place: on hand-edited files full of comments and odd quoting,
// the commit changes exactly the lines of what the command changed, and nothing else.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRepo, type Sandbox } from '../helpers/cli.js';

const FIXTURES = new URL('../fixtures/records/', import.meta.url).pathname;
const CONVERSATION = 'conversations/2026/renewal-terms-v2.md';

function handEdited(): Sandbox {
  const s = seededRepo();
  mkdirSync(join(s.dir, 'conversations/2026'), { recursive: true });
  copyFileSync(join(FIXTURES, 'hand-edited-conversation.md'), join(s.dir, CONVERSATION));
  copyFileSync(join(FIXTURES, 'deal-with-history.md'), join(s.dir, 'deals/acme-sso-rollout.md'));
  s.git(['add', '-A']);
  s.git(['commit', '-qm', 'hand-edited files']);
  return s;
}

/** The lines the last commit removed (-) and added (+) in a file, in order. */
function changes(s: Sandbox, path: string): string[] {
  return s
    .git(['show', '--format=', '-U0', 'HEAD', '--', path])
    .split('\n')
    .filter((l) => /^[-+](?![-+]{2} )/.test(l));
}

const run = (s: Sandbox, args: string[]) => {
  const r = s.kith(args);
  expect(r.code, r.stderr).toBe(0);
};

describe('a command changes only what it changes', () => {
  it('done: the promise state line, and its closed date', () => {
    const s = handEdited();
    run(s, ['done', 'p-k3m9q2x7']);
    expect(changes(s, CONVERSATION)).toEqual(['-    state: open', '+    state: kept', '+    closed: 2026-11-25']);
  });

  it('snooze on a promise: its due line', () => {
    const s = handEdited();
    run(s, ['snooze', 'p-r8t2w5y1', '2026-12-20']);
    expect(changes(s, CONVERSATION)).toEqual(['-    due: 2026-12-10', '+    due: 2026-12-20']);
  });

  it('promise: the new item after the others, and nothing more', () => {
    const s = handEdited();
    run(s, ['promise', 'renewal-terms-v2', 'send the deck', '--by', '2026-12-04']);
    const lines = changes(s, CONVERSATION);
    expect(lines.every((l) => l.startsWith('+'))).toBe(true);
    expect(lines.map((l) => l.replace(/p-[0-9a-z]{8}/, 'p-ID'))).toEqual([
      '+  - id: p-ID',
      '+    from: us',
      '+    who: "@maya"',
      '+    what: send the deck',
      '+    due: 2026-12-04',
      '+    state: open',
      '+    made: 2026-11-25',
    ]);
  });

  it('move: the stage line and one history row', () => {
    const s = handEdited();
    run(s, ['move', 'acme-sso-rollout', 'negotiation']);
    expect(changes(s, 'deals/acme-sso-rollout.md')).toEqual([
      '-stage: proposal',
      '+stage: negotiation',
      '+  - {stage: negotiation, at: 2026-11-25}',
    ]);
  });

  it('rename: each reference in its own line, comments on the others kept', () => {
    const s = handEdited();
    run(s, ['rename', 'john-roe', 'John Smith']);
    expect(changes(s, CONVERSATION)).toEqual([
      '-  - john-roe',
      '+  - john-smith',
      '-    who: john-roe',
      '+    who: john-smith',
    ]);
  });

  it('close and reopen: whose turn and when, and the reason', () => {
    const s = handEdited();
    run(s, ['close', 'renewal-terms-v2', '--reason', 'signed elsewhere', '--keep-promises']);
    expect(changes(s, CONVERSATION)).toEqual([
      '-turn: them',
      '-next: 2026-11-30',
      '+turn: closed',
      '+closed_reason: signed elsewhere',
    ]);
    run(s, ['reopen', 'renewal-terms-v2']);
    expect(changes(s, CONVERSATION)).toEqual([
      '-turn: closed',
      '+turn: us',
      '-closed_reason: signed elsewhere',
      '+next: 2026-11-25',
    ]);
  });

  it('set: the one key, quoting of the others kept; key= removes only its line', () => {
    const s = handEdited();
    run(s, ['set', 'renewal-terms-v2', 'subject=Renewal: terms v3']);
    expect(changes(s, CONVERSATION)).toEqual(['-subject: "Renewal: terms v2"', '+subject: "Renewal: terms v3"']);
    run(s, ['set', 'renewal-terms-v2', 'deal=']);
    expect(changes(s, CONVERSATION)).toEqual(['-deal: acme-sso-rollout']);
  });

  it('log: a note adds its entry to the body and leaves the front matter alone', () => {
    const s = handEdited();
    run(s, ['log', 'renewal-terms-v2', 'note: legal is on it']);
    const lines = changes(s, CONVERSATION);
    expect(
      lines.filter(
        (l) => !/^\+(## 2026-11-25 10:00 \+01:00 · note · @maya \{#e-[0-9a-z]{8}\}|legal is on it|)$/.test(l),
      ),
    ).toEqual([]);
  });
});

describe('logged text is data', () => {
  it('a line that reads as an entry heading stays text: one entry, shown as typed', () => {
    const s = handEdited();
    const text = 'a\n## 2026-12-01 10:00 +01:00 · call · @maya {#e-fakefake}\n---\n<<<<<<< HEAD\nfake';
    run(s, ['log', 'renewal-terms-v2', `note: ${text}`]);
    const v = JSON.parse(s.kith(['show', 'renewal-terms-v2', '--json']).stdout);
    expect(v.entries.map((e: { id: string }) => e.id)).not.toContain('e-fakefake');
    expect(v.entries.at(-1).text).toBe(text);
    const check = s.kith(['check']);
    expect(check.stdout).not.toMatch(/renewal-terms-v2/);
  });

  it('a backdated entry goes where its date puts it, and check has nothing to say about the order', () => {
    const s = handEdited();
    run(s, ['log', 'renewal-terms-v2', 'call: the first call', '--at', '2026-11-19 09:00']);
    const v = JSON.parse(s.kith(['show', 'renewal-terms-v2', '--json']).stdout);
    expect(v.entries.map((e: { text: string }) => e.text)).toEqual([
      'the first call',
      'Wants SSO pricing for 3 years.',
    ]);
    expect(s.kith(['check']).stdout).not.toMatch(/comes before the entry above it/);
    const body = s.git(['show', 'HEAD:' + CONVERSATION]).split('\n');
    expect(body.indexOf('the first call')).toBeLessThan(body.indexOf('Wants SSO pricing for 3 years.'));
  });
});
