// One schema for every file Kith reads: what check rejects, a writing command refuses, naming
// the rule and quoting the value, at the YAML node's own file:line:col.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox, seededRepo, type Sandbox } from '../helpers/cli.js';

const settings = (s: Sandbox) => readFileSync(join(s.dir, 'kith.yaml'), 'utf8');
const setSettings = (s: Sandbox, from: string | RegExp, to: string) =>
  writeFileSync(join(s.dir, 'kith.yaml'), settings(s).replace(from, to));
const head = (s: Sandbox) => s.git(['rev-parse', 'HEAD']);

describe('kith.yaml is checked at its nodes', () => {
  it('reports a bad weekday, a probability in words and days in words where they are written', () => {
    const s = seededRepo();
    setSettings(s, 'workdays: [mon, tue, wed, thu, fri]', 'workdays: [funday]');
    setSettings(s, 'reply_days: 2 ', 'reply_days: two');
    setSettings(s, 'nudge_days: 7 ', 'nudge_days: seven');
    setSettings(s, '{name: qualified, probability: 0.25}', '{name: qualified, probability: fifty}');
    const r = s.kith(['check']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'kith.yaml:19:36: stages[1].probability must be a number from 0 to 1, like 0.6, not "fifty"',
    );
    expect(r.stdout).toContain(
      'kith.yaml:26:15: followup.reply_days must be a whole number of days from 1 to 90, not "two"',
    );
    expect(r.stdout).toContain(
      'kith.yaml:27:15: followup.nudge_days must be a whole number of days from 1 to 365, not "seven"',
    );
    expect(r.stdout).toContain(
      'kith.yaml:29:14: followup.workdays[0] must be a weekday, one of mon, tue, wed, thu, fri, sat, sun, not "funday"',
    );
  });

  it('never hangs on settings that leave no business day or ask for millions of days', () => {
    const s = seededRepo();
    expect(s.kith(['log', 'jane', 'call: they asked for a quote', '--turn', 'us']).code).toBe(0);
    setSettings(s, 'workdays: [mon, tue, wed, thu, fri]', 'workdays: [funday]');
    setSettings(s, 'reply_days: 2 ', 'reply_days: 100000000 ');
    setSettings(s, 'stale_days: 30', 'stale_days: .nan');
    const due = s.kith(['due']);
    expect(due.code).toBe(0);
    expect(due.stderr).toContain(
      'kith.yaml:26:15: followup.reply_days must be a whole number of days from 1 to 90, not 100000000',
    );
    expect(due.stderr).toContain(
      'kith.yaml:28:15: followup.stale_days must be a whole number of days from 1 to 3660, not .nan',
    );
    expect(s.kith(['log', 'jane', 'note: still there']).code).toBe(0);
  });

  it('names kith.yaml and the alias that would expand too far (a billion laughs)', () => {
    const s = seededRepo();
    const laughs = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefg'.split('').map((k, i) => {
        const prev = 'abcdefg'[i];
        return `${k}: &${k} [${Array(9).fill(`*${prev}`).join(', ')}]`;
      }),
    ];
    writeFileSync(join(s.dir, 'kith.yaml'), `${settings(s)}${laughs.join('\n')}\n`);
    const r = s.kith(['due']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^kith: kith\.yaml:3\d:\d+: aliases here expand too far/);
  });

  it('reports a YAML error in kith.yaml at its line, and conflict markers once', () => {
    const s = seededRepo();
    setSettings(s, 'domains: [northwind.example]', 'domains: [northwind.example');
    expect(s.kith(['due']).stderr).toContain(
      'kith: kith.yaml:5:10: "[" is never closed: end it with "]" on the same line',
    );
    setSettings(
      s,
      'domains: [northwind.example',
      '<<<<<<< ours\ndomains: [a.example]\n=======\ndomains: [b.example]\n>>>>>>> theirs',
    );
    const r = s.kith(['due']);
    expect(r.stderr).toBe(
      'kith: kith.yaml:5:1: unresolved merge conflict (run kith resolve kith.yaml or edit it)\n' +
        'hint: the lines between <<<<<<< and >>>>>>> are both sides of a merge: keep one, remove the markers\n',
    );
  });
});

