// The merge of record files, as laws over random pairs of edits (the seed replays a run:
// KITH_SEED=n): the same result whichever side is ours, a version merged with itself is
// itself, every entry and promise either side has (and the other did not remove) is there
// exactly once, and the result reads back cleanly. Plus the cases people meet, byte for byte.
import { describe, expect, it } from 'vitest';
import { insertEntry, parseTimeline } from '../../src/core/conversation/index.js';
import { editRecordText, renderFile } from '../../src/store/front-matter-edit.js';
import { parseFile } from '../../src/store/front-matter.js';
import { mergeFile } from '../../src/store/merge/file.js';
import { readRecord } from '../../src/store/records.js';
import { random, seedFrom, type Random } from '../helpers/random.js';

const PATH = 'conversations/2026/jane-doe-2026-11-20.md';

function start(rnd: Random): string {
  let body = '\nNotes: Jane is the champion.\n';
  for (let i = 0; i < 3; i++) body = insertEntry(body, entry(rnd, i));
  return renderFile(
    {
      id: 'v-9q3m7k2x4d8w',
      subject: 'SSO pricing',
      participants: ['jane-doe'],
      turn: 'us',
      next: '2026-11-27',
      tags: ['sso', 'q4'],
      promises: [promise(rnd, 0), promise(rnd, 1)],
      created: '2026-11-20',
    },
    body,
  );
}

function entry(rnd: Random, day: number) {
  const d = String(1 + ((day * 7 + rnd.int(28)) % 28)).padStart(2, '0');
  return { id: `e-${rnd.word(8)}`, at: `2026-11-${d}T${String(8 + rnd.int(10)).padStart(2, '0')}:00+01:00`, type: 'note' as const, author: '@alice', meta: {}, text: `line one ${rnd.word(4)}\nline two ${rnd.word(4)}` };
}

function promise(rnd: Random, n: number) {
  return { id: `p-${rnd.word(8)}`, from: 'us', what: `promise ${n} ${rnd.word(3)}`, due: `2026-12-${String(1 + rnd.int(28)).padStart(2, '0')}`, state: 'open', made: `2026-11-${String(10 + rnd.int(18))}` };
}

const data = (text: string) => parseFile(text, PATH).data;
const ids = (text: string) => parseTimeline(parseFile(text, PATH).body, PATH, 1).entries.map((e) => e.id);
const promiseIds = (text: string) => ((data(text).promises as { id: string }[] | undefined) ?? []).map((p) => p.id);

type Edit = (text: string, rnd: Random) => string;

const EDITS: Record<string, Edit> = {
  log: (t, rnd) => editRecordText(t, PATH, {}, (b) => insertEntry(b, entry(rnd, rnd.int(30)))),
  'edit an entry': (t, rnd) => {
    const lines = t.split('\n');
    const at = lines.map((l, i) => (l.startsWith('line ') ? i : -1)).filter((i) => i >= 0);
    if (!at.length) return t;
    lines[rnd.pick(at)] = `line edited ${rnd.word(4)}`;
    return lines.join('\n');
  },
  'remove an entry': (t, rnd) => {
    const all = ids(t);
    if (!all.length) return t;
    const id = rnd.pick(all);
    return t.replace(new RegExp(`\\n## [^\\n]*\\{#${id}\\}\\n(?:(?!## )[^\\n]*\\n)*`), '\n');
  },
  promise: (t, rnd) => editRecordText(t, PATH, { promises: [...((data(t).promises as unknown[]) ?? []), promise(rnd, 9)] }),
  done: (t, rnd) => {
    const list = (data(t).promises as Record<string, unknown>[]) ?? [];
    if (!list.length) return t;
    const i = rnd.int(list.length);
    return editRecordText(t, PATH, { promises: list.map((p, j) => (j === i ? { ...p, state: 'kept', closed: '2026-11-26' } : p)) });
  },
  snooze: (t, rnd) => editRecordText(t, PATH, { next: `2026-12-${String(1 + rnd.int(28)).padStart(2, '0')}` }),
  turn: (t, rnd) => editRecordText(t, PATH, { turn: rnd.pick(['us', 'them', 'closed']) }),
  subject: (t, rnd) => editRecordText(t, PATH, { subject: `Pricing ${rnd.word(3)}` }),
  'custom key': (t, rnd) => editRecordText(t, PATH, { [`x_${rnd.pick(['a', 'b'])}`]: rnd.word(5) }),
  'remove a key': (t, rnd) => editRecordText(t, PATH, { [rnd.pick(['next', 'tags', 'x_a'])]: undefined }),
  tag: (t, rnd) => editRecordText(t, PATH, { tags: [...((data(t).tags as string[]) ?? []), rnd.word(3)] }),
  untag: (t) => editRecordText(t, PATH, { tags: ((data(t).tags as string[]) ?? []).slice(1) }),
  'comment by hand': (t, rnd) => t.replace(/\n(subject|turn|next|created):/, (m, k: string) => `\n# ${rnd.word(5)} about ${k}\n${k}:`),
  'notes by hand': (t, rnd) => t.replace('Notes: Jane is the champion.\n', `Notes: Jane is the champion.\nAlso ${rnd.word(5)}.\n`),
};

function edited(base: string, rnd: Random): { text: string; done: string[] } {
  let text = base;
  const done: string[] = [];
  for (let i = 1 + rnd.int(4); i > 0; i--) {
    const name = rnd.pick(Object.keys(EDITS));
    text = EDITS[name]!(text, rnd);
    done.push(name);
  }
  return { text, done };
}

