// Excerpts: what the index cache keeps of a record, made whole again on reading. Made whole by
// copy, the cache's own copy stays as it was (a write's refresh writes it back); made whole in
// place, the record is the same.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { excerptOf, revive, reviveOwned } from '../../src/store/excerpts.js';
import { readRecord } from '../../src/store/records.js';

const FILES = [
  ['conversations/2026/kestrel-commercials.md', '../../examples/conversations/2026/kestrel-commercials.md'],
  ['conversations/2026/renewal.md', '../fixtures/records/hand-edited-conversation.md'],
  ['contacts/jane-doe.md', '../fixtures/records/hand-edited-contact.md'],
  ['deals/acme.md', '../fixtures/records/deal-with-history.md'],
] as const;

describe('excerpts', () => {
  it.each(FILES)('of %s are made whole the same by copy and in place, the cached copy untouched', (path, file) => {
    const text = readFileSync(new URL(file, import.meta.url), 'utf8');
    const { record } = readRecord(path, text);
    const cached = JSON.parse(JSON.stringify(excerptOf(record!)));
    const before = JSON.stringify(cached);
    const copied = revive(path, cached);
    expect(JSON.stringify(cached)).toBe(before);
    expect(reviveOwned(path, JSON.parse(before))).toEqual(copied);
    expect(copied).toMatchObject({ kind: record!.kind, slug: record!.slug, path, id: record!.id });
  });

  it("keeps each mail entry's message id, and the latest entry's first line", () => {
    const path = FILES[0][0];
    const { record } = readRecord(path, readFileSync(new URL(FILES[0][1], import.meta.url), 'utf8'));
    const whole = revive(path, JSON.parse(JSON.stringify(excerptOf(record!))));
    if (whole.kind !== 'conversation' || record!.kind !== 'conversation') throw new Error('not a conversation');
    const ids = (r: typeof whole) => r.entries.map((e) => e.meta['message-id'] ?? null);
    expect(ids(whole)).toEqual(ids(record!));
    expect(ids(whole).filter(Boolean).length).toBeGreaterThan(0);
  });
});
