// `kith due`: what needs attention, grouped Overdue / Today / This week / Later; also as
// JSON, a cron digest (silent when nothing is due) and an iCalendar file.
import {
  allDueItems,
  filterItems,
  groupItems,
  horizonDays,
  withinHorizon,
  type DueItem,
} from '../core/followup/index.js';
import { checkMember, plural, quotePath, UsageError, type RepoData } from '../core/model/index.js';
import { localDate } from '../core/time/index.js';
import { renderDigest } from '../render/digest.js';
import { dueItemJson } from '../render/json/due.js';
import { renderIcs } from '../render/ics.js';
import { renderDue, renderNothingDue } from '../render/text/due.js';
import { writeBytes } from '../render/text/output.js';
import { jsonText } from '../render/text/paint.js';
import { writeOutside } from '../store/files.js';
import { currentHandle, openRepo, printedView, viewOfRepo, type Env } from './env.js';
import type { CommandSpec } from './spec.js';

export const spec: CommandSpec = {
  options: [
    { flags: '--within <period>', help: 'how far ahead to look (14d, 2w, 1m)', default: '14d' },
    { flags: '--all', help: 'everything, however far ahead' },
    { flags: '--mine', help: 'only what I own' },
    { flags: '--owner <handle>', help: "only this teammate's" },
    { flags: '--org <ref>', help: 'only this organisation' },
    { flags: '--deal <ref>', help: 'only this deal' },
    { flags: '--tag <tag>', help: 'only contacts or orgs with this tag' },
    { flags: '--json', help: 'print JSON: {"now", "items": [...]}' },
    { flags: '--cron', help: 'a plain digest for cron mail; prints nothing when nothing is due' },
    { flags: '--ics [file]', help: 'write an iCalendar file of to-dos (stdout without a file)' },
  ],
  help: `
Kinds of item:
  reply      our turn: the next date came, or their message waits past the reply window
  nudge      their turn, and they have been silent past the nudge interval
  promise    a promise of ours is coming due or overdue
  chase      a promise of theirs is overdue
  reconnect  a contact's stay-in-touch cadence has run out
  deal       an open deal past its close date, or with no activity for a while
  settle     a merge kept a value aside (conflicts:): decide which stays

Every morning at 8, mailed by cron when something is due:
  0 8 * * 1-5  cd ~/crm && kith due --cron`,
};

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

// the time of asking, left out of the kept JSON (it is its first key)
const NO_NOW = Buffer.from('"now": ""');

/** The items, or undefined when the day's whole list was printed as JSON as it was kept. */
export async function run(opts: DueOptions, env: Env): Promise<readonly DueItem[] | undefined> {
  const formats = [
    opts.json && '--json',
    opts.cron && '--cron',
    opts.ics !== undefined && opts.ics !== false && '--ics',
  ];
  const chosen = formats.filter((f): f is string => Boolean(f));
  if (chosen.length > 1) throw new UsageError(`${chosen.join(' and ')} cannot be combined`, 'choose one output');
  if (opts.mine && opts.owner !== undefined) throw new UsageError('--mine and --owner cannot be combined');
  const today = localDate(env.now, env.zone);
  const within = opts.all ? Infinity : horizonDays(opts.within);
  const work = (data: RepoData) => allDueItems(data, { today, zone: env.zone });
  const json = (items: readonly DueItem[], now: string) => jsonText({ now, today, items: items.map(dueItemJson) });
  const narrowed = opts.org !== undefined || opts.deal !== undefined || opts.tag !== undefined;
  const now = new Date(env.now).toISOString();
  if (opts.json && !narrowed && !opts.mine && opts.owner === undefined) {
    // what a script asks most, the whole list as JSON, kept as printed: only the time of asking is new
    const print = (all: readonly DueItem[]) => Buffer.from(json(withinHorizon(all, today, within), ''));
    const day = `${today} ${env.zone}`;
    const text = await printedView(env, { name: 'due-json', key: `${day} ${within}`, print }, 'due', day, (r) =>
      work(r.data),
    );
    const at = text.indexOf(NO_NOW);
    const asked = Buffer.from(`"now": ${JSON.stringify(now)}`);
    writeBytes(
      env.out,
      at < 0 ? text : Buffer.concat([text.subarray(0, at), asked, text.subarray(at + NO_NOW.length)]),
    );
    return undefined;
  }
  // narrowed to a record: worked out from the records' excerpts; else the day's whole list,
  // kept in the cache until a record file moves
  const repo = narrowed ? await openRepo(env, { excerpts: true }) : undefined;
  const view = repo ? undefined : await viewOfRepo(env, 'due', `${today} ${env.zone}`, (r) => work(r.data));
  const all = repo ? work(repo.data) : view!.value;
  const root = repo?.root ?? view!.root;
  // the team's settings only when an option needs them: a kept list is printed without kith.yaml's YAML
  const settings = async () => repo?.settings ?? (await view!.settings());
  if (opts.owner !== undefined) checkMember({ settings: await settings() }, opts.owner);
  const owner = opts.mine
    ? await currentHandle(env, { root, settings: await settings() })
    : opts.owner?.trim().replace(/^@/, '');
  const org = opts.org ? repo!.resolve(opts.org, ['org']).slug : undefined;
  const deal = opts.deal ? repo!.resolve(opts.deal, ['deal']).slug : undefined;
  const items = filterItems(withinHorizon(all, today, within), { owner, org, deal, tag: opts.tag }, repo?.data);
  if (opts.ics !== undefined && opts.ics !== false) {
    const ics = renderIcs(items, { now: env.now, team: (await settings()).name });
    if (typeof opts.ics !== 'string' || opts.ics === '-') env.out.write(ics);
    else {
      writeOutside(env.cwd, opts.ics, ics);
      env.err.write(`wrote ${plural(items.length, 'to-do')} to ${quotePath(opts.ics)}\n`);
    }
  } else if (opts.json) env.out.write(json(items, now));
  // cron mails whatever is printed: nothing due, nothing printed
  else if (opts.cron)
    env.out.write(items.length ? renderDigest(groupItems(items, today), { today, team: (await settings()).name }) : '');
  else env.out.write(items.length ? renderDue(env.out, groupItems(items, today)) : renderNothingDue(within));
  return items;
}
