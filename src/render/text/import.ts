// What an import says when it is done: what was filed, and what was skipped and why.
import type { ImportSummary } from '../../core/mail/index.js';
import { plural } from '../../core/model/index.js';

export function renderImportSummary(s: ImportSummary, dryRun: boolean): string {
  const filed = `${dryRun ? 'would file' : 'filed'} ${s.filed} of ${plural(s.messages, 'message')}`;
  const made = [
    plural(s.conversations.created, 'new conversation'),
    `${s.conversations.updated} updated`,
    plural(s.contacts_created, 'new contact'),
  ];
  const skipped = [
    `${s.duplicates} already filed`,
    `${s.skipped.internal} internal`,
    `${s.skipped.unknown} from unknown senders`,
    `${s.skipped.invalid} unreadable`,
  ];
  return `${filed}: ${made.join(', ')}; skipped ${skipped.join(', ')}\n`;
}

/** The commit summary of an import. */
export function importCommitSummary(s: ImportSummary, source: string): string {
  const parts = [`${plural(s.conversations.created, 'conversation')} created`, `${s.conversations.updated} updated`];
  if (s.contacts_created) parts.push(`${plural(s.contacts_created, 'contact')} created`);
  return `import ${plural(s.filed, 'message')} from ${source}: ${parts.join(', ')}`;
}