describe('records: YAML errors, conflicts and files in the wrong place', () => {
  it('reports an unclosed list at its own line, not the next', () => {
    const s = seededRepo();
    const file = join(s.dir, 'contacts/jane-doe.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: CTO', 'title: [VP Eng'));
    const line =
      readFileSync(file, 'utf8')
        .split('\n')
        .findIndex((l) => l.startsWith('title:')) + 1;
    expect(s.kith(['check']).stdout).toContain(`contacts/jane-doe.md:${line}:8: "[" is never closed`);
  });

  it('gives one "unresolved merge conflict" for a record with conflict markers', () => {
    const s = seededRepo();
    writeFileSync(
      join(s.dir, 'contacts/jane-doe.md'),
      '---\nid: c-1\n<<<<<<< ours\nname: Jane\n=======\nname: Janet\n>>>>>>> theirs\n---\n',
    );
    const r = s.kith(['check']);
    expect(r.stdout.match(/contacts\/jane-doe\.md/g)).toHaveLength(2); // the problem and its hint
    expect(r.stdout).toContain(
      'contacts/jane-doe.md:3:1: unresolved merge conflict (run kith resolve contacts/jane-doe.md or edit it)',
    );
  });

  it('warns about files where no record lives', () => {
    const s = seededRepo();
    writeFileSync(join(s.dir, 'conversations/x.md'), '---\nid: v-x\n---\n');
    mkdirSync(join(s.dir, 'contacts/sub'));
    writeFileSync(join(s.dir, 'contacts/sub/y.md'), '---\nid: c-y\nname: Y\n---\n');
    writeFileSync(join(s.dir, 'orgs/notes.txt'), 'notes\n');
    const r = s.kith(['check']);
    expect(r.stdout).toContain(
      'conversations/x.md:1:1: warning: not read: no record lives here\n  hint: records of this folder are conversations/YYYY/NAME.md (a year folder)',
    );
    expect(r.stdout).toContain('contacts/sub/y.md:1:1: warning: not read: no record lives here');
    expect(r.stdout).toContain('orgs/notes.txt:1:1: warning: not read: no record lives here');
  });
});

