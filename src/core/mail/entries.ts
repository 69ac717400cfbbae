// A mail message as a timeline entry: who, when, headers, attachments and the text kept.
// Pure; the entry id comes from the Message-ID, so every teammate files the same entry.
import { contentId } from '../model/ids.js';
import { stripControls } from '../model/text.js';
import type { Entry } from '../model/types.js';
import { formatDateTime } from '../time/zone.js';
import { trimReply } from './trim.js';
import type { Address, MailMessage } from './types.js';

export type Bodies = 'full' | 'trimmed' | 'none';

function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  return bytes < 1048576 ? `${Math.round(bytes / 1024)} KB` : `${(bytes / 1048576).toFixed(1)} MB`;
}

const addressList = (as: readonly Address[]) =>
  as.map((a) => (a.name ? `${a.name} <${a.address}>` : a.address)).join(', ');

export function mailEntry(m: MailMessage, author: string, opts: { bodies: Bodies; zone: string }): Omit<Entry, 'line'> {
  // message text is data, never terminal commands: controls go, newlines and tabs stay
  const kept = opts.bodies === 'full' ? m.text.trim() : trimReply(m.text);
  // the timeline escapes lines that would read as structure when it writes the entry
  const text = opts.bodies === 'none' ? '' : stripControls(kept, true);
  return {
    id: contentId('entry', m.messageId),
    at: formatDateTime(Date.parse(m.date!), opts.zone),
    type: 'mail',
    author,
    meta: {
      from: addressList([m.from!]),
      to: addressList(m.to),
      cc: addressList(m.cc),
      subject: m.subject,
      'message-id': m.messageId,
      attachments: m.attachments.map((a) => `${a.name} (${sizeText(a.size)})`).join(', '),
      // no Date header: say where the date came from (never the time of the import)
      dated: m.dateSource === 'header' ? '' : m.dateSource,
    },
    text,
  };
}

/**
 * A message reduced to what planImport will keep of it under `bodies`: an importer reading
 * a large mailbox holds every message until it plans, so it should hold this, not the full
 * text. Planning the reduced message gives the same plan (trimming twice changes nothing).
 */
export function reduceForPlan(m: MailMessage, bodies: Bodies): MailMessage {
  if (bodies === 'full') return m;
  return { ...m, text: bodies === 'none' ? '' : trimReply(m.text) };
}
