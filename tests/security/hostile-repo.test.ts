// A teammate's repository is untrusted input: links, a committed .kith/, broken files and
// odd front matter never make kith touch a file outside the repository, commit one it did
// not mean to, or lose a byte of what is there.
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commitAll, elsewhere, janeConversation, kith, mail, put, teamRepo } from './hostile.js';

describe('a hostile repository', { timeout: 180_000 }, () => {
  it('never reads a record through a link: show, set, rename and log refuse it, check names it', () => {
    const s = teamRepo();
    const secret = join(elsewhere(), 'salaries.txt');
    writeFileSync(secret, '---\nid: c-secret000001\nname: Confidential salaries\n---\nCEO: 1,000,000\n');
    symlinkSync(secret, join(s.dir, 'contacts/secret.md'));
    commitAll(s);
    const head = s.git(['rev-parse', 'HEAD']);
    const show = kith(s, ['show', 'contacts/secret.md']);
    expect(show.stdout).not.toContain('1,000,000');
    expect(show.code).not.toBe(0);
    for (const args of [
      ['set', 'contacts/secret.md', 'title=x'],
      ['rename', 'contacts/secret.md', 'Other'],
      ['log', 'contacts/secret.md', 'hello'],
    ]) {
      const r = kith(s, args);
      expect(r.code, args.join(' ')).not.toBe(0);
    }
    expect(s.git(['rev-parse', 'HEAD'])).toBe(head);
    expect(s.git(['log', '-p', '--all'])).not.toContain('1,000,000');
    expect(lstatSync(join(s.dir, 'contacts/secret.md')).isSymbolicLink()).toBe(true);
    const check = kith(s, ['check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/^contacts\/secret\.md:1:1: a symbolic link, not a regular file/m);
  });

  it('never writes through a committed folder link: log into conversations/2026 -> elsewhere is refused', () => {
    const s = teamRepo();
    const outside = elsewhere();
    mkdirSync(join(s.dir, 'conversations'), { recursive: true });
    symlinkSync(outside, join(s.dir, 'conversations/2026'));
    commitAll(s);
    const head = s.git(['rev-parse', 'HEAD']);
    for (const args of [
      ['log', 'jane', 'call: wants SSO pricing'],
      ['log', 'jane', 'call: again', '--new'],
    ]) {
      const r = kith(s, args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/conversations\/2026.*a symbolic link/);
    }
    expect(readdirSync(outside)).toEqual([]);
    expect(s.git(['rev-parse', 'HEAD'])).toBe(head);
    expect(kith(s, ['check']).stdout).toMatch(/^conversations\/2026:1:1: a symbolic link/m);
  });

  it('refuses a .kith that is a link: the lock, journal and cursors never land elsewhere', () => {
    const s = teamRepo();
    const outside = elsewhere();
    rmSync(join(s.dir, '.kith'), { recursive: true, force: true });
    symlinkSync(outside, join(s.dir, '.kith'));
    for (const args of [
      ['log', 'jane', 'hello'],
      ['import', 'eml', '-'],
    ]) {
      const r = kith(s, args, { input: mail({ from: 'Jane Doe <jane@acme.example>', id: '<a1@acme.example>' }) });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toContain('.kith is a symbolic link');
    }
    expect(readdirSync(outside)).toEqual([]);
  });

  it("refuses a committed .kith: a teammate's journal never makes kith commit a private file", () => {
    const s = teamRepo();
    put(
      s,
      '.kith/journal.json',
      JSON.stringify({
        version: 1,
        action: 'log',
        pid: 1,
        head: null,
        files: [{ path: 'my-private-notes.txt', backup: null, index: null, after: null }],
      }),
    );
    commitAll(s);
    put(s, 'my-private-notes.txt', 'my bank PIN is 1234\n');
    for (const args of [
      ['log', 'jane', 'hello'],
      ['import', 'eml', '-'],
    ]) {
      const r = kith(s, args, { input: mail({ from: 'Jane Doe <jane@acme.example>', id: '<a2@acme.example>' }) });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toContain('.kith/journal.json is tracked by git');
    }
    expect(s.git(['log', '--all', '--format=%H', '--', 'my-private-notes.txt'])).toBe('');
    expect(readFileSync(join(s.dir, 'my-private-notes.txt'), 'utf8')).toBe('my bank PIN is 1234\n');
  });

  it('refuses a journal naming anything but records, even one that is not committed', () => {
    const s = teamRepo();
    put(s, 'my-private-notes.txt', 'private\n');
    put(
      s,
      '.kith/journal.json',
      JSON.stringify({
        version: 1,
        action: 'log',
        pid: 1,
        head: null,
        files: [{ path: 'my-private-notes.txt', backup: null, index: null, after: null }],
      }),
    );
    const r = kith(s, ['log', 'jane', 'hello']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('.kith/journal.json cannot be read: not a journal kith wrote');
    expect(readFileSync(join(s.dir, 'my-private-notes.txt'), 'utf8')).toBe('private\n');
    expect(s.git(['log', '--all', '--format=%H', '--', 'my-private-notes.txt'])).toBe('');
  });

  it('writes past committed links at temporary-file names: the record stays a regular file, the target untouched', () => {
    const s = teamRepo();
    const victim = join(elsewhere(), 'bashrc');
    writeFileSync(victim, 'alias ls=ls\n');
    for (const name of [
      '.jane-doe.md.tmp',
      `.jane-doe.md.${process.pid}.tmp`,
      '.jane-doe.md.1.tmp',
      '.jane-doe.md.deadbeef0000.tmp',
    ])
      symlinkSync(victim, join(s.dir, 'contacts', name));
    commitAll(s);
    const r = kith(s, ['set', 'jane', 'title=VP Engineering']);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('alias ls=ls\n');
    expect(lstatSync(join(s.dir, 'contacts/jane-doe.md')).isFile()).toBe(true);
    expect(s.git(['ls-tree', 'HEAD', 'contacts/jane-doe.md'])).toMatch(/^100644 blob/);
    expect(readFileSync(join(s.dir, 'contacts/jane-doe.md'), 'utf8')).toContain('title: VP Engineering');
  });

  it('reports temporary files a killed write left behind, and the next write removes them', () => {
    const s = teamRepo();
    put(s, 'contacts/.jane-doe.md.0a1b2c3d4e5f.tmp', '---\nid: half\n');
    const check = kith(s, ['check']);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(
      'contacts/.jane-doe.md.0a1b2c3d4e5f.tmp:1:1: warning: a temporary file an interrupted write left behind',
    );
    expect(kith(s, ['log', 'jane', 'hello']).code).toBe(0);
    expect(existsSync(join(s.dir, 'contacts/.jane-doe.md.0a1b2c3d4e5f.tmp'))).toBe(false);
  });

  it('removes a killed write\'s temporary file that git ignores, however settled the rest is', () => {
    const s = teamRepo();
    writeFileSync(join(s.dir, '.gitignore'), '.kith/\n*.tmp\n');
    commitAll(s);
    expect(kith(s, ['ls', 'contacts']).code).toBe(0);
    put(s, 'conversations/.half.md.0a1b2c3d4e5f.tmp', '---\nid: half\n');
    expect(kith(s, ['log', 'jane', 'hello']).code).toBe(0);
    expect(existsSync(join(s.dir, 'conversations/.half.md.0a1b2c3d4e5f.tmp'))).toBe(false);
    expect(kith(s, ['check']).stdout).not.toContain('temporary');
  });

  it('import never writes over a conversation it could not read: it stops naming the file', () => {
    const s = teamRepo();
    const first = mail({
      from: 'Jane Doe <jane@acme.example>',
      subject: 'Renewal terms',
      id: '<renewal-1@acme.example>',
    });
    expect(kith(s, ['import', 'eml', '-'], { input: first }).code).toBe(0);
    const [name] = readdirSync(join(s.dir, 'conversations/2026'));
    const path = `conversations/2026/${name}`;
    expect(kith(s, ['log', path, 'call: talked terms', '--next', 'friday']).code).toBe(0);
    // a teammate's hand edit breaks the front matter (an unquoted colon)
    const broken = readFileSync(join(s.dir, path), 'utf8').replace(
      'subject: Renewal terms',
      'subject: Renewal terms: v2',
    );
    put(s, path, broken);
    commitAll(s);
    const head = s.git(['rev-parse', 'HEAD']);
    const reply = mail({
      from: 'Jane Doe <jane@acme.example>',
      subject: 'Re: Renewal terms',
      id: '<renewal-2@acme.example>',
      replyTo: '<renewal-1@acme.example>',
      date: 'Wed, 11 Nov 2026 10:00:00 +0100',
    });
    const r = kith(s, ['import', 'eml', '-'], { input: reply });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${path} cannot be read`);
    expect(readFileSync(join(s.dir, path), 'utf8')).toBe(broken);
    expect(s.git(['rev-parse', 'HEAD'])).toBe(head);
    expect(kith(s, ['check']).stdout).toContain(path);
  });

  it('import never writes over a contact it could not read: it stops naming the file', () => {
    const s = teamRepo();
    const broken = readFileSync(join(s.dir, 'contacts/jane-doe.md'), 'utf8').replace('title: CTO', 'title: CTO: EMEA');
    put(s, 'contacts/jane-doe.md', broken);
    commitAll(s);
    const r = kith(s, ['import', 'eml', '-'], {
      input: mail({ from: 'Jane Doe <jane@acme.example>', id: '<c1@acme.example>' }),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('contacts/jane-doe.md cannot be read');
    expect(readFileSync(join(s.dir, 'contacts/jane-doe.md'), 'utf8')).toBe(broken);
  });

  it('due names a conversation it cannot read instead of saying all is well, and log refuses to start a -2 file', () => {
    const s = teamRepo();
    expect(kith(s, ['log', 'jane', 'call: pricing', '--next', '2026-11-20', '--past']).code).toBe(0);
    const [name] = readdirSync(join(s.dir, 'conversations/2026'));
    const path = `conversations/2026/${name}`;
    writeFileSync(join(s.dir, path), readFileSync(join(s.dir, path), 'utf8').replace(/^turn: .*$/m, 'turn: [us'));
    commitAll(s);
    for (const args of [['due'], ['due', '--cron']]) {
      const r = kith(s, args);
      expect(`${r.stdout}${r.stderr}`, args.join(' ')).toContain(path);
    }
    const log = kith(s, ['log', 'jane', 'call: again']);
    expect(log.code).toBe(1);
    expect(log.stderr).toContain(`${path} cannot be read`);
    expect(readdirSync(join(s.dir, 'conversations/2026'))).toEqual([name]);
  });

  it('refuses front matter in any language but YAML, built-in object names included', () => {
    const s = teamRepo();
    for (const lang of [
      'constructor',
      'toString',
      'js',
      'javascript',
      'JSON',
      'coffee',
      'hasOwnProperty',
      '__proto__',
    ]) {
      put(s, `contacts/lang-${lang.toLowerCase()}.md`, `---${lang}\nid: c-lang\nname: Lang\n---\n`);
    }
    put(s, 'contacts/run.md', '---js\n{ id: require("fs").writeFileSync("/tmp/kith-pwned", "x") }\n---\n');
    const r = kith(s, ['check']);
    expect(r.code).toBe(1);
    for (const lang of ['constructor', 'toString', 'js', 'javascript', 'JSON', 'coffee', 'hasOwnProperty', '__proto__'])
      expect(r.stdout).toMatch(
        new RegExp(`^contacts/lang-${lang.toLowerCase()}\\.md:1:1: front matter in "${lang}" is not allowed`, 'm'),
      );
    expect(existsSync('/tmp/kith-pwned')).toBe(false);
  });

  it('keeps what already holds: __proto__ and constructor keys do nothing, hostile YAML fails fast with file:line:col', () => {
    const s = teamRepo();
    put(
      s,
      'contacts/proto.md',
      '---\nid: c-proto\nname: Proto\n__proto__: {isAdmin: true}\nconstructor: {prototype: {polluted: true}}\n---\n',
    );
    put(
      s,
      'contacts/bomb.md',
      '---\nid: c-bomb\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nname: Bomb\n---\n',
    );
    put(s, 'contacts/tab.md', '---\nid: c-tab\nname: "unclosed\n---\n');
    const r = kith(s, ['check'], { timeout: 10_000 });
    expect(r.hung).toBe(false);
    expect(r.stdout).toMatch(/^contacts\/bomb\.md:\d+:\d+: /m);
    expect(r.stdout).toMatch(/^contacts\/tab\.md:\d+:\d+: /m);
    const proto = JSON.parse(kith(s, ['show', 'proto', '--json']).stdout);
    expect(proto.name).toBe('Proto');
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});
