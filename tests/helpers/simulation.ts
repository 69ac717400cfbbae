// A seeded, replayable simulation of a team sharing one repository through a git server:
// random operations on random clones (log, promise, done, set the same and different keys,
// move deals, add contacts, rename, hand edits of bodies and front matter, mail imports of
// overlapping threads), with syncs in random order, two at once, and a plain `git pull` now
// and then. It keeps an oracle of everything created and set, to check at the end that
// nothing was lost. Models: TaskChampion's syncing-proptest, Yjs' applyRandomTests.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run as add } from '../../src/commands/add.js';
import { run as done } from '../../src/commands/done.js';
import { run as importMail } from '../../src/commands/import.js';
import { run as log } from '../../src/commands/log.js';
import { run as move } from '../../src/commands/move.js';
import { run as promise } from '../../src/commands/promise.js';
import { run as rename } from '../../src/commands/rename.js';
import { run as resolve } from '../../src/commands/resolve.js';
import { run as set } from '../../src/commands/set.js';
import { run as sync } from '../../src/commands/sync.js';
import { KithError } from '../../src/core/model/index.js';
import { openRepo } from '../../src/store/repo.js';
import type { Random } from './random.js';
import type { Mate, Team } from './team.js';

interface SetOp {
  readonly op: number;
  readonly record: string;
  readonly key: string;
  readonly value: string;
  /** The operations the clone had seen when it set the value. */
  readonly seen: ReadonlySet<number>;
}

export interface Oracle {
  /** Words logged in an entry, each expected exactly once across the repository. */
  readonly tokens: Set<string>;
  readonly entryIds: Set<string>;
  readonly promiseIds: Set<string>;
  readonly messageIds: Set<string>;
  readonly emails: Set<string>;
  readonly moves: { deal: string; stage: string; at: string }[];
  readonly sets: SetOp[];
  readonly counts: Record<string, number>;
}

interface Message {
  readonly id: string;
  readonly day: number;
  readonly text: string;
}

const DAY0 = Date.parse('2026-11-02T08:00:00+01:00');
const STAGES = ['lead', 'qualified', 'proposal', 'negotiation'];
const NAMES = ['Sam Lee', 'Ana Ruiz', 'Tom Baker', 'Ivy Chen', 'Ola Berg'];

/** Threads of mail from Acme, one message a day or so; teammates import overlapping slices. */
function threads(rnd: Random, count: number, days: number): Message[][] {
  return Array.from({ length: count }, (_, t) => {
    const start = rnd.int(Math.max(1, days - 3));
    const root = `t${t}-0-${rnd.word(6)}@acme.example`;
    const who = rnd.pick(['Jane Doe <jane@acme.example>', 'Pat Kim <pat@acme.example>', 'Lou Park <lou@acme.example>']);
    return Array.from({ length: 2 + rnd.int(4) }, (_, i) => {
      const id = i === 0 ? root : `t${t}-${i}-${rnd.word(6)}@acme.example`;
      const day = Math.min(days - 1, start + i);
      const at = new Date(DAY0 + day * 86_400_000 + (1 + i) * 3_600_000).toUTCString().replace('GMT', '+0000');
      const refs = i === 0 ? '' : `References: <${root}>\nIn-Reply-To: <${root}>\n`;
      const fromUs = i % 2 === 1;
      const [from, to] = fromUs ? ['Alice Martin <alice@northwind.example>', who] : [who, 'alice@northwind.example'];
      const subject = `${i ? 'Re: ' : ''}Topic ${t}`;
      const text = `From: ${from}\nTo: ${to}\nSubject: ${subject}\nDate: ${at}\nMessage-ID: <${id}>\n${refs}Content-Type: text/plain\n\nMail ${id} says ${rnd.word(5)}.\n`;
      return { id: `<${id}>`, day, text };
    });
  });
}

export class Simulation {
  readonly oracle: Oracle = {
    tokens: new Set(),
    entryIds: new Set(),
    promiseIds: new Set(),
    messageIds: new Set(),
    emails: new Set(),
    moves: [],
    sets: [],
    counts: {},
  };
  private readonly known = new Map<Mate, Set<number>>();
  private remote = new Set<number>();
  private op = 0;
  private now = DAY0;
  private readonly mail: Message[][];

  constructor(
    readonly rnd: Random,
    readonly team: Team,
    readonly days: number,
  ) {
    for (const m of team.mates) this.known.set(m, new Set());
    this.mail = threads(rnd, Math.max(2, Math.round(days / 2)), days);
  }

  private env(m: Mate) {
    return m.env(new Date(this.now).toISOString());
  }

