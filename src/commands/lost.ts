// `kith lost DEAL --reason WHY`: the deal is lost, and why (counted in kith pipeline).
import { LOST } from '../core/model/index.js';
import type { Env } from './env.js';
import { AT_OPTION, run as move } from './move.js';
import type { CommandSpec } from './spec.js';

export const spec: CommandSpec = {
  args: [{ name: '<deal>', help: 'the deal' }],
  options: [
    { flags: '--reason <why>', help: 'why it was lost (counted in kith pipeline)', required: true },
    { ...AT_OPTION, help: 'when it was lost (default today)' },
  ],
};

export const run = (opts: { deal: string; at?: string; reason: string }, env: Env) =>
  move({ ...opts, stage: LOST }, env);
