// The plain digest `kith due --cron` prints: no colour, no terminal tricks, fits in a mail.
import { stripControls } from './text.js';
import type { DueGroups } from './follow-ups.js';
import type { IsoDate } from './types.js';

const LABELS: Record<keyof DueGroups, string> = { overdue: 'Overdue', today: 'Today', week: 'This week', later: 'Later' };

export function renderDigest(groups: DueGroups, opts: { today: IsoDate; team: string }): string {
  const count = Object.values(groups).reduce((n, g) => n + g.length, 0);
  if (!count) return '';
  const lines = [`${stripControls(opts.team)}: ${count} thing${count === 1 ? '' : 's'} to do (${opts.today})`, ''];
  for (const key of Object.keys(LABELS) as (keyof DueGroups)[]) {
    if (!groups[key].length) continue;
    lines.push(`${LABELS[key]}:`);
    for (const i of groups[key]) {
      const late = i.overdue_days > 0 ? `, ${i.overdue_days} day${i.overdue_days === 1 ? '' : 's'} late` : '';
      lines.push(`  ${i.due}  ${i.kind.padEnd(9)} ${stripControls(i.title)}${i.owner ? ` (@${i.owner}${late})` : late ? ` (${late.slice(2)})` : ''}`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
