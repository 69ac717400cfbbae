import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRepo } from '../helpers/cli.js';

const show = (s: ReturnType<typeof seededRepo>, ref: string) => JSON.parse(s.kith(['show', ref, '--json']).stdout);
const CONV = 'conversations/2026/jane-doe-2026-11-25.md';

describe('promises and conversation state', () => {
  it('records promises both ways, keeps and breaks them', () => {
    const s = seededRepo();
    s.kith(['log', 'jane', 'call: pricing']);
    const ours = s.kith(['promise', 'jane', 'send the revised quote', '--by', '2026-11-27']);
    expect(ours.code).toBe(0);
    expect(ours.stdout).toMatch(
      /^you promised: send the revised quote by 2026-11-27 \(p-[0-9a-z]{8} in conversations\/2026\/jane-doe-2026-11-25.md\)\n$/,
    );
    const theirs = s.kith(['promise', 'jane', 'legal review', '--by', '2026-12-10', '--them']);
    expect(theirs.code).toBe(0);
    let v = show(s, CONV);
    expect(v.promises.map((p: Record<string, string>) => [p.from, p.who, p.what, p.due, p.state])).toEqual([
      ['us', '@maya', 'send the revised quote', '2026-11-27', 'open'],
      ['them', 'jane-doe', 'legal review', '2026-12-10', 'open'],
    ]);
    const ambiguous = s.kith(['done', 'jane']);
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('has 2 open promises');
    const id = v.promises[0].id;
    expect(s.kith(['done', id]).stdout).toBe(`kept: send the revised quote (${id})\n`);
    expect(s.kith(['done', id]).code).toBe(2);
    expect(s.kith(['done', 'jane', '--broken']).code).toBe(0);
    v = show(s, CONV);
    expect(v.promises.map((p: Record<string, string>) => [p.state, p.closed])).toEqual([
      ['kept', '2026-11-25'],
      ['broken', '2026-11-25'],
    ]);
    expect(s.git(['log', '-4', '--format=%s'])).toBe(
      'break promise: legal review\nkeep promise: send the revised quote\nnote promise by Jane Doe: legal review (by 2026-12-10)\npromise Jane Doe: send the revised quote (by 2026-11-27)\n',
    );
  });

  it('snoozes, closes and reopens a conversation', () => {
    const s = seededRepo();
    s.kith(['log', 'jane', 'call: pricing']);
    expect(s.kith(['snooze', 'jane', '2026-12-01']).code).toBe(0);
    expect(show(s, CONV)).toMatchObject({ next: '2026-12-01' });
    expect(s.kith(['close', 'jane', '--reason', 'went with a competitor']).code).toBe(0);
    expect(show(s, CONV)).toMatchObject({ turn: 'closed', next: null });
    expect(readFileSync(join(s.dir, CONV), 'utf8')).toContain('closed_reason: went with a competitor');
    expect(s.kith(['close', 'jane']).code).toBe(2);
    expect(s.kith(['reopen', 'jane']).code).toBe(0);
    expect(show(s, CONV)).toMatchObject({ turn: 'us', next: '2026-11-25' });
  });

  it('needs a conversation before a promise', () => {
    const s = seededRepo();
    const r = s.kith(['promise', 'john-roe', 'call back', '--by', '2026-11-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no open conversation with john-roe');
  });
});
