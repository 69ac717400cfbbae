// The thread a big message is parsed in, so that a parse running over its time budget can be
// stopped (postal-mime cannot be interrupted from its own thread). Parses one message per
// request, in order; holds nothing between them.
import { parentPort } from 'node:worker_threads';
import { parseMessage } from './message.js';

interface Request {
  readonly raw: Uint8Array;
  readonly origin: string;
  readonly fallbackDate?: string;
}

const port = parentPort;
port?.on('message', (request: Request) => {
  const raw = Buffer.from(request.raw.buffer, request.raw.byteOffset, request.raw.byteLength);
  parseMessage(raw, request.origin, request.fallbackDate).then(
    (message) => port.postMessage({ message }),
    (err: unknown) => port.postMessage({ error: err instanceof Error ? err.message : String(err) }),
  );
});
