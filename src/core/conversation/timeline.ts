// A conversation's timeline: parse the Markdown body into entries and render entries back.
// Pure: text in, data out. The heading format is documented in templates/README.md.
import { ENTRY_TYPES, type Entry, type EntryType, type Problem } from '../model/types.js';
import { isIsoDate } from '../time/calendar.js';
import { instant } from '../time/zone.js';

const META_KEYS = ['from', 'to', 'cc', 'subject', 'message-id', 'in-reply-to', 'attachments', 'dated'] as const;

// ## 2026-11-20 14:30 +01:00 · call · @alice {#e-3k9m2q7x}
const WHEN = String.raw`(\d{4}-\d{2}-\d{2})(?: (\d{2}:\d{2})(?::(\d{2}))?(?: ?(Z|[+-]\d{2}:?\d{2}))?)?`;
const ENTRY_HEADING = new RegExp(String.raw`^## ${WHEN} · (\S+) · (\S+)(?: \{#([\w-]+)\})?[ \t]*$`);
// A heading that starts like an entry but does not parse is reported, not silently ignored.
const LOOKS_LIKE_ENTRY = /^## \d{4}-\d{2}-\d{2}\b/;
const META_LINE = new RegExp(`^(${META_KEYS.join('|')}): ?(.*)$`);

// Lines of text that would read as structure: an entry heading (any level, any spacing), a
// front matter fence, a conflict marker. They are stored behind a backslash, Markdown's own
// escape, and read back without it; a line that already starts with backslashes gets one more.
const STRUCTURE = /^\\*(#{1,6}[ \t]*\d{4}-\d{2}-\d{2}|---[ \t]*$|(<{7}|={7}|>{7}|\|{7})([ \t]|$))/;

/** Entry text as stored: structural lines escaped, so no text can forge an entry or a fence. */
export function escapeText(text: string): string {
  return text
    .split('\n')
    .map((l) => (STRUCTURE.test(l) ? `\\${l}` : l))
    .join('\n');
}

const unescapeLine = (line: string) => (line.startsWith('\\') && STRUCTURE.test(line) ? line.slice(1) : line);

export interface Timeline {
  /** Free text before the first entry. */
  readonly preamble: string;
  readonly entries: readonly Entry[];
  readonly problems: readonly Problem[];
}

function normaliseOffset(offset: string | undefined): string {
  if (!offset) return '';
  if (offset === 'Z') return 'Z';
  return offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
}

/**
 * Parses a conversation body. `firstLine` is the file line of the body's first line,
 * so problems point into the file.
 */
export function parseTimeline(body: string, file: string, firstLine: number): Timeline {
  const lines = body.split('\n');
  const entries: Entry[] = [];
  const problems: Problem[] = [];
  const preamble: string[] = [];
  let current:
    { head: Omit<Entry, 'text' | 'meta'>; meta: Record<string, string>; text: string[]; inMeta: boolean } | undefined;
  const flush = () => {
    if (!current) return;
    const text = current.text.map(unescapeLine).join('\n').replace(/^\n+/, '').trimEnd();
    entries.push({ ...current.head, meta: current.meta, text });
    current = undefined;
  };
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const lineNo = firstLine + i;
    const m = ENTRY_HEADING.exec(line);
    if (m) {
      const [, date, time, seconds, offset, type, author, id] = m as unknown as string[];
      const bad = (message: string, hint?: string) =>
        problems.push({ file, line: lineNo, col: 4, message, hint, severity: 'error' });
      if (!isIsoDate(date!)) bad(`impossible date "${date}" in timeline entry`, 'dates are YYYY-MM-DD and must exist');
      else if (!ENTRY_TYPES.includes(type as EntryType))
        bad(`unknown entry type "${type}"`, `one of ${ENTRY_TYPES.join(', ')}`);
      else if (!id)
        bad(
          'timeline entry has no id',
          'end the heading with an id such as {#e-3k9m2q7x}; `kith check --fix` adds missing ones',
        );
      flush();
      const at = time ? `${date}T${time}${seconds ? `:${seconds}` : ''}${normaliseOffset(offset)}` : date!;
      current = {
        head: { id: id ?? '', at, type: type as EntryType, author: author!, line: lineNo },
        meta: {},
        text: [],
        inMeta: true,
      };
      if (!isIsoDate(date!) || !ENTRY_TYPES.includes(type as EntryType) || !id) current = undefined;
      return;
    }
    if (LOOKS_LIKE_ENTRY.test(line)) {
      flush();
      problems.push({
        file,
        line: lineNo,
        col: 1,
        severity: 'error',
        message: `unreadable timeline entry heading: "${line.slice(0, 80)}"`,
        hint: 'write it as "## 2026-11-20 14:30 +01:00 · call · @alice {#e-3k9m2q7x}"',
      });
      return;
    }
    if (!current) {
      preamble.push(raw);
      return;
    }
    if (current.inMeta) {
      const meta = META_LINE.exec(line);
      if (meta && current.text.length === 0) {
        current.meta[meta[1]!] = meta[2]!;
        return;
      }
      current.inMeta = false;
    }
    current.text.push(line);
  });
  flush();
  return { preamble: preamble.join('\n'), entries, problems };
}

