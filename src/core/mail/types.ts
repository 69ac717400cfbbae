// The data a mail message becomes before it is filed: shared by mail sources and the planner.

export interface Address {
  readonly name?: string;
  /** Lower case, as written (plus tags kept; matching normalises them). */
  readonly address: string;
}

export type DateSource = 'header' | 'received' | 'mbox';

export interface MailMessage {
  /** With angle brackets; a stable hash of the message when it has none. */
  readonly messageId: string;
  readonly inReplyTo?: string;
  readonly references: readonly string[];
  readonly subject: string;
  readonly from?: Address;
  readonly to: readonly Address[];
  readonly cc: readonly Address[];
  /** ISO instant, or undefined when no date could be found. */
  readonly date?: string;
  readonly dateSource: DateSource;
  readonly text: string;
  readonly attachments: readonly { name: string; size: number }[];
  /** List-Id, List-Unsubscribe or Precedence: bulk: a newsletter or a mailing list. */
  readonly isBulk: boolean;
  /** Where it came from, for messages: "inbox.mbox #12", "INBOX uid 42". */
  readonly origin: string;
  /** Why only the headers were read (too many MIME parts, too large): it is filed as metadata only. */
  readonly overBudget?: string;
}
