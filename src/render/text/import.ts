// What an import says when it is done: what was filed, and what was skipped and why.
import type { ImportPlan, ImportSummary } from '../../core/mail/index.js';
import { plural } from '../../core/model/index.js';
import { clean } from './paint.js';

const SKIPPED = { duplicate: 'already filed', internal: 'skipped: internal', unknown: 'skipped', invalid: 'skipped' };

/** A dry run's list: every message, with the file it would go to or why it would be skipped. */
export function renderImportEvents(plan: ImportPlan): string {
  const moves = new Map(plan.conversations.flatMap((v) => (v.movedFrom ? [[v.path, v.movedFrom] as const] : [])));
  return plan.events
    .map((e) => {
      if (e.kind !== 'filed') return `${clean(e.origin)}: ${SKIPPED[e.kind]} (${clean(e.detail)})\n`;
      const moved = moves.get(e.detail);
      return `${clean(e.origin)}: → ${e.detail}${moved ? ` (moved from ${moved})` : ''}\n`;
    })
    .join('');
}

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
