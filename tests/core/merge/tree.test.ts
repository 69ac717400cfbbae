// Which files a merge must merge itself, and which files hold one record twice.
import { describe, expect, it } from 'vitest';
import { findDuplicates, planTreeMerge, type Change } from '../../../src/core/merge/index.js';
import { readRecord } from '../../../src/store/records.js';

const stages = (entries: Record<string, number[]>) => new Map(Object.entries(entries).map(([p, s]) => [p, new Set(s)]));

describe('planning a tree merge', () => {
  it('merges a file both sides changed from its three versions', () => {
    const plan = planTreeMerge([{ status: 'M', path: 'contacts/a.md' }], [{ status: 'M', path: 'contacts/a.md' }], stages({ 'contacts/a.md': [1, 2, 3] }));
    expect(plan.tasks).toEqual([
      { kind: 'merge', paths: ['contacts/a.md'], base: { rev: 'base', path: 'contacts/a.md' }, ours: { rev: 'ours', path: 'contacts/a.md' }, theirs: { rev: 'theirs', path: 'contacts/a.md' }, remove: [] },
    ]);
  });

  it('merges an edit into the file the other side renamed, and replays the rename on the editing side', () => {
    const ours: Change[] = [{ status: 'R', from: 'contacts/jane-doe.md', path: 'contacts/jane-smith.md' }, { status: 'M', path: 'deals/x.md' }];
    const theirs: Change[] = [{ status: 'M', path: 'contacts/jane-doe.md' }, { status: 'A', path: 'deals/y.md' }];
    const plan = planTreeMerge(ours, theirs, stages({ 'contacts/jane-doe.md': [1, 3] }));
    expect(plan.tasks).toEqual([
      {
        kind: 'merge',
        paths: ['contacts/jane-smith.md'],
        base: { rev: 'base', path: 'contacts/jane-doe.md' },
        ours: { rev: 'ours', path: 'contacts/jane-smith.md' },
        theirs: { rev: 'theirs', path: 'contacts/jane-doe.md' },
        remove: ['contacts/jane-doe.md'],
      },
    ]);
    expect(plan.renames).toEqual([{ side: 'ours', from: 'contacts/jane-doe.md', to: 'contacts/jane-smith.md' }]);
  });

  it('keeps the changed file when the other side removed it', () => {
    const plan = planTreeMerge([{ status: 'D', path: 'deals/x.md' }], [{ status: 'M', path: 'deals/x.md' }], stages({ 'deals/x.md': [1, 3] }));
    expect(plan.tasks).toEqual([{ kind: 'keep', path: 'deals/x.md', side: 'theirs' }]);
  });

  it('two renames of one file: one merge, the file chosen later from the merged name', () => {
    const plan = planTreeMerge(
      [{ status: 'R', from: 'orgs/acme.md', path: 'orgs/acme-corp.md' }],
      [{ status: 'R', from: 'orgs/acme.md', path: 'orgs/acme-inc.md' }],
      new Map(),
    );
    expect(plan.tasks).toEqual([
      { kind: 'merge', paths: ['orgs/acme-corp.md', 'orgs/acme-inc.md'], base: { rev: 'base', path: 'orgs/acme.md' }, ours: { rev: 'ours', path: 'orgs/acme-corp.md' }, theirs: { rev: 'theirs', path: 'orgs/acme-inc.md' }, remove: [] },
    ]);
  });

  it('a file both sides added is one task, settled by the records’ ids', () => {
    expect(planTreeMerge([{ status: 'A', path: 'contacts/x.md' }], [{ status: 'A', path: 'contacts/x.md' }], stages({ 'contacts/x.md': [2, 3] })).tasks).toEqual([
      { kind: 'both-added', path: 'contacts/x.md' },
    ]);
  });
});

describe('records held twice', () => {
  const conversation = (path: string, fm: string, ...mail: string[]) =>
    readRecord(
      path,
      `---\n${fm}\n---\n${mail.map((m, i) => `\n## 2026-11-2${i} 10:00 +01:00 · mail · jane {#e-${m.padEnd(8, '0')}}\nmessage-id: <${m}@x>\n\nhi\n`).join('')}`,
    ).record!;

  it('finds two conversations of one mail thread by thread id, and keeps the one with the first message', () => {
    const a = conversation('conversations/2026/re-pricing-aaaaaa.md', 'id: v-1\nthread: <root@x>', 'm2');
    const b = conversation('conversations/2026/pricing-bbbbbb.md', 'id: v-2\nthread: <root@x>', 'root', 'm3');
    expect(findDuplicates([a, b])).toEqual([{ into: 'conversations/2026/pricing-bbbbbb.md', from: ['conversations/2026/re-pricing-aaaaaa.md'] }]);
  });

  it('finds them by a message filed in both, and records of one kind by id', () => {
    const a = conversation('conversations/2026/a.md', 'id: v-1', 'm1', 'm2');
    const b = conversation('conversations/2026/b.md', 'id: v-2', 'm2');
    const c = readRecord('contacts/jane.md', '---\nid: c-1\nname: Jane\n---\n').record!;
    const d = readRecord('contacts/jane-2.md', '---\nid: c-1\nname: Jane\n---\n').record!;
    const e = readRecord('orgs/c-1.md', '---\nid: c-2\nname: Other\n---\n').record!;
    expect(findDuplicates([b, a, d, c, e])).toEqual([
      { into: 'contacts/jane.md', from: ['contacts/jane-2.md'] },
      { into: 'conversations/2026/a.md', from: ['conversations/2026/b.md'] },
    ]);
  });
});
