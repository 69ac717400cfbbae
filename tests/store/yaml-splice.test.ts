// Edits inside lists and nested maps change only the bytes of what changed: the item, the key,
// the scalar. Everything else, comments and quoting included, stays byte-identical.
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../src/store/front-matter.js';
import { editFile } from '../../src/store/front-matter-edit.js';

const CONVERSATION = `---
id: v-1
subject: Renewal
participants:
  - claire-dubois   # the buyer
  - jonas-weber
promises:
  # Claire asked twice
  - id: p-aaaa
    from: us
    what: 'keep me'   # quoted on purpose
    due: 2026-12-01
    state: open
  - id: p-bbbb
    from: them
    who: jonas-weber
    what: legal review
    due: 2026-12-10
    state: open
tags: [renewal,   emea]
---
## 2026-11-20 14:30 +01:00 · call · @maya {#e-11111111}

hello
`;

const DEAL = `---
id: d-1
title: Acme SSO
stage: proposal
history:
  - {stage: lead, at: 2026-09-01}     # first call
  - {stage: proposal, at: 2026-10-02}
amount: 48000
---
`;

const edit = (text: string, changes: Record<string, unknown>) => editFile(text, parseFile(text, 'x.md'), changes);
const data = (text: string) => parseFile(text, 'x.md').data;

/** The lines of b that are not in a (in order), and the lines of a that b lost. */
function diff(a: string, b: string): { added: string[]; removed: string[] } {
  const x = a.split('\n');
  const y = b.split('\n');
  return { added: y.filter((l) => !x.includes(l)), removed: x.filter((l) => !y.includes(l)) };
}

describe('editing inside a list', () => {
  it('keeps a promise by changing its state line and adding its closed date, nothing else', () => {
    const promises = (data(CONVERSATION).promises as Record<string, unknown>[]).map((p) =>
      p.id === 'p-aaaa' ? { ...p, state: 'kept', closed: '2026-11-25' } : p,
    );
    const out = edit(CONVERSATION, { promises });
    expect(diff(CONVERSATION, out)).toEqual({ added: ['    state: kept', '    closed: 2026-11-25'], removed: [] });
    expect(out).toContain('    state: kept\n    closed: 2026-11-25\n  - id: p-bbbb');
    expect(out).toContain("what: 'keep me'   # quoted on purpose");
    expect(out).toContain('  # Claire asked twice');
    expect(data(out).promises).toEqual(promises);
  });

  it('adds a promise after the last one, in the same style', () => {
    const promises = [...(data(CONVERSATION).promises as unknown[]), { id: 'p-cccc', from: 'us', what: 'send deck', due: '2026-12-04', state: 'open' }];
    const out = edit(CONVERSATION, { promises });
    expect(diff(CONVERSATION, out).removed).toEqual([]);
    expect(out).toContain('    state: open\n  - id: p-cccc\n    from: us\n    what: send deck\n    due: 2026-12-04\n    state: open\ntags:');
    expect(data(out).promises).toEqual(promises);
  });

  it('renames a reference in one item of a block list and keeps the comment on the other', () => {
    const out = edit(CONVERSATION, { participants: ['claire-dubois', 'jonas-weber-2'] });
    expect(diff(CONVERSATION, out)).toEqual({ added: ['  - jonas-weber-2'], removed: ['  - jonas-weber'] });
    expect(out).toContain('  - claire-dubois   # the buyer');
  });

  it('appends a stage change to a history of one-line items, keeping their comments', () => {
    const history = [...(data(DEAL).history as unknown[]), { stage: 'won', at: '2026-11-25' }];
    const out = edit(DEAL, { stage: 'won', history });
    expect(diff(DEAL, out)).toEqual({ added: ['stage: won', '  - {stage: won, at: 2026-11-25}'], removed: ['stage: proposal'] });
    expect(out).toContain('  - {stage: lead, at: 2026-09-01}     # first call');
  });

  it('adds and removes words of a flow list without touching its spacing elsewhere', () => {
    expect(edit(CONVERSATION, { tags: ['renewal', 'emea', 'vip'] })).toContain('tags: [renewal,   emea, vip]');
    expect(edit(CONVERSATION, { tags: ['vip', 'renewal', 'emea'] })).toContain('tags: [vip, renewal,   emea]');
  });

  it('removes one item of a block list with its line only', () => {
    const out = edit(CONVERSATION, { participants: ['claire-dubois'] });
    expect(diff(CONVERSATION, out)).toEqual({ added: [], removed: ['  - jonas-weber'] });
  });
});

describe('removing a key', () => {
  it('takes the comment indented under it along, and nothing else', () => {
    const text = '---\nid: c-1\ntitle: VP Eng\n  # promoted in 2025\nowner: maya   # keep\n---\n';
    expect(edit(text, { title: undefined })).toBe('---\nid: c-1\nowner: maya   # keep\n---\n');
  });
});

describe('a CRLF file', () => {
  it('gains new lines with CRLF endings', () => {
    const crlf = DEAL.replace(/\n/g, '\r\n');
    const history = [...(data(crlf).history as unknown[]), { stage: 'won', at: '2026-11-25' }];
    const out = edit(crlf, { history });
    expect(out).toContain('  - {stage: proposal, at: 2026-10-02}\r\n  - {stage: won, at: 2026-11-25}\r\namount');
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
  });
});
