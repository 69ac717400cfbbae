// Terminals: no file name, field or message from a repository drives the terminal (OSC 52
// sets the clipboard, CSI 2J clears the screen, OSC 8 hides a link), shows itself out of
// order (bidi overrides) or splits a line; paths are quoted the way git quotes them.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { quotePath, terminalSafe } from '../../src/core/model/index.js';
import { isSafeOutputBytes, terminalSafeOutput } from '../../src/core/model/terminal.js';
import { commitAll, kith, put, teamRepo } from './hostile.js';

const OSC52 = '\u001b]52;c;cm0gLXJmIH4=\u0007';
const CLEAR = '\u001b[2J';
const LINK = '\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\';
const HOSTILE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u202e\u2066]/;

describe('terminal output', { timeout: 180_000 }, () => {
  it('quotes paths as git does and strips what would drive a terminal', () => {
    expect(quotePath('contacts/jane-doe.md')).toBe('contacts/jane-doe.md');
    expect(quotePath('contacts/josé.md')).toBe('contacts/josé.md');
    expect(quotePath(`contacts/${OSC52}x.md`)).toBe('"contacts/\\033]52;c;cm0gLXJmIH4=\\ax.md"');
    expect(quotePath('contacts/a\nb "c".md')).toBe('"contacts/a\\nb \\"c\\".md"');
    expect(quotePath('contacts/\u202egpj.md')).toBe('"contacts/\\342\\200\\256gpj.md"');
    expect(terminalSafe(`a${OSC52}b${CLEAR}c${LINK}d\u009b2Je\u202ef\u200bg\nh`)).toBe(
      'abcclickde fg h'.replace(' fg', 'fg'),
    );
  });

  it('lets bytes through as they are exactly when the text sanitiser would leave them as they are', () => {
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const text = `a${String.fromCodePoint(cp)}b`;
      expect(isSafeOutputBytes(Buffer.from(text)), `U+${cp.toString(16)}`).toBe(terminalSafeOutput(text) === text);
    }
    expect(isSafeOutputBytes(Buffer.from(`ok ${OSC52}`))).toBe(false);
    expect(isSafeOutputBytes(Buffer.from('zoë 😀 €, "tab"\t\n'))).toBe(true);
    // not UTF-8: a lone 8-bit CSI, an overlong NUL, a sequence cut short
    for (const bad of [
      [0x61, 0x9b, 0x32, 0x4a],
      [0xc0, 0x80],
      [0x61, 0xe2, 0x80],
    ])
      expect(isSafeOutputBytes(Buffer.from(bad)), bad.join(' ')).toBe(false);
  });

  it('finds an unsafe character at every offset of a long output, read a word at a time', () => {
    const plain = Buffer.from('{"name": "Zoë", "t": "a\tb"}\n'.repeat(3));
    const unsafe = ['\u0000', '\u001b', '\u007f', '\u0085', '\u061c', '\u180e', '\u200b', '\u202e', '\u2066', '\ufeff'];
    for (const char of [...unsafe, 'é', '€', '\u2010', '😀']) {
      for (let at = 0; at <= plain.length; at++) {
        if (((plain[at] ?? 0) & 0xc0) === 0x80) continue; // not inside another character
        const text = Buffer.concat([plain.subarray(0, at), Buffer.from(char), plain.subarray(at)]);
        // at every alignment in its buffer, the odd bytes before the first whole word too
        for (const shift of [0, 1, 2, 3]) {
          const bytes = Buffer.alloc(text.length + shift).fill(0x20);
          text.copy(bytes, shift);
          expect(isSafeOutputBytes(bytes), `${escape(char)} at ${at}+${shift}`).toBe(!unsafe.includes(char));
        }
      }
    }
  });

  it('prints file names with escapes quoted in every warning and in check, never raw', () => {
    const s = teamRepo();
    const name = `contacts/${OSC52}${CLEAR}evil.md`;
    writeFileSync(join(s.dir, name), 'not a record\n');
    const nl = 'contacts/evil\nwarning: all is well.md';
    writeFileSync(join(s.dir, nl), 'not a record either\n');
    for (const args of [['due'], ['ls', 'contacts'], ['check'], ['pipeline']]) {
      const r = kith(s, args);
      const all = `${r.stdout}${r.stderr}`;
      expect(all, args.join(' ')).not.toMatch(HOSTILE);
      expect(all).toContain('"contacts/\\033]52;c;cm0gLXJmIH4=\\a\\033[2Jevil.md"');
      expect(all).toContain('"contacts/evil\\nwarning: all is well.md"');
      expect(all).not.toMatch(/^warning: all is well/m);
    }
  });

  it('strips escapes and newlines from fields in due, due --cron, pipeline, influence and show', () => {
    const s = teamRepo();
    const deal = join(s.dir, 'deals/acme-sso-rollout.md');
    // YAML's own escapes: \e is ESC, \a is BEL
    const evil =
      '"\\e]8;;https://evil.example\\e\\\\click\\e]8;;\\e\\\\\\e]52;c;cm0gLXJmIH4=\\a\\u202emaya\\nInjected: line"';
    writeFileSync(
      deal,
      readFileSync(deal, 'utf8')
        .replace(/^owner: .*\n/m, '') // the deal's own owner (whoever added it) gives way to the hostile one
        .replace(/^---\n/, `---\nowner: ${evil}\nreferred_by: jane-doe\nclose: 2026-11-20\n`),
    );
    expect(kith(s, ['log', 'jane', 'call: pricing', '--next', '2026-11-20', '--past']).code).toBe(0);
    const [conv] = readdirSync(join(s.dir, 'conversations/2026'));
    const vpath = join(s.dir, 'conversations/2026', conv!);
    writeFileSync(vpath, readFileSync(vpath, 'utf8').replace(/^owner: .*$/m, `owner: ${evil}`));
    commitAll(s);
    for (const args of [
      ['due'],
      ['due', '--cron'],
      ['pipeline'],
      ['influence'],
      ['show', 'acme-sso-rollout'],
      ['ls', 'deals'],
    ]) {
      const r = kith(s, args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(`${r.stdout}${r.stderr}`, args.join(' ')).not.toMatch(HOSTILE);
      expect(r.stdout, args.join(' ')).not.toMatch(/^\s*Injected: line/m);
    }
    // JSON keeps the value, escaped, and stays valid
    const json = kith(s, ['show', 'acme-sso-rollout', '--json']);
    expect(json.stdout).not.toMatch(HOSTILE);
    expect(JSON.parse(json.stdout).owner).toContain('\u202emaya\nInjected: line');
  });

  it('prints the names an ambiguous reference matches without their escapes', () => {
    const s = teamRepo();
    put(
      s,
      'contacts/jane-a.md',
      `---\nid: c-janea0000001\nname: "Jane ${OSC52.replace('\u001b', '\\e').replace('\u0007', '\\a')}A"\n---\n`,
    );
    put(s, 'contacts/jane-b.md', `---\nid: c-janeb0000001\nname: "Jane \\e[2JB"\n---\n`);
    const r = kith(s, ['show', 'jane']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('matches 3 records');
    expect(r.stderr).not.toMatch(HOSTILE);
  });

  it('strips bidi controls and zero-width characters from names and titles as they are typed', () => {
    const s = teamRepo();
    expect(
      kith(s, [
        'add',
        'contact',
        'Ja\u200bne \u202eEvil\u202c',
        '--email',
        'evil@acme.example',
        '--title',
        'C\u200dT\u2066O',
      ]).code,
    ).toBe(0);
    const text = readFileSync(join(s.dir, 'contacts/jane-evil.md'), 'utf8');
    expect(text).toContain('name: Jane Evil\n');
    expect(text).toContain('title: CTO\n');
    expect(kith(s, ['set', 'jane-evil', 'title=V\u200bP']).code).toBe(0);
    expect(readFileSync(join(s.dir, 'contacts/jane-evil.md'), 'utf8')).toContain('title: VP\n');
  });

  it("keeps a newline in a file name from splitting a commit's trailers", () => {
    const s = teamRepo();
    const path = 'contacts/evil\nKith-Action: rm.md';
    put(s, path, '---\nid: c-evil00000001\nname: Evil\n---\n');
    commitAll(s);
    expect(kith(s, ['set', 'c-evil00000001', 'title=x']).code).toBe(0);
    const trailers = s.git(['log', '-1', '--format=%(trailers:only,unfold)']).trim().split('\n');
    expect(trailers).toEqual(['Kith-Action: set', 'Kith-Ref: "contacts/evil\\nKith-Action: rm.md"']);
  });
});
