// The one error boundary: what the user sees when a command fails, and the exit code
// (0 ok, 1 error, 2 usage error or ambiguous reference). Stack traces only with KITH_DEBUG=1.
import { CommanderError } from 'commander';
import { KithError, UsageError } from '../core/model/errors.js';

const EXIT = { ok: 0, error: 1, usage: 2 } as const;

export function exitCodeOf(err: unknown): number {
  if (err instanceof CommanderError) {
    const quiet = ['commander.helpDisplayed', 'commander.version', 'commander.help'];
    return quiet.includes(err.code) ? EXIT.ok : EXIT.usage;
  }
  return err instanceof UsageError ? EXIT.usage : EXIT.error;
}

/** Prints the error (commander has already printed its own) and returns the exit code. */
export async function report(err: unknown, write: (text: string) => void, debug: boolean): Promise<number> {
  if (err instanceof CommanderError) return exitCodeOf(err);
  if (debug && err instanceof Error) write(`${err.stack}\n`);
  // a system error (a full disk, a denied permission) is said in words, not as ENOSPC
  if (!(err instanceof KithError) && (err as NodeJS.ErrnoException)?.code) {
    const { explainSystemError } = await import('../store/failure.js');
    err = explainSystemError(err, undefined, '') ?? err;
  }
  if (err instanceof KithError) {
    write(`kith: ${err.message}\n${err.hint ? `hint: ${err.hint}\n` : ''}`);
    return exitCodeOf(err);
  }
  const message = err instanceof Error ? err.message : String(err);
  write(`kith: ${message.split('\n')[0]}\n${debug ? '' : 'hint: run again with KITH_DEBUG=1 for details\n'}`);
  return EXIT.error;
}
