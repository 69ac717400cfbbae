// Every path a command prints, on success as on refusal, is quoted the way git quotes it: a
// teammate's file name with an escape sequence or a newline neither drives the terminal nor
// starts a line of its own. Folders the user names (init, clone, --out, --ics) are paths too.
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quotePath } from '../../src/core/model/index.js';
import { sandbox } from '../helpers/cli.js';
import { commitAll, kith, put, teamRepo } from './hostile.js';

const EVIL = 'evil\u001b]52;c;cm0gLXJmIH4=\u0007\nwarning: all is well';
const HOSTILE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u202e\u2066]/;
const CONTACT = `contacts/${EVIL}.md`;

/** What a command printed, checked: nothing raw, no line the hostile name started, its path quoted. */
function expectQuoted(r: { stdout: string; stderr: string }, path: string, what: string) {
  const all = `${r.stdout}${r.stderr}`;
  expect(all, what).not.toMatch(HOSTILE);
  expect(all, what).not.toMatch(/^warning: all is well/m);
  expect(all, what).toContain(quotePath(path));
}

/** A teammate's contact whose file name holds an escape sequence and a newline. */
function evilContact() {
  const s = teamRepo();
  put(s, CONTACT, '---\nid: c-evil00000001\nname: Evil Person\nemails: [evil@acme.example]\n---\n');
  commitAll(s);
  return s;
}

describe('paths printed by commands', { timeout: 180_000 }, () => {
  it('set, undo and rename quote the record they changed', () => {
    const s = evilContact();
    const set = kith(s, ['set', 'c-evil00000001', 'title=CFO']);
    expect(set.code, set.stderr).toBe(0);
    expectQuoted(set, CONTACT, 'set');
    expect(set.stdout).toBe(`${quotePath(CONTACT)}: title set\n`);
    const undo = kith(s, ['undo']);
    expect(undo.code, undo.stderr).toBe(0);
    expect(undo.stdout).not.toMatch(HOSTILE);
    const rename = kith(s, ['rename', 'c-evil00000001', 'Eve Good']);
    expect(rename.code, rename.stderr).toBe(0);
    expectQuoted(rename, CONTACT, 'rename');
  });

  it('add quotes the namesake it warns about', () => {
    const s = evilContact();
    const r = kith(s, ['add', 'contact', 'Evil Person', '--email', 'other@acme.example']);
    expect(r.code, r.stderr).toBe(0);
    expectQuoted(r, CONTACT, 'add');
  });

  it('promise, search and a refused rm quote the conversation they name', () => {
    const s = evilContact();
    expect(kith(s, ['log', 'c-evil00000001', 'call: pricing of the rollout', '--past']).code).toBe(0);
    const [name] = readdirSync(join(s.dir, 'conversations/2026'));
    const conversation = `conversations/2026/${EVIL}.md`;
    renameSync(join(s.dir, 'conversations/2026', name!), join(s.dir, conversation));
    commitAll(s);
    const id = /^id: (\S+)$/m.exec(readFileSync(join(s.dir, conversation), 'utf8'))![1]!;
    const promise = kith(s, ['promise', id, 'send the quote', '--by', '2026-11-27']);
    expect(promise.code, promise.stderr).toBe(0);
    expectQuoted(promise, conversation, 'promise');
    const search = kith(s, ['search', 'rollout']);
    expect(search.code, search.stderr).toBe(0);
    expectQuoted(search, conversation, 'search');
    const rm = kith(s, ['rm', 'c-evil00000001', '--yes']);
    expect(rm.code, rm.stderr).toBe(1);
    expectQuoted(rm, conversation, 'rm');
  });

  it('init, report --out and due --ics quote the paths the user gave', () => {
    const s = sandbox();
    // a newline in the repository's own folder is not supported: git's plumbing lists paths by line
    const dir = 'team\u001b[2J"x';
    const init = s.kith(['init', dir, '--name', 'Northwind', '--domain', 'northwind.example']);
    expect(init.code, init.stderr).toBe(0);
    expect(`${init.stdout}${init.stderr}`).not.toMatch(HOSTILE);
    expect(init.stdout).toContain(quotePath(join(s.dir, dir)));
    const repo = join(s.dir, dir);
    const report = s.kith(['report', '--out', `report${EVIL}.html`], { cwd: repo });
    expect(report.code, report.stderr).toBe(0);
    expectQuoted(report, `report${EVIL}.html`, 'report');
    const ics = s.kith(['due', '--ics', `due${EVIL}.ics`], { cwd: repo });
    expect(ics.code, ics.stderr).toBe(0);
    expectQuoted(ics, `due${EVIL}.ics`, 'due --ics');
  });

  it('clone quotes the folder it cloned into', () => {
    const s = evilContact();
    const dir = `clone${EVIL}`;
    const parent = mkdtempSync(join(tmpdir(), 'kith-clones-'));
    const r = kith({ ...s, dir: parent }, ['clone', s.dir, dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(parent, dir, 'kith.yaml'))).toBe(true);
    expectQuoted(r, join(parent, dir), 'clone');
  });
});
