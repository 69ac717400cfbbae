import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isSeparator, mboxSource, separatorDate } from '../../src/mail/mbox.js';
import { parseMessage } from '../../src/mail/message.js';
import type { SourceItem } from '../../src/mail/source.js';

const FIXTURE = new URL('../fixtures/mail/small.mbox', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'kith-mbox-'));

async function read(path: string) {
  const items: SourceItem[] = [];
  for await (const item of mboxSource(path).messages()) items.push(item);
  return items.filter((i): i is Extract<SourceItem, { kind: 'message' }> => i.kind === 'message');
}

describe('mbox files', () => {
  it.each([['LF', (t: string) => t], ['CRLF', (t: string) => t.replace(/\n/g, '\r\n')]])('reads every message of a %s mbox, with its origin and separator date', async (_name, convert) => {
    const path = join(dir, `small-${_name}.mbox`);
    writeFileSync(path, convert(readFileSync(FIXTURE, 'utf8')));
    const items = await read(path);
    expect(items.map((i) => [i.origin.replace(/^.*\//, ''), i.fallbackDate])).toEqual([
      [`small-${_name}.mbox #1`, '2026-11-17T10:00:00.000Z'],
      [`small-${_name}.mbox #2`, '2026-11-18T11:00:00.000Z'],
      [`small-${_name}.mbox #3`, '2026-11-19T12:00:00.000Z'],
    ]);
    const body = items[0]!.raw.toString('utf8').replace(/\r\n/g, '\n').split('\n\n').slice(1).join('\n\n');
    expect(body).toBe('From the start, mboxrd escaped this line.\n>From here, a quoted one.\nFrom the middle of a paragraph, a line an mboxo writer forgot to escape.\n>Frome is a town, not an escape.\n\n');
    const messages = await Promise.all(items.map((i) => parseMessage(i.raw, i.origin, i.fallbackDate)));
    expect(messages.map((m) => [m.messageId, m.dateSource])).toEqual([['<esc@acme.example>', 'header'], ['<nodate@acme.example>', 'mbox'], ['<third@acme.example>', 'header']]);
    expect(messages[2]!.text.trim()).toBe('Last one, with no blank line at the end of the file.');
  });

  it('tells separators from body lines that start with "From "', () => {
    expect(['From jane@acme.example Tue Nov 17 10:00:00 2026', 'From - Wed Nov 18 11:00:00 2026', 'From MAILER-DAEMON Thu, 19 Nov 2026 12:00:00 +0000', 'From 1234@xxx Sat Oct 03 14:12:59 +0000 2020\r\n'].every(isSeparator)).toBe(true);
    expect(['From the start we said so.', 'From me to you 2026', 'From Monday on, 10:00 works'].some(isSeparator)).toBe(false);
  });

  it('reads the separator date as UTC unless it names a zone', () => {
    expect(separatorDate('From a Tue Nov 17 10:00:00 2026')).toBe('2026-11-17T10:00:00.000Z');
    expect(separatorDate('From a Mon Jan  5 09:01:02 2026')).toBe('2026-01-05T09:01:02.000Z');
    expect(separatorDate('From a no date here')).toBeUndefined();
  });

  it('yields nothing for an empty file, and reads a file without a final newline', async () => {
    writeFileSync(join(dir, 'empty.mbox'), '');
    expect(await read(join(dir, 'empty.mbox'))).toEqual([]);
    writeFileSync(join(dir, 'one.mbox'), 'From a Tue Nov 17 10:00:00 2026\nSubject: x\n\nbody');
    expect((await read(join(dir, 'one.mbox')))[0]!.raw.toString()).toBe('Subject: x\n\nbody');
  });

  it('splits lines that straddle read chunks (1 MB) correctly', async () => {
    const filler = `${'x'.repeat(99)}\n`.repeat(10_600); // about 1.06 MB: the separator lands past the first chunk
    writeFileSync(join(dir, 'chunks.mbox'), `From a Tue Nov 17 10:00:00 2026\nSubject: one\n\n${filler}\nFrom b Wed Nov 18 10:00:00 2026\nSubject: two\n\nbody\n`);
    const items = await read(join(dir, 'chunks.mbox'));
    expect(items).toHaveLength(2);
    expect(items[0]!.raw.length).toBe('Subject: one\n\n'.length + filler.length + 1);
    expect(items[1]!.raw.toString()).toBe('Subject: two\n\nbody\n');
  });
});