describe('phones, postcodes and ids are text', () => {
  it('set phones=+4930123 writes a list holding the text "+4930123"', () => {
    const s = seededRepo();
    expect(s.kith(['set', 'jane', 'phones=+4930123']).code).toBe(0);
    expect(readFileSync(join(s.dir, 'contacts/jane-doe.md'), 'utf8')).toContain('phones:\n  - "+4930123"\n');
    expect(s.kith(['show', 'jane', '--json']).stdout).toContain('"+4930123"');
  });

  it('shows phones: [0612345678] as written, and check asks to quote it', () => {
    const s = seededRepo();
    const file = join(s.dir, 'contacts/jane-doe.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('title: CTO', 'title: CTO\nphones: [0612345678]'));
    expect(s.kith(['show', 'jane']).stdout).toContain('0612345678');
    const r = s.kith(['check']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /contacts\/jane-doe\.md:\d+:10: warning: phones\[0\] 0612345678 reads as a number in YAML: quote it/,
    );
  });
});

describe('amounts', () => {
  for (const bad of ['-500', '""', '0x10', '99999999999999999999'])
    it(`set amount=${bad} is refused and changes nothing`, () => {
      const s = seededRepo();
      const before = head(s);
      const r = s.kith(['set', 'acme-sso-rollout', `amount=${bad}`]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        `kith: amount must be plain digits, not negative, like 48000 or 1250.50, not ${bad.startsWith('"') ? bad : `"${bad}"`}`,
      );
      expect(head(s)).toBe(before);
    });

  it('refuses won --amount -20 and add deal --amount 0x10', () => {
    const s = seededRepo();
    expect(s.kith(['won', 'acme-sso-rollout', '--amount', '-20'])).toMatchObject({ code: 2 });
    expect(s.kith(['add', 'deal', 'Hex', '--org', 'acme', '--amount', '0x10'])).toMatchObject({ code: 2 });
  });

  it('check rejects an amount YAML reads as hexadecimal, and a negative one', () => {
    const s = seededRepo();
    const file = join(s.dir, 'deals/acme-sso-rollout.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('amount: 48000', 'amount: 0x10'));
    expect(s.kith(['check']).stdout).toMatch(
      /deals\/acme-sso-rollout\.md:\d+:9: amount must be plain digits, not negative, like 48000 or 1250.50, not 0x10/,
    );
    writeFileSync(file, readFileSync(file, 'utf8').replace('amount: 0x10', 'amount: -500'));
    expect(s.kith(['check']).stdout).toMatch(
      /amount must be plain digits, not negative, like 48000 or 1250.50, not -500/,
    );
  });
});

describe('writing commands refuse what check would reject', () => {
  const refused = (s: Sandbox, args: string[], message: string) => {
    const before = head(s);
    const r = s.kith(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('not changed, the result would not be valid (kith check would reject it)');
    expect(r.stderr).toContain(message);
    expect(head(s)).toBe(before);
  };

  it("set stage=banana, org=nonexistent, owner=nobody, another contact's e-mail", () => {
    const s = seededRepo();
    refused(s, ['set', 'acme-sso-rollout', 'stage=banana'], 'unknown stage "banana"');
    refused(s, ['set', 'jane', 'org=nonexistent'], 'org refers to org "nonexistent", which does not exist');
    refused(s, ['set', 'jane', 'owner=nobody'], 'owner "nobody" is not a member in kith.yaml');
    refused(
      s,
      ['set', 'john', 'emails=[jane@acme.example]'],
      'e-mail jane@acme.example also belongs to contacts/jane-doe.md',
    );
    refused(
      s,
      ['set', 'jane', 'cadence=0d'],
      'cadence must be a duration from 1d to 10y, like 30d, 6w, 3m or quarterly, not "0d"',
    );
  });

  it('add org with a domain another org owns, a deal in a currency with no rate, cadences -3d and 0d', () => {
    const s = seededRepo();
    refused(
      s,
      ['add', 'org', 'Acme Again', '--domain', 'acme.example'],
      'domain acme.example also belongs to orgs/acme.md',
    );
    refused(
      s,
      ['add', 'deal', 'Dollars', '--org', 'acme', '--currency', 'USD'],
      'currency "USD" has no rate in kith.yaml',
    );
    refused(s, ['add', 'contact', 'Ann', '--cadence', '-3d'], 'not "-3d"');
    refused(s, ['add', 'contact', 'Ann', '--cadence', '0d'], 'not "0d"');
    setSettings(s, 'rates: {}', 'rates: {USD: 0.92}');
    expect(s.kith(['add', 'deal', 'Dollars', '--org', 'acme', '--currency', 'USD']).code).toBe(0);
  });

  it('edit refuses an editor that writes stage: banana and keeps the text to retry', () => {
    const s = seededRepo();
    const script = join(s.home, 'banana.sh');
    writeFileSync(script, '#!/bin/sh\nsed -i "s/^stage: .*/stage: banana/" "$1"\n', { mode: 0o755 });
    const before = head(s);
    const r = s.kith(['edit', 'acme-sso-rollout'], { env: { EDITOR: script } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/deals\/acme-sso-rollout\.md:\d+:1: unknown stage "banana"/);
    expect(r.stderr).toMatch(/is unchanged: the edited text has 1 problem\nhint: your text is kept in /);
    expect(head(s)).toBe(before);
  });
});

describe('kith init', () => {
  for (const [flag, value, message] of [
    ['--name', '', '--name must not be empty'],
    ['--domain', '', '--domain must be a domain like acme.example, not ""'],
    ['--domain', 'not a domain', '--domain must be a domain like acme.example, not "not a domain"'],
    ['--currency', '123', '--currency must be a three-letter currency code like EUR, not "123"'],
  ])
    it(`refuses ${flag} "${value}" and creates nothing`, () => {
      const s = sandbox();
      const r = s.kith(['init', 'crm', flag!, value!]);
      expect(r).toMatchObject({ code: 2 });
      expect(r.stderr).toContain(message);
      expect(existsSync(join(s.dir, 'crm'))).toBe(false);
    });

  it('leaves nothing behind when git does not know who you are', () => {
    const s = sandbox({ identity: false });
    const r = s.kith(['init', 'crm'], { env: { GIT_AUTHOR_NAME: undefined, EMAIL: undefined } });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('git does not know who you are');
    expect(existsSync(join(s.dir, 'crm'))).toBe(false);
    mkdirSync(join(s.dir, 'here'));
    expect(s.kith(['init', '.'], { cwd: join(s.dir, 'here') }).code).toBe(1);
    expect(existsSync(join(s.dir, 'here/.git'))).toBe(false);
  });

  it('adopts a fresh clone of an empty host repository that holds only a README', () => {
    const s = sandbox();
    const clone = join(s.dir, 'crm');
    mkdirSync(clone);
    s.git(['init', '-q'], clone);
    writeFileSync(join(clone, 'README.md'), '# crm\nOur customer memory.\n');
    s.git(['add', 'README.md'], clone);
    s.git(['commit', '-qm', 'Initial commit'], clone);
    const r = s.kith(['init', '.', '--name', 'Northwind'], { cwd: clone });
    expect(r.code).toBe(0);
    expect(readFileSync(join(clone, 'README.md'), 'utf8')).toMatch(/^# crm\nOur customer memory\.\n\n/);
    expect(s.kith(['check'], { cwd: clone }).code).toBe(0);
  });
});

describe('the environment: KITH_NOW and TZ', () => {
  it('refuses KITH_NOW=2026-02-31T10:00:00Z instead of reading 3 March', () => {
    const s = seededRepo();
    const r = s.kith(['due'], { env: { KITH_NOW: '2026-02-31T10:00:00Z' } });
    expect(r).toMatchObject({ code: 1 });
    expect(r.stderr).toContain('kith: KITH_NOW is not a real ISO date and time: "2026-02-31T10:00:00Z"');
  });

  for (const tz of [':Europe/Stockholm', ':/etc/localtime', 'UTC0', 'CET-1CEST', 'CET-1CEST,M3.5.0,M10.5.0/3', ''])
    it(`works with TZ=${JSON.stringify(tz)}`, () => {
      const s = seededRepo();
      const r = s.kith(['due'], { env: { TZ: tz } });
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    });
});

describe('the personal config and .kith/', () => {
  it('names the file, line and rule for handle: 123', () => {
    const s = seededRepo();
    mkdirSync(join(s.home, '.config/kith'), { recursive: true });
    writeFileSync(join(s.home, '.config/kith/config.yaml'), 'timezone: Europe/Paris\nhandle: 123\n');
    const r = s.kith(['due']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `kith: ${join(s.home, '.config/kith/config.yaml')}:2:9: handle must be a handle like maya, not 123`,
    );
  });

  it('names a corrupt cursor file and says it can be deleted', () => {
    const s = seededRepo();
    mkdirSync(join(s.dir, '.kith'), { recursive: true });
    writeFileSync(join(s.dir, '.kith/imap-cursors.json'), '{"INBOX": {"uidvalidity": 1');
    const mbox = join(s.home, 'empty.mbox');
    writeFileSync(mbox, '');
    const r = s.kith(['import', 'imap']);
    expect(r.stderr).toContain('.kith/imap-cursors.json cannot be read: not valid JSON');
    expect(r.stderr).toContain('delete .kith/imap-cursors.json');
  });

  it('names a corrupt journal', () => {
    const s = seededRepo();
    mkdirSync(join(s.dir, '.kith'), { recursive: true });
    writeFileSync(join(s.dir, '.kith/journal.json'), '{"version": 2}');
    const r = s.kith(['set', 'jane', 'title=CEO']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('kith: .kith/journal.json cannot be read: version must be 1');
  });
});
