// `kith show REF`: a card for a contact, org or deal, or a conversation's timeline.
import { showJson } from '../render/json/show.js';
import { renderCard } from '../render/text/card.js';
import { printJson } from '../render/text/paint.js';
import { openRepo, type Env } from './env.js';
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
  const repo = await openRepo(env, { excerpts: true });
  const data = repo.data;
  // the record shown is read whole; the others are excerpts from the index cache
  const r = repo.full(repo.resolve(opts.ref).path);
  if (!opts.json) {
    env.out.write(renderCard(env.out, data, r));
    return r;
  }
  const json = showJson(data, r);
  printJson(env.out, json);
  return json;
}
