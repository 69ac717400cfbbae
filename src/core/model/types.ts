// The data contract: plain readonly records as they are stored in the data repository.
// Pure types only; no behaviour, no I/O. The generated README (templates/README.md)
// documents the same fields for a person reading the repository.

/** A calendar date in the team's sense, `YYYY-MM-DD`. */
export type IsoDate = string;
/** A moment with its UTC offset, `YYYY-MM-DDTHH:MM[:SS]±HH:MM`. */
export type IsoDateTime = string;

export type RecordKind = 'contact' | 'org' | 'deal' | 'conversation';

/** Fields every record carries. `slug` is the file name without `.md`. */
interface RecordBase {
  readonly kind: RecordKind;
  readonly id: string;
  readonly slug: string;
  readonly path: string;
  /** The record's front matter as plain data, unknown keys included. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly body: string;
  /** Line of the first body line in the file (front matter lines come first). */
  readonly bodyLine: number;
  /** File line of each top-level key, so checks can point at the field. */
  readonly fieldLines: Readonly<Record<string, number>>;
  readonly created?: IsoDate;
  readonly tags: readonly string[];
  readonly owner?: string;
}

export interface Contact extends RecordBase {
  readonly kind: 'contact';
  readonly name: string;
  readonly emails: readonly string[];
  readonly phones: readonly string[];
  readonly org?: string; // org slug
  readonly title?: string;
  /** Stay-in-touch cadence as written: `90d`, `6w`, `quarterly`... */
  readonly cadence?: string;
  readonly referred_by?: string; // contact slug
}

export interface Org extends RecordBase {
  readonly kind: 'org';
  readonly name: string;
  readonly domains: readonly string[];
}

export interface StageChange {
  readonly stage: string;
  readonly at: IsoDate;
}

export interface Deal extends RecordBase {
  readonly kind: 'deal';
  readonly title: string;
  readonly org?: string;
  readonly contacts: readonly string[];
  readonly stage: string;
  readonly history: readonly StageChange[];
  readonly amount?: number;
  readonly currency?: string;
  readonly probability?: number;
  readonly close?: IsoDate;
  readonly source?: string;
  readonly referred_by?: string;
  readonly lost_reason?: string;
}

export type Turn = 'us' | 'them' | 'closed';

export type EntryType = 'mail' | 'call' | 'meeting' | 'note';
export const ENTRY_TYPES: readonly EntryType[] = ['mail', 'call', 'meeting', 'note'];

/**
 * One dated item of a conversation's timeline. The author is `@handle` for a teammate
 * and a contact slug for someone outside; `isOurs` is derived from that.
 */
export interface Entry {
  readonly id: string;
  readonly at: IsoDateTime;
  readonly type: EntryType;
  readonly author: string;
  /** Header lines under the entry heading (from, to, cc, subject, message-id, ...). */
  readonly meta: Readonly<Record<string, string>>;
  readonly text: string;
  readonly line: number;
}

type PromiseParty = 'us' | 'them';
/** dropped: given up when its conversation closed, neither kept nor broken. */
type PromiseState = 'open' | 'kept' | 'broken' | 'dropped';

export interface Promise_ {
  readonly id: string;
  /** Which side made the promise. */
  readonly from: PromiseParty;
  /** The person who promised: `@handle` or a contact slug. */
  readonly who?: string;
  readonly what: string;
  readonly due: IsoDate;
  readonly state: PromiseState;
  readonly made?: IsoDate;
  /** Date it was kept or broken. */
  readonly closed?: IsoDate;
}

export interface Conversation extends RecordBase {
  readonly kind: 'conversation';
  readonly subject: string;
  readonly participants: readonly string[]; // contact slugs
  readonly org?: string;
  readonly deal?: string;
  readonly turn: Turn;
  readonly next?: IsoDate;
  readonly promises: readonly Promise_[];
  readonly entries: readonly Entry[];
  readonly closed_reason?: string;
}

export type AnyRecord = Contact | Org | Deal | Conversation;

export interface Member {
  readonly handle: string;
  readonly name: string;
  readonly emails: readonly string[];
}

export interface Stage {
  readonly name: string;
  readonly probability: number;
}

export interface FollowUpSettings {
  /** Business days we allow ourselves to answer after their message. */
  readonly reply_days: number;
  /** Calendar days of silence on their side before we nudge. */
  readonly nudge_days: number;
  /** Days without activity after which an open deal is stale. */
  readonly stale_days: number;
  /** Weekdays that count as business days, `mon`..`sun`. */
  readonly workdays: readonly string[];
  readonly holidays: readonly IsoDate[];
}

export interface TeamSettings {
  readonly name: string;
  readonly domains: readonly string[];
  readonly members: readonly Member[];
  readonly currency: string;
  /** Value of one unit of a currency in the reporting currency. */
  readonly rates: Readonly<Record<string, number>>;
  readonly stages: readonly Stage[];
  readonly followup: FollowUpSettings;
  /** Values a merge kept aside in kith.yaml (`conflicts:`), until someone settles them. */
  readonly kept?: {
    readonly line: number;
    readonly values: readonly { readonly field: string; readonly value: unknown }[];
  };
}

export const DEFAULT_STAGES: readonly Stage[] = [
  { name: 'lead', probability: 0.1 },
  { name: 'qualified', probability: 0.25 },
  { name: 'proposal', probability: 0.5 },
  { name: 'negotiation', probability: 0.75 },
  { name: 'won', probability: 1 },
  { name: 'lost', probability: 0 },
];

export const DEFAULT_FOLLOWUP: FollowUpSettings = {
  reply_days: 2, // two business days: a reply after that reads as neglect
  nudge_days: 7, // a week of silence is when a polite nudge stops being pushy
  stale_days: 30,
  workdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  holidays: [],
};

/** A problem found in the data: printed `file:line:col: message`, then a hint. */
export interface Problem {
  readonly file: string;
  readonly line: number;
  readonly col: number;
  readonly message: string;
  readonly hint?: string;
  readonly severity: 'error' | 'warning';
}

/** The whole repository as data: what core functions receive. */
export interface RepoData {
  readonly settings: TeamSettings;
  readonly contacts: readonly Contact[];
  readonly orgs: readonly Org[];
  readonly deals: readonly Deal[];
  readonly conversations: readonly Conversation[];
  /** Problems met while loading (broken files are skipped, not fatal). */
  readonly problems: readonly Problem[];
  /**
   * Every record's key (what resolving a reference, uniqueness and references read), when the
   * store keeps keys apart: a reference is resolved and a change checked without reading every
   * record whole. With keys, a change's check may hold only the change's records in the lists.
   */
  readonly keys?: (kind: RecordKind) => readonly RecordKey[];
}

/** What resolving a reference reads of a record: the same for every kind, lists empty where a kind has none. */
export interface RecordKey {
  readonly kind: RecordKind;
  readonly slug: string;
  readonly path: string;
  readonly id: string;
  /** The record's name, title or subject. */
  readonly name: string;
  readonly emails: readonly string[];
  readonly domains: readonly string[];
  /** A conversation's: what finding someone's open conversation reads. */
  readonly about?: ConversationLinks;
}

/** Whom and what a conversation is with, and whether it is open. */
export interface ConversationLinks {
  readonly participants: readonly string[];
  readonly org?: string;
  readonly deal?: string;
  readonly open: boolean;
}
