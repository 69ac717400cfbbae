// mbox files (mboxo and mboxrd, LF or CRLF), read as a stream: memory stays bounded by the
// largest message kept (MAX_MESSAGE_BYTES), whatever the size of the file.
import { createReadStream } from 'node:fs';
import { MAX_MESSAGE_BYTES, messageItems, type MailSource, type SourceItem } from './source.js';

/** The date on a "From sender Tue Nov 17 10:00:00 2026" separator line, as ISO. */
export function separatorDate(line: string): string | undefined {
  const m = /^From \S+\s+(.+?)\s*$/.exec(line);
  if (!m) return undefined;
  // asctime has no zone; mbox writers use UTC (or say so after the year)
  const ms = Date.parse(
    m[1]!.replace(
      /^(\w{3}) (\w{3}) +(\d+) ([\d:]+) (\d{4})(.*)$/,
      (_all, wd, mon, d, t, y, zone: string) => `${wd}, ${d} ${mon} ${y} ${t} ${zone.trim() || '+0000'}`,
    ),
  );
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

// A separator is "From " followed by a sender and a date (asctime, or an RFC 2822 date
// some writers use). Checking for the date keeps an unescaped "From here on..." in the body
// of an mboxo file from cutting a message in two.
const WEEKDAY = '(Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const MONTH = '(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const SEPARATOR = new RegExp(
  String.raw`^From \S*\s+.*?\b${WEEKDAY}\b,?\s+(\d{1,2}\s+)?${MONTH}\b.*?\d{1,2}:\d{2}`,
  'i',
);

export function isSeparator(line: string): boolean {
  return SEPARATOR.test(line);
}

/** mboxrd: ">From " and ">>From " lose one ">"; mboxo's ">From " reads the same way. */
function unescapeLine(line: Buffer): Buffer {
  let i = 0;
  while (line[i] === 0x3e) i++; // '>'
  if (i > 0 && line.subarray(i, i + 5).toString('latin1') === 'From ') return line.subarray(1);
  return line;
}

export function mboxSource(path: string): MailSource {
  return {
    name: `mbox ${path}`,
    async *messages(): AsyncIterable<SourceItem> {
      let parts: Buffer[] = [];
      let size = 0;
      let truncated = false;
      let fallbackDate: string | undefined;
      let count = 0;
      let started = false;
      const flush = function* (): Generator<SourceItem> {
        if (!started) return;
        count++;
        const origin = `${path} #${count}`;
        yield* messageItems(Buffer.concat(parts), origin, truncated, fallbackDate);
        parts = [];
        size = 0;
        truncated = false;
      };
      let rest = Buffer.alloc(0);
      const onLine = function* (line: Buffer): Generator<SourceItem> {
        // a separator is "From " at the start of a line; its line ending is LF or CRLF
        // the file's first "From " line is a separator whatever its date looks like
        if (line.subarray(0, 5).toString('latin1') === 'From ' && (!started || isSeparator(line.toString('latin1')))) {
          yield* flush();
          started = true;
          fallbackDate = separatorDate(line.toString('latin1').replace(/\r?\n$/, ''));
          return;
        }
        if (!started) return;
        const kept = unescapeLine(line);
        if (size + kept.length > MAX_MESSAGE_BYTES) {
          truncated = true;
          return;
        }
        parts.push(kept);
        size += kept.length;
      };
      for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
        let data = rest.length ? Buffer.concat([rest, chunk as Buffer]) : (chunk as Buffer);
        let start = 0;
        for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
          yield* onLine(data.subarray(start, nl + 1));
          start = nl + 1;
        }
        rest = Buffer.from(data.subarray(start));
        // a single line longer than any message we keep is dropped, not buffered
        if (rest.length > MAX_MESSAGE_BYTES) {
          truncated = started;
          rest = Buffer.alloc(0);
        }
        data = Buffer.alloc(0);
      }
      if (rest.length) yield* onLine(rest);
      // the blank line before the next separator belongs to the format, not the message
      if (started) {
        yield* flush();
      }
    },
  };
}
