import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox, seededRepo } from '../helpers/cli.js';

const read = (dir: string, path: string) => readFileSync(join(dir, path), 'utf8');

describe('kith init', () => {
  it('creates the layout, the settings and a first commit', () => {
    const s = sandbox();
    const r = s.kith(['init', 'crm', '--name', 'Northwind', '--domain', 'northwind.example']);
    expect(r.code).toBe(0);
    const root = join(s.dir, 'crm');
    for (const p of [
      'kith.yaml',
      'README.md',
      '.gitignore',
      '.gitattributes',
      'contacts',
      'orgs',
      'deals',
      'conversations',
    ]) {
      expect(existsSync(join(root, p)), p).toBe(true);
    }
    const settings = read(root, 'kith.yaml');
    expect(settings).toContain('name: Northwind');
    expect(settings).toContain('domains: [northwind.example]');
    expect(settings).toContain('{name: negotiation, probability: 0.75}');
    expect(settings).toContain('handle: maya');
    expect(s.git(['log', '--format=%an|%s'], root).trim()).toBe('Maya Lindqvist|start the Northwind customer memory');
    expect(s.git(['status', '--porcelain'], root)).toBe('');
  });

  it('refuses a folder that is not empty and not a Kith repo', () => {
    const s = sandbox();
    writeFileSync(join(s.dir, 'notes.txt'), 'mine');
    const r = s.kith(['init', '.']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is not empty and not a Kith repository \(it has notes.txt\)/);
    expect(read(s.dir, 'notes.txt')).toBe('mine');
  });

  it('says how to start when run outside a repository', () => {
    const s = sandbox();
    const r = s.kith(['ls', 'contacts']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'kith: not inside a Kith repository (no kith.yaml here or above)\nhint: run `kith init` to make this folder one, or pass --repo DIR (or set KITH_REPO)\n',
    );
  });

  it('explains a missing git identity and writes nothing', () => {
    const s = sandbox({ identity: false });
    const r = s.kith(['init', 'crm'], { env: { GIT_AUTHOR_NAME: undefined } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('git does not know who you are');
    expect(existsSync(join(s.dir, 'crm', 'kith.yaml'))).toBe(false);
  });
});

describe('records', () => {
  it('adds, lists and shows records, as tables and JSON', () => {
    const s = seededRepo();
    const ls = s.kith(['ls', 'contacts']);
    expect(ls.stdout).toBe(
      [
        'SLUG      NAME      ORG   TITLE  OWNER  TAGS',
        'jane-doe  Jane Doe  acme  CTO           champion',
        'john-roe  John Roe  acme',
        '',
      ].join('\n'),
    );
    const json = JSON.parse(s.kith(['ls', 'deals', '--json']).stdout);
    expect(json).toMatchObject([
      {
        slug: 'acme-sso-rollout',
        org: 'acme',
        stage: 'lead',
        amount: 48000,
        currency: 'EUR',
        contacts: ['jane-doe'],
        history: [{ stage: 'lead', at: '2026-11-25' }],
      },
    ]);
    expect(json[0].id).toMatch(/^d-[0-9a-z]{12}$/);
    const card = JSON.parse(s.kith(['show', 'acme', '--json']).stdout);
    expect(card.people.map((p: { slug: string }) => p.slug)).toEqual(['jane-doe', 'john-roe']);
    expect(card.deals.map((d: { slug: string }) => d.slug)).toEqual(['acme-sso-rollout']);
    expect(s.kith(['ls', 'contacts', '--tag', 'champion', '--json']).stdout).toContain('jane-doe');
    expect(s.kith(['ls', 'contacts', '--tag', 'nobody', '--json']).stdout.trim()).toBe('[]');
  });

  it('files a contact under the org that owns their mail domain', () => {
    const s = seededRepo();
    expect(read(s.dir, 'contacts/john-roe.md')).toContain('org: acme');
  });

  it('resolves references by e-mail, domain, id and name fragment', () => {
    const s = seededRepo();
    expect(JSON.parse(s.kith(['show', 'JANE@acme.example', '--json']).stdout).slug).toBe('jane-doe');
    expect(JSON.parse(s.kith(['show', 'jane+crm@acme.example', '--json']).stdout).slug).toBe('jane-doe');
    expect(JSON.parse(s.kith(['show', 'acme.example', '--json']).stdout).slug).toBe('acme');
    expect(JSON.parse(s.kith(['show', 'roe', '--json']).stdout).slug).toBe('john-roe');
  });

  it('lists the candidates of an ambiguous reference and suggests near names', () => {
    const s = seededRepo();
    const many = s.kith(['show', 'o']);
    expect(many.code).toBe(2);
    expect(many.stderr).toMatch(/"o" matches \d+ records:/);
    const none = s.kith(['show', 'jnae-doe']);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('did you mean jane-doe?');
  });

  it('sets fields in place and commits exactly that file', () => {
    const s = seededRepo();
    writeFileSync(join(s.dir, 'scratch.txt'), 'not mine to commit');
    const r = s.kith(['set', 'jane', 'title=VP Engineering', 'cadence=90d', 'tags=[champion, vip]']);
    expect(r.code).toBe(0);
    const text = read(s.dir, 'contacts/jane-doe.md');
    expect(text).toContain('title: VP Engineering\n');
    expect(text).toContain('tags: [champion, vip]\n');
    expect(s.git(['show', '--stat', '--format=%B', 'HEAD'])).toContain(
      'set title, cadence, tags on Jane Doe\n\nKith-Action: set\nKith-Ref: contacts/jane-doe.md',
    );
    expect(s.git(['status', '--porcelain'])).toBe('?? scratch.txt\n');
  });

  it('refuses a set that would make the record invalid', () => {
    const s = seededRepo();
    const before = read(s.dir, 'deals/acme-sso-rollout.md');
    const r = s.kith(['set', 'acme-sso-rollout', 'close=2026-02-30']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('close must be a real date written YYYY-MM-DD, not "2026-02-30"');
    expect(read(s.dir, 'deals/acme-sso-rollout.md')).toBe(before);
  });

  it('renames a record and every reference to it', () => {
    const s = seededRepo();
    s.kith(['log', 'jane', 'call: intro']);
    const r = s.kith(['rename', 'jane-doe', 'Jane Smith']);
    expect(r.code).toBe(0);
    expect(existsSync(join(s.dir, 'contacts/jane-smith.md'))).toBe(true);
    expect(existsSync(join(s.dir, 'contacts/jane-doe.md'))).toBe(false);
    expect(read(s.dir, 'deals/acme-sso-rollout.md')).toContain('contacts: [jane-smith]');
    expect(s.kith(['check']).code).toBe(0);
    const org = s.kith(['rename', 'acme', 'Acme Industries']);
    expect(org.code).toBe(0);
    expect(read(s.dir, 'contacts/jane-smith.md')).toContain('org: acme-industries');
    expect(s.kith(['check']).code).toBe(0);
  });

  it('removes a record only when told to', () => {
    const s = seededRepo();
    const asked = s.kith(['rm', 'john-roe']);
    expect(asked.code).toBe(2);
    expect(existsSync(join(s.dir, 'contacts/john-roe.md'))).toBe(true);
    expect(s.kith(['rm', 'john-roe', '--yes']).code).toBe(0);
    expect(existsSync(join(s.dir, 'contacts/john-roe.md'))).toBe(false);
    expect(s.git(['log', '-1', '--format=%s'])).toBe('remove contact John Roe\n');
  });
});

describe('kith log', () => {
  it('starts a conversation, then appends to it, flipping whose turn it is', () => {
    const s = seededRepo();
    const first = s.kith(['log', 'jane', 'call: wants SSO pricing', '--next', '2026-11-27']);
    expect(first.stdout).toBe(
      'logged call in new conversation conversations/2026/jane-doe-2026-11-25.md: their turn, next by 2026-11-27\n',
    );
    const second = s.kith(['log', 'jane', 'note: she sounded keen']);
    expect(second.stdout).toContain(
      'logged note in conversations/2026/jane-doe-2026-11-25.md: their turn, next by 2026-11-27',
    );
    const show = JSON.parse(s.kith(['show', 'conversations/2026/jane-doe-2026-11-25.md', '--json']).stdout);
    expect(show).toMatchObject({
      participants: ['jane-doe'],
      org: 'acme',
      deal: 'acme-sso-rollout',
      turn: 'them',
      owner: 'maya',
    });
    expect(
      show.entries.map((e: { type: string; author: string; at: string; text: string }) => [
        e.type,
        e.author,
        e.at,
        e.text,
      ]),
    ).toEqual([
      ['call', '@maya', '2026-11-25T10:00+01:00', 'wants SSO pricing'],
      ['note', '@maya', '2026-11-25T10:00+01:00', 'she sounded keen'],
    ]);
    expect(s.git(['log', '-1', '--format=%B'])).toContain(
      'log note on Jane Doe\n\nKith-Action: log\nKith-Ref: conversations/2026/jane-doe-2026-11-25.md',
    );
  });

  it('reports a bad date by quoting it and changes nothing', () => {
    const s = seededRepo();
    const r = s.kith(['log', 'jane', 'hello', '--next', 'the twelfth of never']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"the twelfth of never"');
    expect(existsSync(join(s.dir, 'conversations/2026'))).toBe(false);
  });
});

describe('kith check and broken files', () => {
  it('passes on a fresh repository', () => {
    const s = seededRepo();
    const r = s.kith(['check']);
    expect(r.code).toBe(0);
    expect([r.stdout, r.stderr]).toEqual(['ok: 4 records checked\n', '']); // the answer asked for goes to stdout
  });

  it('reports every problem as path:line:col and keeps the other files usable', () => {
    const s = seededRepo();
    const put = (path: string, text: string | Buffer) => {
      mkdirSync(join(s.dir, path, '..'), { recursive: true });
      writeFileSync(join(s.dir, path), text);
    };
    put('contacts/broken-yaml.md', '---\nid: c-broken000001\nname: [unclosed\n---\n');
    put('contacts/evil.md', '---js\n{ id: require("fs").writeFileSync("/tmp/kith-pwned", "x") }\n---\n');
    put('contacts/dupe.md', '---\nid: c-dupe00000001\nname: A\nname: B\n---\n');
    put('contacts/bare.md', 'just some notes\n');
    put('contacts/latin1.md', Buffer.from('---\nid: c-latin0000001\nname: Ren\xe9\n---\n', 'latin1'));
    put('contacts/huge.md', `---\nid: c-huge00000001\nname: Huge\n---\n${'x'.repeat(10 * 1024 * 1024)}`);
    put(
      'deals/bad-stage.md',
      '---\nid: d-badstage0001\ntitle: Bad\nstage: negotating\norg: nowhere\nclose: 2026-02-30\nmystery: kept\n---\n',
    );
    put(
      'conversations/2026/messy.md',
      '---\nid: v-messy0000001\nsubject: Messy\nparticipants: [jane-doe]\nturn: us\n---\n\n## 2026-11-21 10:00 · note · @maya {#e-00000002}\n\nlater\n\n## 2026-11-20 10:00 · note · @maya {#e-00000001}\n\nearlier\n\n## 2026-02-30 · note · @maya {#e-00000003}\n',
    );
    const r = s.kith(['check']);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => /^\S+:\d+:\d+:/.test(l));
    expect(lines).toEqual([
      'contacts/bare.md:1:1: no front matter: a record starts with a line "---", its YAML fields, then "---"',
      'contacts/broken-yaml.md:3:16: Flow sequence in block collection must be sufficiently indented and end with a ]',
      'contacts/dupe.md:4:1: duplicate key: each key may appear once in a record',
      'contacts/evil.md:1:1: front matter in "js" is not allowed: only YAML is read, other languages are never run',
      'contacts/huge.md:1:1: file is too large to be a record (10.0 MB; the limit is 4 MB)',
      'contacts/latin1.md:3:10: not UTF-8 text: the file has a byte that is not valid UTF-8',
      'conversations/2026/messy.md:12:1: warning: entry e-00000001 (2026-11-20T10:00) comes before the entry above it',
      'conversations/2026/messy.md:16:4: impossible date "2026-02-30" in timeline entry',
      'deals/bad-stage.md:4:1: unknown stage "negotating"',
      'deals/bad-stage.md:5:1: org refers to org "nowhere", which does not exist',
      'deals/bad-stage.md:6:8: close must be a real date written YYYY-MM-DD, not "2026-02-30"',
    ]);
    expect(r.stdout).toContain('hint: one of lead, qualified, proposal, negotiation, won, lost');
    expect(r.stderr).toBe('kith: 10 problems in 8 files\n');
    expect(existsSync('/tmp/kith-pwned')).toBe(false);
    // other commands warn once and carry on with the readable files
    const ls = s.kith(['ls', 'contacts', '--json']);
    expect(ls.code).toBe(0);
    expect(JSON.parse(ls.stdout).map((c: { slug: string }) => c.slug)).toEqual(['jane-doe', 'john-roe']);
    expect(ls.stderr).toMatch(/warning: \d+ files with problems .*Run `kith check` for details\./s);
  });

  it('keeps unknown keys verbatim when a command rewrites the file', () => {
    const s = seededRepo();
    const path = join(s.dir, 'contacts/jane-doe.md');
    writeFileSync(
      path,
      readFileSync(path, 'utf8').replace('---\n', '---\n# hand comment\nfavourite_tool: "vim"   # really\n'),
    );
    s.git(['commit', '-qam', 'hand edit']);
    expect(s.kith(['set', 'jane', 'title=CEO']).code).toBe(0);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('# hand comment\nfavourite_tool: "vim"   # really\n');
  });
});

describe('kith edit', () => {
  const editor = (s: { home: string }, script: string) => {
    const path = join(s.home, 'editor.sh');
    writeFileSync(path, `#!/bin/sh\n${script}\n`);
    chmodSync(path, 0o755);
    return path;
  };

  it('saves and commits a valid edit', () => {
    const s = seededRepo();
    const ed = editor(s, 'sed -i "s/title: CTO/title: Chief Technology Officer/" "$1"');
    const r = s.kith(['edit', 'jane'], { env: { EDITOR: ed } });
    expect(r.code).toBe(0);
    expect(read(s.dir, 'contacts/jane-doe.md')).toContain('title: Chief Technology Officer');
    expect(s.git(['log', '-1', '--format=%s'])).toBe('edit contact Jane Doe\n');
  });

  it('leaves no copy of the record behind once it is saved, or when nothing changed', () => {
    const s = seededRepo();
    const tmp = mkdtempSync(join(s.home, 'tmp-'));
    const ed = editor(s, 'sed -i "s/title: CTO/title: CEO/" "$1"');
    expect(s.kith(['edit', 'jane'], { env: { EDITOR: ed, TMPDIR: tmp } }).code).toBe(0);
    expect(s.kith(['edit', 'jane'], { env: { EDITOR: 'true', TMPDIR: tmp } }).code).toBe(0);
    expect(readdirSync(tmp)).toEqual([]);
  });

  it('changes nothing when the editor fails', () => {
    const s = seededRepo();
    const before = read(s.dir, 'contacts/jane-doe.md');
    const r = s.kith(['edit', 'jane'], { env: { EDITOR: editor(s, 'echo garbage >> "$1"; exit 3') } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the editor exited with 3: contacts/jane-doe.md is unchanged');
    expect(read(s.dir, 'contacts/jane-doe.md')).toBe(before);
  });

  it('keeps invalid text aside instead of saving or losing it', () => {
    const s = seededRepo();
    const before = read(s.dir, 'contacts/jane-doe.md');
    const r = s.kith(['edit', 'jane'], {
      env: { EDITOR: editor(s, 'printf -- "---\\nname: [oops\\n---\\nmy precious notes\\n" > "$1"') },
    });
    expect(r.code).toBe(1);
    const kept = /your text is kept in (\S+)/.exec(r.stderr)?.[1];
    expect(kept && readFileSync(kept, 'utf8')).toContain('my precious notes');
    expect(read(s.dir, 'contacts/jane-doe.md')).toBe(before);
  });
});

describe('output hygiene', () => {
  it('strips terminal escapes from data before printing', () => {
    const s = seededRepo();
    const path = join(s.dir, 'contacts/jane-doe.md');
    writeFileSync(path, readFileSync(path, 'utf8').replace('title: CTO', 'title: "\\e]2;pwned\\a\\e[31mRED"'));
    const r = s.kith(['show', 'jane']);
    expect(r.stdout).not.toMatch(/\u001b/);
    expect(r.stdout).toContain('RED');
  });

  it('prints help that teaches, and exits 2 on a usage error', () => {
    const s = sandbox();
    const help = s.kith(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('kith log jane "call: wants SSO pricing" --next friday');
    const bad = s.kith(['lss']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown command 'lss'");
  });
});
