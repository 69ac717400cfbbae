// `kith sync` for a terminal: what was committed, what came in and went out, what was merged,
// and every value a merge kept aside (with how to settle it).
import { describeKept } from '../../core/merge/index.js';
import { plural, quotePath } from '../../core/model/index.js';
import type { SyncLike } from '../json/sync.js';
import { clean } from './paint.js';

const counts = (files: number, entries: number) =>
  [plural(files, 'file'), ...(entries ? [plural(entries, 'entry', 'entries')] : [])].join(', ');

export function renderSync(r: SyncLike): string {
  const up = `${r.remote}/${r.branch}`;
  const lines: string[] = [];
  if (r.committed) lines.push(`committed hand edits: ${r.committed.files.map((f) => quotePath(f)).join(', ')}`);
  const { incoming: i, outgoing: o } = r;
  if (i.commits.length)
    lines.push(`in:  ${plural(i.commits.length, 'commit')} from ${up} (${counts(i.files.length, i.entries)})`);
  for (const m of r.merged) {
    const each = `${m.added.ours} new ${m.added.ours === 1 ? 'entry' : 'entries'} here, ${m.added.theirs} there`;
    lines.push(`merged ${quotePath(m.path)}${m.added.ours || m.added.theirs ? `: ${each}` : ''}`);
    for (const k of m.kept) lines.push(`  kept: ${clean(describeKept(k))}`);
  }
  for (const x of r.restored)
    lines.push(
      `kept ${quotePath(x.path)}: removed on one side, changed on the other (${x.side === 'ours' ? 'here' : 'there'})`,
    );
  for (const x of r.moved)
    lines.push(`moved ${quotePath(x.from)} to ${quotePath(x.to)}: both sides added a record at that path`);
  for (const u of r.unified) {
    const from = u.from.map((f) => quotePath(f)).join(', ');
    lines.push(
      u.skipped
        ? `not unified ${quotePath(u.into)} and ${from}: ${clean(u.skipped)}`
        : `unified ${from} into ${quotePath(u.into)} (one record, every entry once)`,
    );
  }
  if (o.commits.length)
    lines.push(`out: ${plural(o.commits.length, 'commit')} to ${up} (${counts(o.files.length, o.entries)})`);
  if (!i.commits.length && !o.commits.length) lines.push(`up to date with ${up}`);
  if (r.merged.some((m) => m.kept.length))
    lines.push('values kept aside are listed by kith check and kith due until settled');
  return `${lines.join('\n')}\n`;
}
