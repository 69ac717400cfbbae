// One mail message, parsed (postal-mime, loaded lazily) into the plain data the importer
// files: addresses, threading ids, date, text and attachment names. Header text is cleaned
// of control characters here, so nothing from a message can drive a terminal later.
import { createHash } from 'node:crypto';
import { htmlToText, type Address, type DateSource, type MailMessage } from '../core/mail/index.js';
import { stripControls } from '../core/model/index.js';

// Node's TextDecoder reads windows-1252 as latin1, leaving C1 controls where cp1252 has
// typography (€, curly quotes, dashes). Mail never means C1 controls, so map them back.
const CP1252: Record<number, string> = {
  0x80: '€',
  0x82: '‚',
  0x83: 'ƒ',
  0x84: '„',
  0x85: '…',
  0x86: '†',
  0x87: '‡',
  0x88: 'ˆ',
  0x89: '‰',
  0x8a: 'Š',
  0x8b: '‹',
  0x8c: 'Œ',
  0x8e: 'Ž',
  0x91: '‘',
  0x92: '’',
  0x93: '“',
  0x94: '”',
  0x95: '•',
  0x96: '–',
  0x97: '—',
  0x98: '˜',
  0x99: '™',
  0x9a: 'š',
  0x9b: '›',
  0x9c: 'œ',
  0x9e: 'ž',
  0x9f: 'Ÿ',
};

function fixCp1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252[c.charCodeAt(0)] ?? '');
}

// bidi overrides and isolates go too: in a subject they can make a terminal show text in
// an order other than the one stored
const cleanLine = (text: string | undefined) =>
  stripControls(fixCp1252(text ?? ''))
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();

// ids and addresses with control characters are hostile, not mistyped: they are dropped
// (a message then gets a hashed id, or no usable sender), never cleaned into something valid
// A text part that only stands in for the HTML one: empty, or a few words telling the reader
// to use an HTML-capable client ("This message is in HTML format", "view it in your browser").
const MENTIONS_HTML = /\bhtml\b|\bbrowser\b/i;
const TELLS_TO_SWITCH = /capable|client|format|support|view|read|display|version|compatible|program|open/i;

/** Whether a text part carries nothing of its own beside its HTML part's text. */
function isStandIn(text: string | undefined, htmlText: string): boolean {
  const t = (text ?? '').trim();
  if (!t) return true;
  const words = (x: string) => x.toLowerCase().replace(/\s+/g, ' ').trim();
  // a real text part of the same message says what its HTML says
  if (words(htmlText).includes(words(t))) return false;
  return t.length < 300 && MENTIONS_HTML.test(t) && TELLS_TO_SWITCH.test(t);
}

function ids(text: string | undefined): string[] {
  return (text ?? '').match(/<[^<>\s\u0000-\u001f\u007f-\u009f]+>/g) ?? [];
}

/** A Message-ID some mailers write without its angle brackets ("abc@host"), bracketed. */
function bareId(text: string | undefined): string | undefined {
  const v = (text ?? '').trim();
  return /^[^<>\s@\u0000-\u001f\u007f-\u009f]+@[^<>\s@\u0000-\u001f\u007f-\u009f]+$/.test(v) ? `<${v}>` : undefined;
}

function address(a: { name?: string; address?: string } | undefined): Address | undefined {
  const addr = (a?.address ?? '').trim().toLowerCase();
  if (!/^[^\s@\u0000-\u001f\u007f-\u009f]+@[^\s@\u0000-\u001f\u007f-\u009f]+$/.test(addr)) return undefined;
  const name = cleanLine(a?.name);
  return name ? { name, address: addr } : { address: addr };
}

function addresses(list: readonly { name?: string; address?: string; group?: unknown[] }[] | undefined): Address[] {
  return (list ?? []).flatMap((a) =>
    Array.isArray(a.group) ? addresses(a.group as never) : [address(a)].filter((x): x is Address => !!x),
  );
}

/** The newest date among Received headers ("...; Tue, 17 Nov 2026 10:00:00 +0100"). */
function receivedDate(headers: readonly { key: string; value: string }[]): string | undefined {
  const dates = headers
    .filter((h) => h.key === 'received')
    .map((h) => Date.parse(h.value.slice(h.value.lastIndexOf(';') + 1).trim()))
    .filter((ms) => !Number.isNaN(ms));
  return dates.length ? new Date(Math.max(...dates)).toISOString() : undefined;
}

// Each message's budget. Parsing time in postal-mime grows faster than the number of MIME
// parts (500 parts 0.5 s, 5,000 parts 7 s, 20,000 parts 76 s on our machines), so a message
// with more parts than any real mail has is read for its headers only: filed as who, when and
// subject, with a warning. Its size is bounded by the sources (25 MB, first part kept).
const MAX_MIME_PARTS = 250;

