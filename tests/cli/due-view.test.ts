// The day's due list kept in .kith/cache/views: `kith due` asked twice reads one file, and any
// way a record file, kith.yaml, the day or the zone moves gives the answer the files give alone.
import { appendFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRepo, type Sandbox } from '../helpers/cli.js';

const VIEW = '.kith/cache/views/due.json';
const CONVERSATION = 'conversations/2026/jane-doe-2026-11-20.md';

function due(s: Sandbox, args: string[] = [], env: Record<string, string> = {}): string {
  const r = s.kith(['due', '--json', ...args], { env });
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return r.stdout;
}

/** A repository with a reply due, its list kept, and the kept list made to lie. */
function lying(): Sandbox {
  const s = seededRepo();
  expect(s.kith(['log', 'jane', 'Asked for pricing', '--turn', 'us', '--at', '2026-11-20 10:00']).code).toBe(0);
  expect(due(s)).toContain('reply to Jane Doe');
  const file = join(s.dir, VIEW);
  writeFileSync(file, readFileSync(file, 'utf8').replaceAll('reply to Jane Doe', 'reply to Wrong Name'));
  return s;
}

/** What the files alone say: no cache at all. */
function truth(s: Sandbox, args: string[] = [], env: Record<string, string> = {}): string {
  rmSync(join(s.dir, '.kith/cache'), { recursive: true, force: true });
  return due(s, args, env);
}

const edit = (s: Sandbox, path: string, from: string | RegExp, to: string) =>
  writeFileSync(join(s.dir, path), readFileSync(join(s.dir, path), 'utf8').replace(from, to));

describe('the kept due list', { timeout: 120_000 }, () => {
  it('is read while nothing moved, for every horizon and owner', () => {
    const s = lying();
    expect(due(s)).toContain('reply to Wrong Name');
    expect(due(s, ['--all'])).toContain('reply to Wrong Name');
    expect(due(s, ['--owner', 'maya'])).toContain('reply to Wrong Name');
    expect(s.git(['status', '--porcelain'])).toBe('');
  });

  it.each<[string, (s: Sandbox) => void]>([
    ['a record edited in place, not committed', (s) => edit(s, CONVERSATION, 'next: 2026-11-24', 'next: 2026-11-23')],
    ['a record edited in place to the same size', (s) => edit(s, CONVERSATION, 'Jane Doe\n', 'Jane Dox\n')],
    [
      'a commit made outside kith',
      (s) => {
        edit(s, CONVERSATION, 'next: 2026-11-24', 'next: 2026-11-21');
        s.git(['commit', '-qam', 'by hand']);
      },
    ],
    ['a checkout of an older commit', (s) => s.git(['checkout', '-q', 'HEAD~1'])],
    ['a reset', (s) => s.git(['reset', '-q', '--hard', 'HEAD~1'])],
    ['a record removed, not with git', (s) => rmSync(join(s.dir, CONVERSATION))],
    [
      'a new record nobody added to git',
      (s) => {
        mkdirSync(join(s.dir, 'conversations/2025'), { recursive: true });
        const text = readFileSync(join(s.dir, CONVERSATION), 'utf8').replace(/id: v-\w+/, 'id: v-untracked01');
        writeFileSync(join(s.dir, 'conversations/2025/jane-again.md'), text);
      },
    ],
    ['kith.yaml changed', (s) => appendFileSync(join(s.dir, 'kith.yaml'), '# changed\n')],
    ['a write by kith', (s) => expect(s.kith(['log', 'jane', 'Sent the pricing', '--turn', 'them']).code).toBe(0)],
    ['the kept file corrupt', (s) => writeFileSync(join(s.dir, VIEW), '{"format": 1, "value": [')],
    ['the kept file empty', (s) => writeFileSync(join(s.dir, VIEW), '')],
    ['the kept file from another format', (s) => edit(s, VIEW, '"format":1', '"format":999')],
    ['the kept file from another Kith version', (s) => edit(s, VIEW, /"kith":"[^"]*"/, '"kith":"0.0.0-old"')],
  ])('is worked out again after %s', (_what, move) => {
    const s = lying();
    move(s);
    const got = due(s, ['--all']);
    expect(got).not.toContain('Wrong Name');
    expect(got).toBe(truth(s, ['--all']));
  });

  it('is worked out again on another day and in another zone', () => {
    const s = lying();
    const tomorrow = { KITH_NOW: '2026-11-26T10:00:00+01:00' };
    expect(due(s, [], tomorrow)).not.toContain('Wrong Name');
    expect(due(s, [], tomorrow)).toBe(truth(s, [], tomorrow));
    const t = lying();
    const zone = { TZ: 'Pacific/Auckland' };
    expect(due(t, [], zone)).not.toContain('Wrong Name');
    expect(due(t, [], zone)).toBe(truth(t, [], zone));
  });

  it('is not read or written through a link', () => {
    const s = lying();
    const elsewhere = join(s.home, 'elsewhere');
    const lie = readFileSync(join(s.dir, VIEW), 'utf8');
    mkdirSync(elsewhere);
    rmSync(join(s.dir, '.kith/cache/views'), { recursive: true });
    symlinkSync(elsewhere, join(s.dir, '.kith/cache/views'));
    writeFileSync(join(elsewhere, 'due.json'), lie);
    expect(due(s)).toContain('reply to Jane Doe');
    expect(readFileSync(join(elsewhere, 'due.json'), 'utf8')).toBe(lie);
  });

  it('still warns about files that cannot be read, each time', () => {
    const s = lying();
    writeFileSync(join(s.dir, 'contacts/broken.md'), '---\nname: [unclosed\n---\n');
    s.git(['add', 'contacts/broken.md']);
    s.git(['commit', '-qm', 'broken']);
    for (let i = 0; i < 2; i++) {
      const r = s.kith(['due', '--json']);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('contacts/broken.md');
      expect(r.stdout).toContain('reply to Jane Doe');
    }
  });
});
