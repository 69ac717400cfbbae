// Removing, renaming and closing never break what others point at: rm refuses a record
// others refer to (and --force says what dangles), rename refuses when a file it cannot read
// may refer to the record, close never hides an open promise.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRepo } from '../helpers/cli.js';

describe('kith rm', () => {
  it('refuses a contact others refer to, and lists where', () => {
    const s = seededRepo();
    expect(s.kith(['log', 'jane', 'call: hello']).code).toBe(0);
    expect(s.kith(['set', 'john', 'referred_by=jane-doe']).code).toBe(0);
    const head = s.git(['rev-parse', 'HEAD']);
    const r = s.kith(['rm', 'jane', '--yes']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      [
        'kith: not removing contacts/jane-doe.md: 3 references to jane-doe would point at nothing:',
        '  contacts/john-roe.md:7: referred_by',
        '  deals/acme-sso-rollout.md:5: contacts',
        '  conversations/2026/jane-doe-2026-11-25.md:4: participants',
        'hint: change those first (kith set, kith edit), or pass --force to remove it anyway',
        '',
      ].join('\n'),
    );
    expect(s.git(['rev-parse', 'HEAD'])).toBe(head);
  });

  it('with --force removes it and says what now points at nothing; check reports it', () => {
    const s = seededRepo();
    const r = s.kith(['rm', 'acme', '--yes', '--force']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: 3 references now point at nothing:\n {2}contacts\/jane-doe\.md:\d+: org\n/);
    const check = s.kith(['check']);
    expect(check.code).toBe(1);
    expect(check.stdout).toMatch(/contacts\/jane-doe\.md:\d+:1: org refers to org "acme", which does not exist/);
  });

  it('removes a record nothing refers to', () => {
    const s = seededRepo();
    expect(s.kith(['add', 'org', 'Temp Co']).code).toBe(0);
    expect(s.kith(['rm', 'temp-co', '--yes'])).toMatchObject({
      code: 0,
      stdout: 'removed orgs/temp-co.md (git keeps its history)\n',
    });
  });
});

describe('kith rename', () => {
  it('refuses while a record file cannot be read: it may refer to the record', () => {
    const s = seededRepo();
    writeFileSync(join(s.dir, 'deals/broken.md'), '---\nid: d-broken\ntitle: [unclosed\norg: acme\n---\n');
    const head = s.git(['rev-parse', 'HEAD']);
    const r = s.kith(['rename', 'acme', 'Acme Corp']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'kith: not renaming orgs/acme.md: 1 file cannot be read and may refer to it:\n  deals/broken.md\n',
    );
    expect(s.git(['rev-parse', 'HEAD'])).toBe(head);
  });
});

describe('kith close', () => {
  const withPromise = () => {
    const s = seededRepo();
    expect(s.kith(['log', 'jane', 'call: hello']).code).toBe(0);
    expect(s.kith(['promise', 'jane', 'send the quote', '--by', '2026-11-27']).code).toBe(0);
    return s;
  };

  it('lists the open promises and asks for a choice, from a script', () => {
    const s = withPromise();
    const r = s.kith(['close', 'jane']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /^kith: conversations\/2026\/jane-doe-2026-11-25\.md has an open promise:\n {2}p-[0-9a-z]{8} {2}we promised: send the quote \(by 2026-11-27\)\nhint: keep them open \(they stay in kith due\) with --keep-promises, or give them up with --drop-promises\n$/,
    );
  });

  it('--keep-promises closes it and the promise stays in kith due', () => {
    const s = withPromise();
    expect(s.kith(['close', 'jane', '--keep-promises']).stdout).toBe(
      'closed conversations/2026/jane-doe-2026-11-25.md; 1 promise kept open\n',
    );
    const items = JSON.parse(s.kith(['due', '--json']).stdout).items.map(
      (i: { kind: string; title: string }) => `${i.kind} ${i.title}`,
    );
    expect(items).toContain('promise send the quote (promised to Jane Doe)');
    expect(items.filter((i: string) => i.startsWith('reply') || i.startsWith('nudge'))).toEqual([]);
  });

  it('--drop-promises gives the promise up, dated, and it leaves kith due', () => {
    const s = withPromise();
    expect(s.kith(['close', 'jane', '--drop-promises']).code).toBe(0);
    const v = JSON.parse(s.kith(['show', 'jane-doe-2026-11-25', '--json']).stdout);
    expect(v.promises[0]).toMatchObject({ state: 'dropped', closed: '2026-11-25' });
    expect(
      JSON.parse(s.kith(['due', '--json']).stdout).items.filter((i: { kind: string }) => i.kind === 'promise'),
    ).toEqual([]);
  });
});