  private did(m: Mate, what: string): number {
    this.oracle.counts[what] = (this.oracle.counts[what] ?? 0) + 1;
    this.known.get(m)!.add(++this.op);
    return this.op;
  }

  private token(): string {
    return `w${this.rnd.word(10)}`;
  }

  private async records(m: Mate) {
    return (await openRepo(m.dir, m.env().vars)).data;
  }

  /** A day of work: `ops` random operations on random clones, syncs among them. */
  async day(day: number, ops: number): Promise<void> {
    for (let i = 0; i < ops; i++) {
      this.now = DAY0 + day * 86_400_000 + Math.round(((i + 1) / (ops + 1)) * 10 * 3_600_000);
      const m = this.rnd.pick(this.team.mates);
      const r = this.rnd.next();
      if (r < 0.18) await this.sync(m);
      else if (r < 0.21) await this.race();
      else if (r < 0.24) await this.pull(m);
      else await this.work(m, day);
    }
  }

  /** One operation; one a person could not do (no open conversation to promise in) is skipped. */
  private async work(m: Mate, day: number): Promise<void> {
    try {
      await this.operate(m, day);
    } catch (err) {
      if (!(err instanceof KithError)) throw err;
      this.oracle.counts.refused = (this.oracle.counts.refused ?? 0) + 1;
    }
  }

  private async operate(m: Mate, day: number): Promise<void> {
    const env = this.env(m);
    const data = await this.records(m);
    const contact = this.rnd.pick(data.contacts);
    const kind = this.rnd.pick([
      'log',
      'log',
      'promise',
      'done',
      'set',
      'set-same',
      'move',
      'add',
      'rename',
      'hand-body',
      'hand-fm',
      'import',
      'import',
    ]);
    const tolerate = async (f: () => Promise<unknown>) => {
      try {
        await f();
        return true;
      } catch (err) {
        if (err instanceof KithError) return false;
        throw err;
      }
    };
    switch (kind) {
      case 'log': {
        const t = this.token();
        const r = await log({ ref: contact.path, text: `${this.rnd.pick(['call', 'note', 'meeting'])}: ${t}` }, env);
        this.oracle.tokens.add(t);
        this.oracle.entryIds.add(r.entry.id);
        this.did(m, kind);
        break;
      }
      case 'promise': {
        const r = await promise(
          {
            ref: contact.path,
            what: `do ${this.token()}`,
            by: new Date(this.now + 5 * 86_400_000).toISOString().slice(0, 10),
          },
          env,
        );
        this.oracle.promiseIds.add(r.id);
        this.did(m, kind);
        break;
      }
      case 'done': {
        const open = data.conversations.flatMap((v) => v.promises.filter((p) => p.state === 'open'));
        if (open.length && (await tolerate(() => done({ promiseOrRef: this.rnd.pick(open).id }, env))))
          this.did(m, kind);
        break;
      }
      case 'set':
      case 'set-same': {
        // the same key on every clone, or a key of this clone's own
        const key = kind === 'set-same' ? this.rnd.pick(['title', 'x_note']) : `x_${m.handle}`;
        const value = this.token();
        if (await tolerate(() => set({ ref: contact.path, pairs: [`${key}=${value}`] }, env))) {
          const op = this.did(m, kind);
          this.oracle.sets.push({ op, record: contact.id, key, value, seen: new Set(this.known.get(m)) });
        }
        break;
      }
      case 'move': {
        const deal = this.rnd.pick(data.deals);
        const stage = this.rnd.pick(STAGES.filter((s) => s !== deal.stage));
        let at = '';
        if (await tolerate(async () => (at = (await move({ deal: deal.path, stage }, env)).at))) {
          this.oracle.moves.push({ deal: deal.id, stage, at });
          this.did(m, kind);
        }
        break;
      }
      case 'add': {
        const email = `${this.rnd.word(6)}@acme.example`;
        await add({ kind: 'contact', name: this.rnd.pick(NAMES), email: [email] }, env);
        this.oracle.emails.add(email);
        this.did(m, kind);
        break;
      }
      case 'rename': {
        const who = this.rnd.pick(data.contacts.filter((c) => c.slug !== 'jane-doe'));
        if (
          who &&
          (await tolerate(() => rename({ ref: who.path, newName: `${this.rnd.pick(NAMES)} ${this.rnd.word(3)}` }, env)))
        )
          this.did(m, kind);
        break;
      }
      case 'hand-body': {
        const t = this.token();
        m.write(contact.path, `${m.read(contact.path).replace(/\n*$/, '\n')}Hand note ${t}.\n`);
        this.oracle.tokens.add(t);
        this.did(m, kind);
        break;
      }
      case 'hand-fm': {
        const value = this.token();
        const key = `hand_${m.handle}`;
        const text = m.read(contact.path);
        const has = new RegExp(`^${key}: .*$`, 'm');
        m.write(
          contact.path,
          has.test(text)
            ? text.replace(has, `${key}: ${value}`)
            : text.replace(/\nname:/, `\n# noted by hand\n${key}: ${value}\nname:`),
        );
        const op = this.did(m, kind);
        this.oracle.sets.push({ op, record: contact.id, key, value, seen: new Set(this.known.get(m)) });
        break;
      }
      case 'import': {
        const thread = this.rnd.pick(this.mail).filter((x) => x.day <= day);
        if (!thread.length) break;
        const from = this.rnd.int(thread.length);
        const slice = thread.slice(from, from + 1 + this.rnd.int(thread.length - from));
        const dir = join(m.t.dir, 'mail', String(this.op));
        mkdirSync(dir, { recursive: true });
        const files = slice.map((x, i) => {
          const file = join(dir, `${i}.eml`);
          writeFileSync(file, x.text);
          return file;
        });
        await importMail({ source: 'eml', files }, env);
        for (const x of slice) this.oracle.messageIds.add(x.id);
        this.did(m, kind);
        break;
      }
    }
  }

