import { describe, expect, it } from 'vitest';
import {
  escapeText,
  insertEntry,
  parseTimeline,
  renderEntry,
  sortedEntries,
} from '../../../src/core/conversation/index.js';

const body = `
Notes before the first entry.

## 2026-11-20 14:30 +01:00 · call · @alice {#e-3k9m2q7x}

Jane wants SSO pricing.

## 2026-11-21 09:12 +01:00 · mail · jane-doe {#e-8w2k4m9q}
from: Jane Doe <jane@acme.example>
subject: Re: SSO pricing
message-id: <CAF1234@mail.acme.example>

Thanks Alice.
subject: this line is text, not a header
`;

describe('timeline', () => {
  it('reads entries with their date, type, author, id and header lines', () => {
    const t = parseTimeline(body, 'c.md', 10);
    expect(t.problems).toEqual([]);
    expect(t.preamble.trim()).toBe('Notes before the first entry.');
    expect(t.entries.map((e) => [e.id, e.at, e.type, e.author, e.line])).toEqual([
      ['e-3k9m2q7x', '2026-11-20T14:30+01:00', 'call', '@alice', 13],
      ['e-8w2k4m9q', '2026-11-21T09:12+01:00', 'mail', 'jane-doe', 17],
    ]);
    expect(t.entries[1]!.meta).toEqual({
      from: 'Jane Doe <jane@acme.example>',
      subject: 'Re: SSO pricing',
      'message-id': '<CAF1234@mail.acme.example>',
    });
    expect(t.entries[1]!.text).toBe('Thanks Alice.\nsubject: this line is text, not a header');
  });

  it('renders an entry that reads back the same', () => {
    const entry = {
      id: 'e-aaaabbbb',
      at: '2026-11-22T08:00+01:00',
      type: 'note' as const,
      author: '@bob',
      meta: {},
      text: 'Hello',
    };
    const out = insertEntry(body, entry);
    expect(out.startsWith(body)).toBe(true);
    const t = parseTimeline(out, 'c.md', 1);
    expect(t.entries.at(-1)).toMatchObject({ ...entry, line: expect.any(Number) });
    expect(renderEntry(entry)).toBe('## 2026-11-22 08:00 +01:00 · note · @bob {#e-aaaabbbb}\n\nHello\n');
  });

  it('reports impossible dates and unreadable headings with their line', () => {
    const t = parseTimeline('## 2026-02-30 10:00 · call · @a {#e-1}\nx\n## 2026-03-01 what is this\n', 'c.md', 5);
    expect(t.problems.map((p) => [p.line, p.message])).toEqual([
      [5, 'impossible date "2026-02-30" in timeline entry'],
      [7, 'unreadable timeline entry heading: "## 2026-03-01 what is this"'],
    ]);
  });

  it('sorts a timeline edited by hand out of order', () => {
    const t = parseTimeline('## 2026-11-21 · note · @a {#e-2}\n\n## 2026-11-20 · note · @a {#e-1}\n', 'c.md', 1);
    expect(sortedEntries(t.entries).map((e) => e.id)).toEqual(['e-1', 'e-2']);
  });

  it('sorts by instant across offsets, a bare date at its noon, and a tie by line', () => {
    const at = (id: string, when: string, line: number) => ({
      id,
      at: when,
      type: 'note' as const,
      author: '@a',
      meta: {},
      text: '',
      line,
    });
    const entries = [
      at('e-late', '2026-11-21T09:00+01:00', 1),
      at('e-tie-2', '2026-11-20T14:00Z', 9),
      at('e-noon', '2026-11-20', 3),
      at('e-early', '2026-11-20T23:30-05:00', 4),
      at('e-tie-1', '2026-11-20T15:00+01:00', 5),
    ];
    expect(sortedEntries(entries).map((e) => e.id)).toEqual(['e-noon', 'e-tie-1', 'e-tie-2', 'e-early', 'e-late']);
    expect(entries.map((e) => e.id)[0]).toBe('e-late');
  });
});

describe('text is data', () => {
  const entry = (text: string, at = '2026-11-25T10:00+01:00') => ({
    id: 'e-new00000',
    at,
    type: 'note' as const,
    author: '@maya',
    meta: {},
    text,
  });
  const typed = [
    'a line that forges an entry:',
    '## 2026-12-01 10:00 +01:00 · call · @maya {#e-fakefake}',
    '#2026-12-01 and ### 2026-12-02 too',
    '---',
    '<<<<<<< HEAD',
    '=======',
    '>>>>>>> theirs',
    '\\## 2026-12-01 typed with a backslash',
    '\\not structure',
  ].join('\n');

  it('stores lines that would read as structure behind a backslash, and reads them back as typed', () => {
    const body = insertEntry('', entry(typed));
    expect(body.split('\n').filter((l) => l.startsWith('## '))).toEqual([
      '## 2026-11-25 10:00 +01:00 · note · @maya {#e-new00000}',
    ]);
    expect(body).toContain('\n\\## 2026-12-01 10:00 +01:00 · call · @maya {#e-fakefake}\n');
    expect(body).toContain('\n\\---\n\\<<<<<<< HEAD\n\\=======\n\\>>>>>>> theirs\n\\\\## 2026-12-01 typed');
    const timeline = parseTimeline(body, 'x.md', 1);
    expect(timeline.problems).toEqual([]);
    expect(timeline.entries.map((e) => e.text)).toEqual([typed]);
  });

  it('leaves ordinary text alone', () => {
    expect(escapeText('## Agenda\nprices in #2026\n-- \n<<<< not seven')).toBe(
      '## Agenda\nprices in #2026\n-- \n<<<< not seven',
    );
  });
});

describe('entries in date order', () => {
  const at = (id: string, when: string) => ({
    id,
    at: when,
    type: 'call' as const,
    author: '@maya',
    meta: {},
    text: id,
  });
  const body = [
    '## 2026-11-10 10:00 +01:00 · call · @maya {#e-first000}',
    '',
    'first',
    '',
    '## 2026-11-20 10:00 +01:00 · call · @maya {#e-second00}',
    '',
    'second',
    '',
  ].join('\n');

  it('puts a backdated entry where its date belongs, keeping every other byte', () => {
    const out = insertEntry(body, at('e-middle00', '2026-11-15T09:00+01:00'));
    expect(parseTimeline(out, 'x.md', 1).entries.map((e) => e.id)).toEqual(['e-first000', 'e-middle00', 'e-second00']);
    expect(out.replace('## 2026-11-15 09:00 +01:00 · call · @maya {#e-middle00}\n\ne-middle00\n\n', '')).toBe(body);
  });

  it('puts the earliest first and the latest last; a tie goes after what is there', () => {
    expect(parseTimeline(insertEntry(body, at('e-early000', '2026-11-01T09:00+01:00')), 'x.md', 1).entries[0]!.id).toBe(
      'e-early000',
    );
    expect(
      parseTimeline(insertEntry(body, at('e-tie00000', '2026-11-20T10:00+01:00')), 'x.md', 1).entries.at(-1)!.id,
    ).toBe('e-tie00000');
  });
});
