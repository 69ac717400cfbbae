// Parses an import's messages within a time budget each: small messages in this thread, where
// the parse is provably short, bigger ones in one long-lived worker thread that is terminated
// when a parse runs over its budget; that message is then filed from its headers alone.
import { Worker } from 'node:worker_threads';
import type { MailMessage } from '../core/mail/index.js';
import { KithError } from '../core/model/errors.js';
import { headersOnly, parseMessage } from './message.js';

// 5 s: the slowest real mail we have seen parses in well under a second; a cron import that
// meets a hostile one loses seconds, not the run
export const DEFAULT_PARSE_MS = 5000;

// Below 16 KB a message is parsed here: the worst we could build (HTML of nothing but "<",
// quadratic in htmlToText) takes under 0.1 s at that size, and most mail is this small,
// so it pays no copy to a thread. The parse time of larger hostile mail grows as the square
// of its size (64 KB 1.3 s, 256 KB 20 s).
export const INLINE_BYTES = 16 * 1024;

/** The time budget from KITH_MAIL_PARSE_MS (milliseconds), or the default. */
export function parseBudgetMs(value: string | undefined): number {
  if (value === undefined || value.trim() === '') return DEFAULT_PARSE_MS;
  const ms = Number(value);
  if (!Number.isInteger(ms) || ms < 1)
    throw new KithError(
      `KITH_MAIL_PARSE_MS is not a number of milliseconds: "${value}"`,
      'e.g. KITH_MAIL_PARSE_MS=5000',
    );
  return ms;
}

interface Reply {
  readonly message?: MailMessage;
  readonly error?: string;
}

export interface ParserOptions {
  /** Milliseconds one message's parse may take. */
  readonly budgetMs: number;
  /** Messages up to this many bytes are parsed in this thread (default INLINE_BYTES). */
  readonly inlineBytes?: number;
}

/** One import's parser: call `close` when done (an idle worker never keeps the process alive). */
export class MessageParser {
  private worker: Worker | undefined;
  private readonly inlineBytes: number;

  constructor(private readonly opts: ParserOptions) {
    this.inlineBytes = opts.inlineBytes ?? INLINE_BYTES;
  }

  /** Parses one message; one at a time (await each before the next). */
  async parse(raw: Buffer | string, origin: string, fallbackDate?: string): Promise<MailMessage> {
    const bytes = typeof raw === 'string' ? Buffer.from(raw) : raw;
    if (bytes.length <= this.inlineBytes) return parseMessage(bytes, origin, fallbackDate);
    const reply = await this.inWorker(bytes, origin, fallbackDate);
    if (reply === 'over') {
      const message = await parseMessage(headersOnly(bytes), origin, fallbackDate);
      return { ...message, overBudget: `over its parse time budget of ${this.opts.budgetMs} ms` };
    }
    if (reply.error !== undefined || !reply.message) throw new Error(reply.error ?? 'no reply from the parser');
    return reply.message;
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private inWorker(bytes: Buffer, origin: string, fallbackDate?: string): Promise<Reply | 'over'> {
    // the worker is compiled beside this module (dist/mail/parse-worker.js)
    const worker = (this.worker ??= new Worker(new URL('./parse-worker.js', import.meta.url)));
    // idle between messages, the worker must not keep the process alive; the timer does while it works
    worker.unref();
    return new Promise((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      };
      const onMessage = (reply: Reply) => {
        done();
        resolve(reply);
      };
      const onError = (err: Error) => {
        done();
        this.forget(worker);
        reject(err);
      };
      const onExit = () => onError(new Error('the parser stopped'));
      const timer = setTimeout(() => {
        done();
        this.forget(worker);
        void worker.terminate();
        resolve('over');
      }, this.opts.budgetMs);
      worker.on('message', onMessage).on('error', onError).on('exit', onExit);
      // a copy of just this message's bytes (a source's buffer may hold more), moved, not cloned
      const copy = new Uint8Array(bytes);
      worker.postMessage({ raw: copy, origin, ...(fallbackDate ? { fallbackDate } : {}) }, [copy.buffer]);
    });
  }

  /** The next big message starts a new worker. */
  private forget(worker: Worker): void {
    if (this.worker === worker) this.worker = undefined;
  }
}
