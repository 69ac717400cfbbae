// `kith show REF`: a card for a contact, org or deal, or a conversation's timeline.
import { showJson } from '../render/json/show.js';
import { renderCard } from '../render/text/card.js';
import { printJson } from '../render/text/paint.js';
import { viewOfRepo, type Env } from './env.js';
import { slotOf } from '../store/views.js';
import { JSON_OPTION, type CommandSpec } from './spec.js';

export const spec: CommandSpec = {
  args: [{ name: '<ref>', help: 'slug, id, e-mail, domain or part of a name' }],
  options: [JSON_OPTION],
};

export interface ShowOptions {
  readonly ref: string;
  readonly json?: boolean;
}

export async function run(opts: ShowOptions, env: Env) {
  // a card is a function of the records and how the terminal shows it: kept for the last few asked
  const key = JSON.stringify([opts.ref, !!opts.json, env.out.color, env.out.columns]);
  const { value } = await viewOfRepo(env, slotOf('show', key, 8), key, (repo) => {
    // the record shown is read whole; the others are excerpts from the index cache
    const r = repo.full(repo.resolve(opts.ref).path);
    return opts.json ? showJson(repo.data, r) : renderCard(env.out, repo.data, r);
  });
  if (typeof value === 'string') env.out.write(value);
  else printJson(env.out, value);
  return value;
}
