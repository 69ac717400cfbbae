import { describe, expect, it } from 'vitest';
import { appendEntry, parseTimeline, renderEntry, sortedEntries } from '../../../src/core/conversation/index.js';

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
    expect(t.entries[1]!.meta).toEqual({ from: 'Jane Doe <jane@acme.example>', subject: 'Re: SSO pricing', 'message-id': '<CAF1234@mail.acme.example>' });
    expect(t.entries[1]!.text).toBe('Thanks Alice.\nsubject: this line is text, not a header');
  });

  it('renders an entry that reads back the same', () => {
    const entry = { id: 'e-aaaabbbb', at: '2026-11-22T08:00+01:00', type: 'note' as const, author: '@bob', meta: {}, text: 'Hello' };
    const out = appendEntry(body, entry);
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
});
