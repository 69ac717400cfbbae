// `kith search QUERY`: records whose names, addresses, organisations, titles, tags or timeline
// text hold every word of the query (prefixes match), best and most recent first, each with
// its file:line and the line it matched.
import { UsageError } from '../core/model/errors.js';
import type { RecordKind } from '../core/model/index.js';
import { renderSearch } from '../render/text/search.js';
import { printJson } from '../render/text/paint.js';
import { rootOfEnv } from '../store/find-root.js';
import { recordsGitView } from '../store/records-git-view.js';
import { repoFileReader } from '../store/safe-paths.js';
import { searchRecords } from '../store/search-index.js';
import type { Env } from './env.js';
import type { CommandSpec } from './spec.js';

const KINDS: readonly RecordKind[] = ['contact', 'org', 'deal', 'conversation'];

export const spec: CommandSpec = {
  args: [{ name: '<query...>', help: 'words to find; case and accents do not matter' }],
  options: [
    { flags: '--kind <kind>', help: 'only records of this kind', choices: KINDS, repeatable: true },
    { flags: '--limit <n>', help: 'at most this many hits', default: '20' },
    { flags: '--json', help: 'print JSON: {"query", "hits": [{path, line, kind, title, score, snippet}]}' },
  ],
  help: `
Every word must match, at the start of a word: "pric sso" finds "SSO pricing".
A word of a record's own name (a deal's title, a conversation's subject) ranks first, one in
its other fields (e-mails, organisation, people, job title, tags) next, one in the notes or
the timeline last; among equals, the most recent activity comes first.

Examples:
  kith search müller            finds Müller and Muller
  kith search renewal --kind deal
  kith search jane@acme.example --json`,
};

export interface SearchOptions {
  readonly query: readonly string[];
  readonly kind?: readonly RecordKind[];
  readonly limit?: string;
  readonly json?: boolean;
}

export async function run(opts: SearchOptions, env: Env) {
  const limit = Number(opts.limit ?? '20');
  if (!Number.isInteger(limit) || limit < 1)
    throw new UsageError(`--limit must be a whole number above 0, not "${opts.limit}"`);
  // the modules of a search are few: no schema, YAML or simple-git unless files changed
  const root = rootOfEnv(env);
  const query = opts.query.join(' ');
  const git = recordsGitView(root, env.vars);
  const { hits } = await searchRecords(root, repoFileReader(root), query, {
    kinds: opts.kind,
    limit,
    git,
  });
  const json = hits.map((h) => ({
    path: h.path,
    line: h.line,
    kind: h.kind,
    title: h.title,
    score: h.score,
    snippet: h.snippet,
  }));
  if (opts.json) printJson(env.out, { query, hits: json });
  else env.out.write(renderSearch(env.out, hits, query));
  return json;
}
