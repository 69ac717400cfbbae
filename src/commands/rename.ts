// `kith rename REF NEW-NAME`: new name and slug (file name); every reference follows, one commit.
import { renameAuthor } from '../core/conversation/index.js';
import {
  allRecords,
  displayName,
  KithError,
  plural,
  quotePath,
  referenceChanges,
  slugify,
  typedName,
  unreadableFiles,
  UsageError,
} from '../core/model/index.js';
import { clean } from '../render/text/paint.js';
import { editRecordText } from '../store/front-matter-edit.js';
import { slugOfPath } from '../store/layout.js';
import { withRepoExcerpts, type Env } from './env.js';
import type { CommandSpec } from './spec.js';

export const spec: CommandSpec = {
  args: [
    { name: '<ref>', help: 'record to rename' },
    { name: '<new-name>', help: 'the new name' },
  ],
};

export interface RenameOptions {
  readonly ref: string;
  readonly newName: string;
}

const NAME_KEY = { contact: 'name', org: 'name', deal: 'title', conversation: 'subject' } as const;

export async function run(opts: RenameOptions, env: Env) {
  return withRepoExcerpts(env, 'rename', async (repo) => {
    const target = repo.resolve(opts.ref);
    const name = typedName(opts.newName);
    if (!name) throw new UsageError('the new name is empty');
    // a file kith cannot read may point at the record: renaming past it would leave it dangling
    const unreadable = unreadableFiles(repo.data);
    if (unreadable.length) {
      const files = unreadable.map((f) => `  ${quotePath(f)}`).join('\n');
      const what = `${plural(unreadable.length, 'file')} cannot be read and may refer to it`;
      throw new KithError(
        `not renaming ${quotePath(target.path)}: ${what}:\n${files}`,
        '`kith check` says what is wrong with them; fix them, then rename',
      );
    }
    const dir = target.path.slice(0, target.path.lastIndexOf('/'));
    const wanted = slugify(name);
    const path = wanted === target.slug ? target.path : repo.newPath(dir, wanted);
    const slug = slugOfPath(path);
    const writes = new Map<string, string>();
    writes.set(path, editRecordText(repo.readForEdit(target.path), target.path, { [NAME_KEY[target.kind]]: name }));
    if (slug !== target.slug) {
      for (const r of allRecords(repo.data)) {
        const changes = referenceChanges(r, target.kind, target.slug, slug);
        const authors =
          target.kind === 'contact' && r.kind === 'conversation' && r.entries.some((e) => e.author === target.slug);
        // only the files that point at the record are read: a big repository is not read whole
        if (!Object.keys(changes).length && !authors && r !== target) continue;
        const own = r === target;
        const current = own ? writes.get(path)! : repo.readForEdit(r.path);
        const text = editRecordText(
          current,
          r.path,
          changes,
          authors ? (body) => renameAuthor(body, target.slug, slug) : undefined,
        );
        if (text !== current || own) writes.set(own ? path : r.path, text);
      }
    }
    const removes = path !== target.path ? [target.path] : [];
    const summary = `rename ${target.kind} ${displayName(target)} to ${name}`;
    await repo.apply({ writes, removes, summary, action: 'rename', refs: [target.path, path] });
    const others = writes.size - 1;
    const moved = path !== target.path ? ` (${quotePath(target.path)} -> ${quotePath(path)})` : '';
    const updated = others ? `; ${plural(others, 'file')} updated to match` : '';
    env.out.write(`renamed ${clean(displayName(target))} to ${clean(name)}${moved}${updated}\n`);
    return { from: target.path, to: path, updated: [...writes.keys()] };
  });
}