describe('merging random pairs of edits', () => {
  const seed = seedFrom(process.env, 14);
  const runs = Number(process.env.KITH_MERGE_RUNS ?? 200);

  it(`holds the merge laws over ${runs} random pairs (seed ${seed})`, () => {
    const rnd = random(seed);
    for (let run = 0; run < runs; run++) {
      const base = start(rnd);
      const [o, t] = [edited(base, rnd), edited(base, rnd)];
      const where = `run ${run} (seed ${seed}): ours ${o.done.join(', ')}; theirs ${t.done.join(', ')}`;
      const a = mergeFile(PATH, base, o.text, t.text);
      const b = mergeFile(PATH, base, t.text, o.text);
      if (!a.ok || !b.ok) throw new Error(`${where}: not merged`);
      expect(b.text, where).toBe(a.text);
      expect(mergeFile(PATH, base, o.text, o.text), where).toMatchObject({ text: o.text });
      expect(mergeFile(PATH, base, base, t.text), where).toMatchObject({ text: t.text });
      expect(mergeFile(PATH, a.text, a.text, a.text), where).toMatchObject({ text: a.text });
      const { record, problems } = readRecord(PATH, a.text);
      expect(problems.filter((p) => p.severity === 'error'), where).toEqual([]);
      expect(record, where).toBeDefined();
      for (const [list, of] of [
        [ids(a.text), ids],
        [promiseIds(a.text), promiseIds],
      ] as const) {
        expect(new Set(list).size, `${where}: each once`).toBe(list.length);
        const [inB, inO, inT] = [of(base), of(o.text), of(t.text)];
        for (const id of new Set([...inO, ...inT])) {
          const kept = (inO.includes(id) && inT.includes(id)) || !inB.includes(id);
          if (kept) expect(list, `${where}: ${id}`).toContain(id);
        }
        for (const id of inB) if (!inO.includes(id) && !inT.includes(id)) expect(list, `${where}: ${id} removed`).not.toContain(id);
      }
    }
  });
});

describe('merging record files', () => {
  const file = (fm: string, body = '') => `---\n${fm}---\n${body}`;

  it('keeps each side’s comments and quoting where the other side did not touch the key', () => {
    const base = file('id: c-1\nname: Jane Doe\ntitle: CTO\ntags: [a]\n');
    const ours = file('id: c-1\n# she asked to be called Jane\nname: Jane Doe\ntitle: CTO\ntags: [a, b]\n');
    const theirs = file("id: c-1\nname: Jane Doe\ntitle: 'Chief Technology Officer'   # since 2026\ntags: [a]\n");
    const merged = file("id: c-1\n# she asked to be called Jane\nname: Jane Doe\ntitle: 'Chief Technology Officer'   # since 2026\ntags: [a, b]\n");
    expect(mergeFile('contacts/jane-doe.md', base, ours, theirs)).toMatchObject({ ok: true, text: merged, kept: [] });
    expect(mergeFile('contacts/jane-doe.md', base, theirs, ours)).toMatchObject({ ok: true, text: merged });
  });

  it('keeps a comment inside a list of promises while another promise changes', () => {
    const base = file('id: v-1\npromises:\n  # Claire asked twice\n  - id: p-1\n    what: quote\n    due: 2026-12-01\n  - id: p-2\n    what: demo\n    due: 2026-12-02\n');
    const ours = base.replace('what: demo\n    due: 2026-12-02', 'what: demo\n    due: 2026-12-09');
    const theirs = base.replace('---\n', '---\n').replace('    due: 2026-12-02\n', '    due: 2026-12-02\n  - {id: p-3, what: call, due: 2026-12-03}\n');
    const r = mergeFile('conversations/2026/c.md', base, ours, theirs);
    expect(r).toMatchObject({
      ok: true,
      text: file('id: v-1\npromises:\n  # Claire asked twice\n  - id: p-1\n    what: quote\n    due: 2026-12-01\n  - id: p-2\n    what: demo\n    due: 2026-12-09\n  - {id: p-3, what: call, due: 2026-12-03}\n'),
    });
  });

  it('writes a value kept aside under conflicts:, and check-readable YAML', () => {
    const r = mergeFile('deals/acme.md', file('id: d-1\ntitle: Acme\nstage: lead\namount: 40000\n'), file('id: d-1\ntitle: Acme\nstage: lead\namount: 48000\n'), file('id: d-1\ntitle: Acme\nstage: lead\namount: 50000\n'));
    expect(r).toMatchObject({ ok: true, text: file('id: d-1\ntitle: Acme\nstage: lead\namount: 48000\nconflicts:\n  - {field: amount, value: 50000}\n') });
  });

  it('refuses a version whose front matter cannot be read, naming the side and the line', () => {
    const r = mergeFile('contacts/x.md', file('id: c-1\nname: X\n'), file('id: c-1\nname: X\ntitle: [VP\n'), file('id: c-1\nname: Y\n'), { ours: 'here', theirs: 'there' });
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(/^its version here cannot be read \(line \d+: /) });
  });

  it('merges kith.yaml as settings and other files line by line', () => {
    const yaml = 'name: Northwind\ndomains: [northwind.example]\ncurrency: EUR\n';
    expect(mergeFile('kith.yaml', yaml, yaml.replace('EUR', 'SEK'), yaml.replace('[northwind.example]', '[northwind.example, nw.example]'))).toMatchObject({
      ok: true,
      text: 'name: Northwind\ndomains: [northwind.example, nw.example]\ncurrency: SEK\n',
    });
    expect(mergeFile('README.md', 'a\nb\n', 'A\nb\n', 'a\nB\n')).toEqual({ ok: false, reason: 'both sides changed the same lines, and it is not a record kith can merge' });
    expect(mergeFile('.gitignore', '.kith/\n', '.kith/\n*.tmp\n', '.kith/\nnode_modules/\n')).toMatchObject({ ok: true, text: '.kith/\n*.tmp\nnode_modules/\n' });
  });
});
