// Ranking search hits: every query word must match; a word in a name, subject, address, title
// or tag counts more than one in the notes or timeline; among equals the more recent first. Pure.
import type { RecordKind } from '../model/types.js';

export interface SearchDoc {
  readonly path: string;
  readonly kind: RecordKind;
  /** Name, title or subject, as written. */
  readonly title: string;
  /** Its latest activity (or creation), ISO, for ordering equals. */
  readonly recency: string;
}

/** How well one document matches each query word: 2 in its fields, 1 in its text, 0 not at all. */
export type Matches = readonly number[];

export interface RankedHit extends SearchDoc {
  readonly score: number;
}

// a match in the fields that name a record is what people mean most of the time
const FIELD_WEIGHT = 3;

export function rankHits(candidates: ReadonlyMap<SearchDoc, Matches>, limit: number): RankedHit[] {
  const hits: RankedHit[] = [];
  for (const [doc, matches] of candidates) {
    if (matches.some((m) => m === 0)) continue;
    const score = matches.reduce((sum, m) => sum + (m === 2 ? FIELD_WEIGHT : 1), 0);
    hits.push({ ...doc, score });
  }
  return hits
    .sort((a, b) => b.score - a.score || (a.recency < b.recency ? 1 : a.recency > b.recency ? -1 : 0))
    .slice(0, limit);
}
