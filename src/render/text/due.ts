// `kith due` for a terminal: the groups with counts, each item on one line.
import { GROUP_LABELS, type DueGroups } from '../../core/followup/index.js';
import { plural } from '../../core/model/index.js';
import { titleAfterKind } from '../format.js';
import type { Output } from './output.js';
import { clean, paint } from './paint.js';

export function renderDue(out: Output, groups: DueGroups): string {
  const lines: string[] = [];
  for (const key of Object.keys(GROUP_LABELS) as (keyof DueGroups)[]) {
    const items = groups[key];
    if (!items.length) continue;
    const heading = `${GROUP_LABELS[key]} (${items.length})`;
    lines.push(paint(out, 'bold', key === 'overdue' ? paint(out, 'red', heading) : heading));
    for (const item of items) {
      const late = item.overdue_days > 0 ? paint(out, 'red', ` ${item.overdue_days}d late`) : '';
      const owner = item.owner ? paint(out, 'dim', ` @${clean(item.owner)}`) : '';
      const kind = paint(out, 'cyan', item.kind.padEnd(9));
      lines.push(`  ${paint(out, 'dim', item.due)}  ${kind} ${clean(titleAfterKind(item))}${owner}${late}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** What `kith due` says when nothing is due. */
export function renderNothingDue(within: number): string {
  const span = Number.isFinite(within) ? ` in the next ${plural(within, 'day')}` : '';
  return `Nothing due${span}. Every conversation is where it should be.\n`;
}
