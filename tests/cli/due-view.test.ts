// The day's due list kept in .kith/cache/views: `kith due` asked twice reads one file, and any
// way a record file, kith.yaml, the day or the zone moves gives the answer the files give alone.
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRepo, type Sandbox } from '../helpers/cli.js';

const VIEW = '.kith/cache/views/due.json';
// the day's whole list as `due --json` printed it
const PRINTED = '.kith/cache/views/due-json.txt';
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
  expect(due(s, ['--all'])).toContain('reply to Jane Doe');
  const dir = join(s.dir, '.kith/cache/views');
  expect(readdirSync(dir).sort()).toEqual(['due-json.txt', 'due.json']);
  for (const name of readdirSync(dir)) {
    const file = join(dir, name);
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll('reply to Jane Doe', 'reply to Wrong Name'));
  }
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
  ])('is worked out again after %s', (_what, move) => {
    const s = lying();
    move(s);
    const got = due(s, ['--all']);
    expect(got).not.toContain('Wrong Name');
    expect(got).toBe(truth(s, ['--all']));
  });

  it.each<[string, string, (s: Sandbox, file: string) => void]>(
    [VIEW, PRINTED].flatMap((file) => [
      [file, 'corrupt', (s: Sandbox) => writeFileSync(join(s.dir, file), '{"format": 1, "value": [')],
      [file, 'empty', (s: Sandbox) => writeFileSync(join(s.dir, file), '')],
      [file, 'cut short', (s: Sandbox) => edit(s, file, /.{40}$/s, '')],
      [file, 'from another format', (s: Sandbox) => edit(s, file, /"format":\d+/, '"format":999')],
      [file, 'from another Kith version', (s: Sandbox) => edit(s, file, /"kith":"[^"]*"/, '"kith":"0.0.0-old"')],
    ]),
  )('is worked out again when %s is %s (the other kept file gone)', (file, _what, spoil) => {
    const s = lying();
    rmSync(join(s.dir, file === VIEW ? PRINTED : VIEW));
    spoil(s, file);
    const got = due(s, ['--all']);
    expect(got).not.toContain('Wrong Name');
    expect(got).toBe(truth(s, ['--all']));
  });

  it('is printed as kept with only the time of asking new, and kept apart for each horizon', () => {
    const s = lying();
    const later = due(s, ['--all'], { KITH_NOW: '2026-11-25T17:30:00+01:00' });
    expect(JSON.parse(later).now).toBe('2026-11-25T16:30:00.000Z');
    expect(later).toContain('reply to Wrong Name');
    // another horizon is printed again from the kept list, the same as from the files
    rmSync(join(s.dir, PRINTED));
    const near = due(s, ['--within', '1d']);
    expect(near).toBe(truth(s, ['--within', '1d']).replaceAll('Jane Doe', 'Wrong Name'));
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

  it('is printed safe even when the kept file would drive the terminal', () => {
    const s = lying();
    rmSync(join(s.dir, VIEW));
    const file = join(s.dir, PRINTED);
    const [head, ...rest] = readFileSync(file, 'utf8').split('\n');
    const body = rest.join('\n').replace('Wrong Name', 'Wrong\u001b]52;c;cm0gLXJmIH4=\u0007\u009b2J Name');
    const length = Buffer.byteLength(body);
    writeFileSync(file, `${head!.replace(/"length":\d+/, `"length":${length}`)}\n${body}`);
    const got = due(s, ['--all']);
    expect(got).toContain('reply to Wrong Name');
    expect(got).not.toMatch(/[\u001b\u0007\u009b]/);
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
