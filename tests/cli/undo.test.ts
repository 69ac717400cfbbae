// kith undo: your most recent kith change taken back as a new commit, never over later work.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRepo } from '../helpers/cli.js';

const ok = (r: { code: number; stderr: string }) => expect(r.code, r.stderr).toBe(0);

describe('kith undo', () => {
  it('takes back the last change as a new commit whose trailers say what was undone', () => {
    const s = seededRepo();
    const before = readFileSync(join(s.dir, 'contacts/jane-doe.md'), 'utf8');
    ok(s.kith(['set', 'jane', 'title=VP']));
    const set = s.git(['rev-parse', 'HEAD']).trim();
    const r = s.kith(['undo']);
    expect(r.stdout).toBe(`undid ${set.slice(0, 7)} (set title on Jane Doe): 1 file put back\n`);
    expect(readFileSync(join(s.dir, 'contacts/jane-doe.md'), 'utf8')).toBe(before);
    expect(s.git(['log', '-1', '--format=%B'])).toBe(
      `undo: set title on Jane Doe\n\nKith-Action: undo\nKith-Ref: contacts/jane-doe.md\nKith-Undoes: ${set}\n\n`,
    );
    expect(s.git(['status', '--porcelain'])).toBe('');
  });

  it('undoes a rename whole: the old file back, the new one gone, every reference back', () => {
    const s = seededRepo();
    ok(s.kith(['rename', 'jane', 'Janet Doe']));
    ok(s.kith(['undo']));
    expect(existsSync(join(s.dir, 'contacts/jane-doe.md'))).toBe(true);
    expect(existsSync(join(s.dir, 'contacts/janet-doe.md'))).toBe(false);
    expect(readFileSync(join(s.dir, 'deals/acme-sso-rollout.md'), 'utf8')).toContain('contacts: [jane-doe]');
    expect(s.kith(['check']).code).toBe(0);
  });

  it('goes further back each time, and lists what it can undo', () => {
    const s = seededRepo();
    ok(s.kith(['set', 'jane', 'title=VP']));
    ok(s.kith(['set', 'john', 'title=CFO']));
    const list = JSON.parse(s.kith(['undo', '--list', '--json']).stdout);
    expect(list.map((c: { summary: string }) => c.summary).slice(0, 3)).toEqual([
      'set title on John Roe',
      'set title on Jane Doe',
      'add deal Acme SSO rollout',
    ]);
    ok(s.kith(['undo']));
    ok(s.kith(['undo']));
    expect(s.git(['log', '-2', '--format=%s'])).toBe('undo: set title on Jane Doe\nundo: set title on John Roe\n');
  });

  it('refuses when a later commit changed the same files, and names it', () => {
    const s = seededRepo();
    ok(s.kith(['set', 'jane', 'title=VP']));
    const set = s.git(['rev-parse', '--short', 'HEAD']).trim();
    ok(s.kith(['set', 'jane', 'tags=[vip]']));
    const later = s.git(['rev-parse', '--short', 'HEAD']).trim();
    const head = s.git(['rev-parse', 'HEAD']);
    const r = s.kith(['undo', set]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `kith: not undoing ${set} (set title on Jane Doe): 1 later commit changed the same files:\n  ${later} set tags on Jane Doe\nhint: undo those first, newest first, or change the files by hand\n`,
    );
    expect(s.git(['rev-parse', 'HEAD'])).toBe(head);
  });

  it("leaves a teammate's change and other commits alone", () => {
    const s = seededRepo();
    s.git(['-c', 'user.email=tom@northwind.example', 'commit', '-q', '--allow-empty', '-m', 'hand commit']);
    const r = s.kith(['undo', s.git(['rev-parse', '--short', 'HEAD']).trim()]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^kith: cannot undo [0-9a-f]+: it was not made by kith\n/);
  });
});