/** Renders one entry as it is stored: heading, header lines, blank line, text. */
export function renderEntry(entry: Omit<Entry, 'line'>): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2})(?::\d{2})?(.*))?$/.exec(entry.at);
  const when = m
    ? [m[1], m[2], m[3] ? (m[3] === 'Z' ? '+00:00' : m[3]) : undefined].filter(Boolean).join(' ')
    : entry.at;
  const head = `## ${when} · ${entry.type} · ${entry.author} {#${entry.id}}`;
  const meta = Object.entries(entry.meta)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}: ${v.replace(/[\r\n]+/g, ' ')}`);
  const text = escapeText(entry.text.replace(/\s+$/, ''));
  return [head, ...meta, '', ...(text ? [text, ''] : [])].join('\n');
}

function appendEntry(body: string, entry: Omit<Entry, 'line'>): string {
  const sep = body.trim() === '' ? '\n' : body.endsWith('\n\n') ? '' : body.endsWith('\n') ? '\n' : '\n\n';
  return `${body.trim() === '' ? '' : body}${sep}${renderEntry(entry)}`;
}

/**
 * Adds an entry where its date puts it, keeping every existing byte: before the first entry
 * that happened later, else at the end. A backdated call does not land after today's mail.
 */
export function insertEntry(body: string, entry: Omit<Entry, 'line'>): string {
  const at = instant(entry.at);
  const later = parseTimeline(body, '', 1).entries.find((e) => instant(e.at) > at);
  if (!later) return appendEntry(body, entry);
  // the new entry goes just before the later one's heading line, with a blank line after it
  const offset = body
    .split('\n')
    .slice(0, later.line - 1)
    .reduce((n, line) => n + line.length + 1, 0);
  return `${body.slice(0, offset)}${renderEntry(entry)}\n${body.slice(offset)}`;
}

/** Entries in date order (a hand-edited file may hold them in any order). */
export function sortedEntries(entries: readonly Entry[]): Entry[] {
  // each date is read once, not in every comparison: the same order, the later line last on a tie
  const keyed = entries.map((e) => ({ e, t: instant(e.at) }));
  return keyed.sort((a, b) => a.t - b.t || a.e.line - b.e.line).map(({ e }) => e);
}

export function isOurs(author: string): boolean {
  return author.startsWith('@');
}

/** Rewrites a contact's slug in entry headings (author) after a rename; other text stays. */
export function renameAuthor(body: string, from: string, to: string): string {
  return body
    .split('\n')
    .map((line) => {
      const m = ENTRY_HEADING.exec(line.replace(/\r$/, ''));
      if (!m || m[6] !== from) return line;
      return line.replace(` · ${from}`, ` · ${to}`);
    })
    .join('\n');
}
