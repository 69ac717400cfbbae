import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRepo } from '../helpers/cli.js';

describe('output a person reads', () => {
  const s = seededRepo();

  it('says "1 day", not "1 days"', () => {
    const r = s.kith(['due', '--within', '1d']);
    expect(r.stdout).toBe('Nothing due in the next 1 day. Every conversation is where it should be.\n');
  });

  it('counts the problems it does not show: "(and 4 more problems)"', () => {
    for (const n of [1, 2, 3, 4, 5, 6, 7])
      writeFileSync(join(s.dir, `contacts/broken-${n}.md`), '---\nname: [unclosed\n---\n');
    const r = s.kith(['ls', 'contacts']);
    expect(r.stderr).toContain('warning: 7 files with problems (and 4 more problems); the rest is used as is.');
    for (const n of [1, 2, 3, 4, 5, 6, 7]) s.git(['clean', '-qf', `contacts/broken-${n}.md`]);
  });

  it('refuses output formats that cannot be combined', () => {
    const r = s.kith(['due', '--ics', '--json']);
    expect([r.code, r.stderr]).toEqual([2, 'kith: --json and --ics cannot be combined\nhint: choose one output\n']);
  });

  it('does not cut table cells when the output is not a terminal', () => {
    const long = 'Chief Executive Officer and Head of Strategic Partnerships for Europe, the Middle East and Africa';
    expect(s.kith(['set', 'jane', `title=${long}`]).code).toBe(0);
    expect(s.kith(['ls', 'contacts'], { env: { COLUMNS: '40' } }).stdout).toContain(long);
  });

  it('shows whom a contact referred and their open promises both ways', () => {
    expect(s.kith(['add', 'contact', 'Rick Ref', '--referred-by', 'jane']).code).toBe(0);
    expect(s.kith(['log', 'jane', 'call: pricing']).code).toBe(0);
    expect(s.kith(['promise', 'jane', 'send the quote', '--by', 'friday']).code).toBe(0);
    expect(s.kith(['promise', 'jane', 'legal review', '--by', '2026-12-10', '--them']).code).toBe(0);
    const text = s.kith(['show', 'jane']).stdout;
    expect(text).toMatch(
      /Open promises\n {2}- 2026-11-27 {2}we promised: send the quote .*\n {2}- 2026-12-10 {2}they promised: legal review/,
    );
    expect(text).toMatch(/Referred\n {2}- Rick Ref {2}rick-ref/);
    const json = JSON.parse(s.kith(['show', 'jane', '--json']).stdout);
    expect(json.referred).toEqual({ contacts: ['rick-ref'], deals: [] });
    expect(json.open_promises.map((p: { what: string; from: string }) => [p.what, p.from])).toEqual([
      ['send the quote', 'us'],
      ['legal review', 'them'],
    ]);
  });
});
