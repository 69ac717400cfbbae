// The plain digest `kith due --cron` prints: no colour, no terminal tricks, fits in a mail.
import { GROUP_LABELS, type DueGroups } from '../core/followup/index.js';
import { plural, stripControls } from '../core/model/index.js';
import type { IsoDate } from '../core/model/index.js';
import { titleAfterKind } from './format.js';

export function renderDigest(groups: DueGroups, opts: { today: IsoDate; team: string }): string {
  const count = Object.values(groups).reduce((n, g) => n + g.length, 0);
  if (!count) return '';
  const lines = [`${stripControls(opts.team)}: ${plural(count, 'thing')} to do (${opts.today})`, ''];
  for (const key of Object.keys(GROUP_LABELS) as (keyof DueGroups)[]) {
    if (!groups[key].length) continue;
    lines.push(`${GROUP_LABELS[key]}:`);
    for (const i of groups[key]) {
      const late = i.overdue_days > 0 ? `, ${plural(i.overdue_days, 'day')} late` : '';
      const who = i.owner ? ` (@${stripControls(i.owner)}${late})` : late ? ` (${late.slice(2)})` : '';
      lines.push(`  ${i.due}  ${i.kind.padEnd(9)} ${stripControls(titleAfterKind(i))}${who}`);
    }
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
