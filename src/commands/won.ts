// `kith won DEAL`: the deal is won (a move to the won stage, with the final amount).
import { WON } from '../core/model/index.js';
import type { Env } from './env.js';
import { AT_OPTION, run as move } from './move.js';
import type { CommandSpec } from './spec.js';

export const spec: CommandSpec = {
  args: [{ name: '<deal>', help: 'the deal' }],
  options: [
    { ...AT_OPTION, help: 'when it was won (default today)' },
    { flags: '--amount <n>', help: 'the final amount' },
  ],
};

export const run = (opts: { deal: string; at?: string; amount?: string }, env: Env) =>
  move({ ...opts, stage: WON }, env);
