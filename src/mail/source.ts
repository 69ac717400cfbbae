// The one narrow interface every mail source implements: a stream of raw messages and
// warnings. Sources never file anything; the importer parses and plans.
export type SourceItem =
  | {
      readonly kind: 'message';
      readonly raw: Buffer;
      readonly origin: string;
      readonly fallbackDate?: string;
      readonly truncated?: boolean;
    }
  | { readonly kind: 'warning'; readonly origin: string; readonly message: string };

export interface MailSource {
  readonly name: string;
  messages(): AsyncIterable<SourceItem>;
  /** Called once everything read has been committed (IMAP advances its cursors here). */
  commit?(): Promise<void>;
  close?(): Promise<void>;
}

// A message larger than this is kept to its headers and first part: nobody files a 100 MB
// attachment into a CRM, and the importer's memory stays bounded.
export const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

/** A message and, when it was cut at MAX_MESSAGE_BYTES, the warning that says so first. */
export function* messageItems(
  raw: Buffer,
  origin: string,
  truncated: boolean,
  fallbackDate?: string,
): Generator<SourceItem> {
  if (truncated) {
    yield {
      kind: 'warning',
      origin,
      message: `message over ${MAX_MESSAGE_BYTES / 1048576} MB: kept its first part only`,
    };
  }
  yield { kind: 'message', raw, origin, truncated, ...(fallbackDate ? { fallbackDate } : {}) };
}
