// Narrowing due items to an owner, org, deal or tag. Pure; lookups by key, not by scanning:
// a big repository can have tens of thousands of items due.
import { indexRepo } from '../model/repo-index.js';
import type { RepoData } from '../model/types.js';
import type { DueItem } from './due.js';

export interface DueFilter {
  readonly owner?: string;
  readonly org?: string;
  readonly deal?: string;
  /** A tag on the item's contact, org, deal or conversation. */
  readonly tag?: string;
}

/** The items that pass every filter given; `data` is needed only to filter by tag. */
export function filterItems(items: readonly DueItem[], f: DueFilter, data?: RepoData): DueItem[] {
  const tagged = (i: DueItem) => {
    const index = indexRepo(data!);
    const records = [
      i.contact === undefined ? undefined : index.contacts.get(i.contact),
      i.org === undefined ? undefined : index.orgs.get(i.org),
      i.deal === undefined ? undefined : index.deals.get(i.deal),
      i.conversation === undefined ? undefined : index.byPath.get(i.conversation),
    ];
    return records.some((r) => r?.tags.includes(f.tag!));
  };
  return items.filter(
    (i) =>
      (!f.owner || i.owner === f.owner) &&
      (!f.org || i.org === f.org) &&
      (!f.deal || i.deal === f.deal) &&
      (!f.tag || tagged(i)),
  );
}
