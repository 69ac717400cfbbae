// `kith due`: what needs attention, grouped Overdue / Today / This week / Later; also as
// JSON, a cron digest (silent when nothing is due) and an iCalendar file.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderIcs } from '../core/calendar.js';
import { localDate, parseDuration } from '../core/dates.js';
import { renderDigest } from '../core/digest.js';
import { UsageError } from '../core/errors.js';
import { dueItems, filterItems, groupItems, type DueItem } from '../core/follow-ups.js';
import { resolveRef } from '../core/resolve.js';
import { currentHandle } from './change.js';
import { clean, openRepo, paint, printJson, type Env, type Output } from './env.js';

export interface DueOptions {
  readonly within?: string;
  readonly all?: boolean;
  readonly mine?: boolean;
  readonly owner?: string;
  readonly org?: string;
  readonly deal?: string;
  readonly tag?: string;
  readonly json?: boolean;
  readonly cron?: boolean;
  readonly ics?: string | boolean;
}

/** "14d" -> 14 days; "2w" -> 14; "1m" counts as 31 so a month ahead is always included. */
function withinDays(text: string | undefined): number {
  if (!text) return 14;
  const d = parseDuration(text);
  if (!d) throw new UsageError(`cannot read the period "${text}"`, 'e.g. --within 7d, 2w, 1m');
  return (d.days ?? 0) + (d.months ?? 0) * 31;
}

const LABELS = { overdue: 'Overdue', today: 'Today', week: 'This week', later: 'Later' } as const;

function renderTerminal(out: Output, groups: ReturnType<typeof groupItems>): string {
  const lines: string[] = [];
  for (const key of Object.keys(LABELS) as (keyof typeof LABELS)[]) {
    const items = groups[key];
    if (!items.length) continue;
    const heading = `${LABELS[key]} (${items.length})`;
    lines.push(paint(out, 'bold', key === 'overdue' ? paint(out, 'red', heading) : heading));
    for (const item of items) {
      const late = item.overdue_days > 0 ? paint(out, 'red', ` ${item.overdue_days}d late`) : '';
      const owner = item.owner ? paint(out, 'dim', ` @${item.owner}`) : '';
      lines.push(`  ${paint(out, 'dim', item.due)}  ${paint(out, 'cyan', item.kind.padEnd(9))} ${clean(item.title)}${owner}${late}`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

export async function run(opts: DueOptions, env: Env) {
  const repo = openRepo(env);
  const { data } = repo;
  const today = localDate(env.now, env.zone);
  const within = opts.all ? Infinity : withinDays(opts.within);
  const owner = opts.mine ? await currentHandle(env, repo.root, data.settings) : opts.owner?.replace(/^@/, '');
  const org = opts.org ? resolveRef(data, opts.org, ['org']).slug : undefined;
  const deal = opts.deal ? resolveRef(data, opts.deal, ['deal']).slug : undefined;
  const items: DueItem[] = filterItems(dueItems(data, { today, within }), { owner, org, deal, tag: opts.tag, repo: data });
  const groups = groupItems(items, today);
  if (opts.ics !== undefined && opts.ics !== false) {
    const ics = renderIcs(items, { now: env.now, team: data.settings.name });
    if (typeof opts.ics === 'string' && opts.ics !== '-') {
      writeFileSync(resolve(env.cwd, opts.ics), ics);
      env.err.write(`wrote ${items.length} to-do${items.length === 1 ? '' : 's'} to ${opts.ics}\n`);
    } else env.out.write(ics);
    return items;
  }
  if (opts.json) {
    printJson(env.out, { now: new Date(env.now).toISOString(), today, items });
    return items;
  }
  if (opts.cron) {
    // cron mails whatever is printed: nothing due, nothing printed
    if (items.length) env.out.write(renderDigest(groups, { today, team: data.settings.name }));
    return items;
  }
  if (!items.length) {
    env.out.write(`Nothing due${Number.isFinite(within) ? ` in the next ${within} days` : ''}. Every conversation is where it should be.\n`);
    return items;
  }
  env.out.write(renderTerminal(env.out, groups));
  return items;
}
