// Messages from files: a Maildir (cur/ and new/), single .eml files, or one message on
// standard input (a mail client or MDA piping mail in).
import { closeSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { plural } from '../core/model/index.js';
import { MAX_MESSAGE_BYTES, messageItems, type MailSource, type SourceItem } from './source.js';

/** Reads at most MAX_MESSAGE_BYTES of a file. */
function readCapped(path: string): { raw: Buffer; truncated: boolean } {
  const size = statSync(path).size;
  const length = Math.min(size, MAX_MESSAGE_BYTES);
  const raw = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    let done = 0;
    while (done < length) {
      const n = readSync(fd, raw, done, length - done, done);
      if (n === 0) break;
      done += n;
    }
  } finally {
    closeSync(fd);
  }
  return { raw, truncated: size > length };
}

function fileItems(path: string, origin: string): Generator<SourceItem> {
  const { raw, truncated } = readCapped(path);
  return messageItems(raw, origin, truncated);
}

export function maildirSource(dir: string): MailSource {
  return {
    name: `maildir ${dir}`,
    async *messages() {
      for (const sub of ['cur', 'new']) {
        let names: string[];
        try {
          names = readdirSync(join(dir, sub))
            .filter((n) => !n.startsWith('.'))
            .sort();
        } catch {
          if (sub === 'cur')
            yield { kind: 'warning', origin: dir, message: 'not a Maildir (no cur/ folder)' } as SourceItem;
          continue;
        }
        for (const name of names) yield* fileItems(join(dir, sub, name), `${dir}/${sub}/${name}`);
      }
    },
  };
}

export function emlSource(paths: readonly string[], stdin: NodeJS.ReadableStream): MailSource {
  return {
    name: paths.includes('-') ? 'standard input' : plural(paths.length, 'file'),
    async *messages() {
      for (const path of paths) {
        if (path !== '-') {
          yield* fileItems(path, path);
          continue;
        }
        const parts: Buffer[] = [];
        let size = 0;
        for await (const chunk of stdin) {
          const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
          if (size < MAX_MESSAGE_BYTES) parts.push(b.subarray(0, MAX_MESSAGE_BYTES - size));
          size += b.length;
        }
        yield* messageItems(Buffer.concat(parts), 'stdin', size > MAX_MESSAGE_BYTES);
      }
    },
  };
}
