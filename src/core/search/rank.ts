// Ranking search hits: every query word must match; a word of the record's name (or title or
// subject) counts most, one in its other fields (e-mails, organisation, people, job title, tags)
// next, one in the notes or timeline least; among equals the more recent first. Pure.
import type { RecordKind } from '../model/types.js';

export interface SearchDoc {
  readonly path: string;
  readonly kind: RecordKind;
  /** Name, title or subject, as written. */
  readonly title: string;
  /** Its latest activity (or creation), ISO, for ordering equals. */
  readonly recency: string;
}

/**
 * How well one document matches each query word: 3 in its name, 2 in its other fields, 1 in its
 * text, 0 not at all.
 */
export type Matches = readonly number[];

export interface RankedHit extends SearchDoc {
  readonly score: number;
}

// a match in what names a record is what people mean most of the time, then its other fields
const WEIGHTS = [0, 1, 3, 5];

/** Whether a hit of this score and recency ranks above `b` (equals keep their order). */
const above = (score: number, recency: string, b: Ranked) =>
  score !== b.score ? score > b.score : recency > b.recency;

interface Ranked {
  readonly recency: string;
  readonly score: number;
}

/**
 * The best `limit` documents that match every word, best first; ties keep the candidates' order.
 * A candidate needs only its recency: the rest of it is carried along, whatever it is.
 */
export function rankHits<D extends { readonly recency: string }>(
  candidates: ReadonlyMap<D, Matches>,
  limit: number,
): (D & { readonly score: number })[] {
  // one pass keeping the best `limit`: tens of thousands of candidates are never sorted whole
  const best: (D & { readonly score: number })[] = [];
  for (const [doc, matches] of candidates) {
    if (matches.some((m) => m === 0)) continue;
    const score = matches.reduce((sum, m) => sum + WEIGHTS[m]!, 0);
    const last = best[best.length - 1];
    if (best.length >= limit && (!last || !above(score, doc.recency, last))) continue;
    let at = best.length;
    while (at > 0 && above(score, doc.recency, best[at - 1]!)) at--;
    const hit = { ...doc, score };
    best.splice(at, 0, hit);
    if (best.length > limit) best.pop();
  }
  return best;
}
