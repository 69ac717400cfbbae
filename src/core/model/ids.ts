// Record and entry ids: random (no counters, so teammates offline never collide) or derived
// from content (so two teammates importing the same mail produce the same id). No I/O.
import { createHash, randomBytes } from 'node:crypto';

// Crockford's base32 without i, l, o, u: reads aloud and survives case folding.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

function encode(bytes: Uint8Array, length: number): string {
  let out = '';
  for (let i = 0; out.length < length; i++) out += ALPHABET[(bytes[i % bytes.length] ?? 0) & 31];
  return out;
}

const ID_PREFIX = { contact: 'c', org: 'o', deal: 'd', conversation: 'v', entry: 'e', promise: 'p' } as const;
export type IdKind = keyof typeof ID_PREFIX;

// Records get 12 characters (60 bits); entries and promises, scoped to one file, get 8.
const LENGTH: Record<IdKind, number> = { contact: 12, org: 12, deal: 12, conversation: 12, entry: 8, promise: 8 };

export function newId(kind: IdKind, random: (n: number) => Uint8Array = randomBytes): string {
  return `${ID_PREFIX[kind]}-${encode(random(LENGTH[kind]), LENGTH[kind])}`;
}

/** An id that is a pure function of `content`. */
export function contentId(kind: IdKind, content: string): string {
  return `${ID_PREFIX[kind]}-${contentHash(content, LENGTH[kind])}`;
}

/** `length` base32 characters (5 bits each) of content's SHA-256. */
export function contentHash(content: string, length: number): string {
  return encode(createHash('sha256').update(content).digest(), length);
}
