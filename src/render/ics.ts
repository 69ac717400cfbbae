// Due items as an RFC 5545 calendar: one VTODO each, with a stable UID so a calendar app
// updates the same to-do on every export instead of piling up copies. Pure text.
import type { DueItem } from '../core/followup/index.js';
import { itemPhrase } from './format.js';

/** TEXT escaping (RFC 5545, 3.3.11); other control characters are not allowed in TEXT at all. */
function escapeText(text: string): string {
  return (
    text
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\r\n|\r|\n/g, '\\n')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000a-\u001f\u007f]/g, '')
  );
}

/** Folds a content line at 75 octets, never inside a UTF-8 character (RFC 5545, 3.1). */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8');
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let start = 0;
  let limit = 75;
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length);
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end--;
    parts.push(bytes.subarray(start, end).toString('utf8'));
    start = end;
    limit = 74; // continuation lines start with a space
  }
  return parts.join('\r\n ');
}

const stamp = (ms: number) =>
  new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

export function renderIcs(items: readonly DueItem[], opts: { now: number; team: string }): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Kith//kith due//EN',
    'CALSCALE:GREGORIAN',
    `X-WR-CALNAME:${escapeText(`${opts.team}: due`)}`,
  ];
  for (const item of items) {
    const where = [item.conversation, item.deal && `deal ${item.deal}`, item.contact && `contact ${item.contact}`]
      .filter(Boolean)
      .join('; ');
    lines.push(
      'BEGIN:VTODO',
      `UID:${item.uid}@kith`,
      `DTSTAMP:${stamp(opts.now)}`,
      `DUE;VALUE=DATE:${item.due.replace(/-/g, '')}`,
      `SUMMARY:${escapeText(itemPhrase(item))}`,
      ...(where ? [`DESCRIPTION:${escapeText(where)}`] : []),
      `CATEGORIES:${item.kind}`,
      'STATUS:NEEDS-ACTION',
      'END:VTODO',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