/** Why a message is over budget, or undefined. Counts lines that open a MIME part ("--boundary"). */
function overBudget(raw: Buffer | string): string | undefined {
  const bytes = typeof raw === 'string' ? Buffer.from(raw) : raw;
  // the size budget is the sources': they cut a message at MAX_MESSAGE_BYTES, keeping its first part
  let parts = 0;
  for (let at = bytes.indexOf('\n--'); at >= 0; at = bytes.indexOf('\n--', at + 3))
    if (++parts > MAX_MIME_PARTS) return `over ${MAX_MIME_PARTS} MIME parts`;
  return undefined;
}

// The headers a message filed as metadata keeps, and how much of each: postal-mime's time grows
// faster than a header's length (256 KB of folded Subject 5 s), so a headers-only parse must stay
// small whatever the message holds. 4,000 characters keep about a hundred recipients.
const KEPT_HEADERS = new Set(['from', 'to', 'cc', 'subject', 'date', 'message-id', 'in-reply-to', 'references']);
const MARKS_BULK = new Set(['list-id', 'list-unsubscribe', 'precedence']);
const MAX_HEADER_CHARS = 4000;
const MAX_RECEIVED = 5;

/** The headers the importer reads, each cut to MAX_HEADER_CHARS, with an empty body. */
export function headersOnly(raw: Buffer | string): Buffer {
  const bytes = typeof raw === 'string' ? Buffer.from(raw) : raw;
  const crlf = bytes.indexOf('\r\n\r\n');
  const lf = bytes.indexOf('\n\n');
  const end = [crlf, lf].filter((n) => n >= 0).sort((a, b) => a - b)[0] ?? bytes.length;
  const head = bytes.subarray(0, Math.min(end, 256 * 1024)).toString('latin1');
  const kept: string[] = [];
  let received = 0;
  // one header per line once folds are joined; the body, and so its Content-Type, goes
  for (const field of head.replace(/\r?\n(?=[ \t])/g, '').split(/\r?\n/)) {
    const key = field
      .slice(0, Math.max(0, field.indexOf(':')))
      .trim()
      .toLowerCase();
    const isReceived = key === 'received' && received++ < MAX_RECEIVED;
    if (KEPT_HEADERS.has(key) || MARKS_BULK.has(key) || isReceived) kept.push(field.slice(0, MAX_HEADER_CHARS));
  }
  return Buffer.from(`${kept.join('\n')}\n\n`, 'latin1');
}

/**
 * Parses a raw message. `fallbackDate` is the mbox separator's date, used when neither the
 * Date header nor a Received header gives one.
 */
export async function parseMessage(raw: Buffer | string, origin: string, fallbackDate?: string): Promise<MailMessage> {
  const { default: PostalMime } = await import('postal-mime');
  const budget = overBudget(raw);
  const email = await PostalMime.parse(budget ? headersOnly(raw) : raw, { attachmentEncoding: 'arraybuffer' });
  const headers = email.headers ?? [];
  const header = (key: string) => headers.find((h) => h.key === key)?.value;
  let date: string | undefined;
  let dateSource: DateSource = 'header';
  const headerDate = email.date ? Date.parse(email.date) : NaN;
  // a Date header far in the future or before e-mail existed is as good as none
  if (!Number.isNaN(headerDate) && headerDate > Date.UTC(1980, 0, 1) && headerDate < Date.UTC(2200, 0, 1))
    date = new Date(headerDate).toISOString();
  else if ((date = receivedDate(headers))) dateSource = 'received';
  else if (fallbackDate) {
    date = fallbackDate;
    dateSource = 'mbox';
  }
  const fromHtml = email.html ? htmlToText(email.html) : '';
  const text = email.html && isStandIn(email.text, fromHtml) ? fromHtml : (email.text ?? '');
  // without a Message-ID, a hash of what the message says: the same mail read from an
  // mbox, a Maildir or IMAP (which may change line endings) gets the same id
  const stable = JSON.stringify([
    header('from'),
    header('to'),
    header('cc'),
    header('date'),
    header('subject'),
    text.replace(/\r\n?/g, '\n').trim(),
  ]);
  const messageId =
    ids(email.messageId)[0] ??
    bareId(email.messageId) ??
    `<${createHash('sha256').update(stable).digest('hex').slice(0, 32)}@kith.invalid>`;
  return {
    messageId,
    inReplyTo: ids(email.inReplyTo)[0],
    references: ids(email.references),
    subject: cleanLine(email.subject),
    from: address(email.from as never),
    to: addresses(email.to as never),
    cc: addresses(email.cc as never),
    date,
    dateSource,
    text: fixCp1252(text).replace(/\r\n?/g, '\n'),
    attachments: (email.attachments ?? []).map((a) => ({
      name: cleanLine(a.filename ?? undefined) || 'unnamed',
      size: typeof a.content === 'string' ? a.content.length : (a.content as ArrayBuffer).byteLength,
    })),
    isBulk: Boolean(
      header('list-id') || header('list-unsubscribe') || /bulk|list|junk/i.test(header('precedence') ?? ''),
    ),
    origin,
    ...(budget ? { overBudget: budget } : {}),
  };
}
