// Values a merge kept aside are a decision someone owes: one "settle" item per file, due
// today until it is settled. Pure.
import { keptValues } from '../model/kept.js';
import { displayName } from '../model/records.js';
import type { IsoDate, RepoData } from '../model/types.js';
import type { DueItem } from './due.js';

const fieldsOf = (kept: readonly { field: string }[]) => [...new Set(kept.map((k) => k.field))].join(', ');

export function settleItems(repo: RepoData, today: IsoDate): DueItem[] {
  const items: DueItem[] = [];
  for (const r of [...repo.contacts, ...repo.orgs, ...repo.deals, ...repo.conversations]) {
    const kept = keptValues(r.data);
    if (!kept.length) continue;
    const where =
      r.kind === 'conversation'
        ? { conversation: r.path }
        : r.kind === 'contact'
          ? { contact: r.slug }
          : { [r.kind]: r.slug };
    items.push({
      kind: 'settle',
      due: today,
      overdue_days: 0,
      title: `settle what a merge kept in ${displayName(r)}: ${fieldsOf(kept)}`,
      detail: r.path,
      owner: r.owner,
      ...where,
      uid: `settle-${r.id}`,
    });
  }
  const settings = repo.settings.kept?.values ?? [];
  if (settings.length)
    items.push({
      kind: 'settle',
      due: today,
      overdue_days: 0,
      title: `settle what a merge kept in kith.yaml: ${fieldsOf(settings)}`,
      detail: 'kith.yaml',
      uid: 'settle-kith.yaml',
    });
  return items;
}