  /** `kith sync` on one clone: it sees what the remote has, and the remote what it has. */
  async sync(m: Mate): Promise<void> {
    await sync({}, this.env(m));
    this.oracle.counts.sync = (this.oracle.counts.sync ?? 0) + 1;
    const mine = this.known.get(m)!;
    for (const op of this.remote) mine.add(op);
    this.remote = new Set(mine);
  }

  /** Two clones sync at once: one push loses the race and is merged and retried. */
  private async race(): Promise<void> {
    const [a, b] = [this.rnd.pick(this.team.mates), this.rnd.pick(this.team.mates)];
    if (a === b) return this.sync(a);
    const [ra, rb] = await Promise.all([sync({}, this.env(a)), sync({}, this.env(b))]);
    this.oracle.counts.race = (this.oracle.counts.race ?? 0) + 1;
    this.oracle.counts.retries = (this.oracle.counts.retries ?? 0) + ra.attempts + rb.attempts - 2;
    // who saw what in a race is not known exactly: everything, at most
    const all = new Set([...this.remote, ...this.known.get(a)!, ...this.known.get(b)!]);
    this.remote = all;
    this.known.set(a, new Set(all));
    this.known.set(b, new Set(all));
  }

  /** A plain `git pull` (a merge or a rebase) through the merge driver, as a teammate might. */
  private async pull(m: Mate): Promise<void> {
    if (m.git(['status', '--porcelain']).trim()) return this.sync(m);
    const rebase = this.rnd.chance(0.5);
    const env = { ...m.env().vars } as NodeJS.ProcessEnv;
    const git = (args: string[]) => execFileSync('git', args, { cwd: m.dir, env, stdio: 'pipe' });
    try {
      git(['pull', '-q', rebase ? '--rebase' : '--no-rebase', '--no-edit']);
    } catch {
      // what the driver could not merge: kith resolve, then finish what git started
      for (let step = 0; step < 50; step++) {
        await resolve({}, this.env(m));
        this.oracle.counts.resolved = (this.oracle.counts.resolved ?? 0) + 1;
        try {
          git(rebase ? ['-c', 'core.editor=true', 'rebase', '--continue'] : ['commit', '-q', '--no-edit']);
          break;
        } catch (err) {
          if (!rebase) throw err;
        }
      }
    }
    this.oracle.counts[rebase ? 'pull-rebase' : 'pull-merge'] =
      (this.oracle.counts[rebase ? 'pull-rebase' : 'pull-merge'] ?? 0) + 1;
    const mine = this.known.get(m)!;
    for (const op of this.remote) mine.add(op);
  }

  /** Every clone syncs in turn until all hold the remote's tree. */
  async settle(): Promise<void> {
    for (let round = 0; round < 4; round++) {
      for (const m of this.team.mates) await this.sync(m);
      const trees = new Set(this.team.mates.map((m) => m.git(['rev-parse', 'HEAD^{tree}'])));
      if (trees.size === 1) return;
    }
  }
}

/** Every record file's text in a clone, by path. */
export function recordFiles(m: Mate): Map<string, string> {
  const out = new Map<string, string>();
  for (const dir of ['contacts', 'orgs', 'deals', 'conversations'])
    for (const f of readdirSync(join(m.dir, dir), { recursive: true }).map(String))
      if (f.endsWith('.md')) out.set(`${dir}/${f}`, readFileSync(join(m.dir, dir, f), 'utf8'));
  return out;
}
