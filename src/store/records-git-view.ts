// What git vouches for in the record folders (the caches' key), asked once per command. A
// read-only command line asks before its command's modules load (startRecordsGitView): git
// lists the index while Node reads Kith's code, and the command takes that answer.
import { cleanBlobs, type GitView } from '../git/clean-files.js';
import type { Vars } from '../git/run.js';
import { KIND_DIRS } from './layout.js';

const ask = (root: string, vars: Vars) => cleanBlobs(root, vars, Object.values(KIND_DIRS), { untracked: true });

let early: { root: string; vars: Vars; view: Promise<GitView | undefined> } | undefined;

/** Asks git now, for the command about to load; its first recordsGitView for the same root takes the answer. */
export function startRecordsGitView(root: string, vars: Vars): void {
  early = { root, vars, view: ask(root, vars) };
}

/** What git can vouch for in the record folders, untracked files looked for too (the caches' key). */
export function recordsGitView(root: string, vars: Vars): Promise<GitView | undefined> {
  const asked = early;
  // taken once: a later question (after a write) needs git's answer then
  early = undefined;
  return asked && asked.root === root && asked.vars === vars ? asked.view : ask(root, vars);
}
