import { describe, expect, it } from 'vitest';
import { fold, noun, plural, slugify, stripControls } from '../../../src/core/model/index.js';

describe('text on its way to a terminal', () => {
  it.each([
    ['colour codes', 'a\u001b[31mred\u001b[0m b', 'ared b'],
    ['a screen clear', 'x\u001b[2Jy', 'xy'],
    ['OSC 52 clipboard, ended by BEL', 'x\u001b]52;c;aGk=\u0007y', 'xy'],
    ['OSC 8 link, ended by ST', '\u001b]8;;https://evil.example\u001b\\click\u001b]8;;\u001b\\', 'click'],
    ['a C1 CSI', 'x\u009b2Jy', 'xy'],
    // the ESC goes; the letter it would have made a command of stays, as text
    ['a bare ESC', 'x\u001bcy', 'xcy'],
    ['DEL and other C0 controls', 'a\u007fb\u0000c\u0008d', 'a b c d'],
    ['newlines and tabs, on one line', 'a\nb\tc\r\nd', 'a b c  d'],
  ])('strips %s', (_label, input, expected) => {
    expect(stripControls(input)).toBe(expected);
  });

  it('keeps newlines and tabs where text has lines, with CRLF and CR read as LF', () => {
    expect(stripControls('a\r\nb\rc\n\td\u0007', true)).toBe('a\nb\nc\n\td');
  });
});

describe('slugs', () => {
  it.each([
    ['Jane Doe', 'jane-doe'],
    ['Sofía Marín', 'sofia-marin'],
    ['  Acme, Inc. (EMEA)  ', 'acme-inc-emea'],
    ['../../etc/passwd', 'etc-passwd'],
    ['!!!', 'untitled'],
    ['Grüße', 'gruesse'],
    ['Jörg Müller-Straße', 'joerg-mueller-strasse'],
    ['Søren Ørsted', 'soren-orsted'],
    ['李小龙', '李小龙'],
    ['Иван Петров', 'иван-петров'],
    ['김민준', '김민준'],
    ['Con', 'con-1'],
    ['NUL', 'nul-1'],
    ['com1', 'com1-1'],
    ['Lpt9', 'lpt9-1'],
    ['Conan', 'conan'],
  ])('%j -> %j', (text, expected) => {
    expect(slugify(text)).toBe(expected);
  });

  it('keeps at most 60 characters and never ends on a dash', () => {
    const slug = slugify(`${'a'.repeat(59)} b`);
    expect(slug).toBe('a'.repeat(59));
    expect(slugify('x'.repeat(100))).toHaveLength(60);
  });

  it('folds case and accents for matching', () => {
    expect(fold('Ünïcödé')).toBe('unicode');
  });
});

describe('counts in words', () => {
  it('says 1 thing and 0 or 2 things', () => {
    expect([0, 1, 2].map((n) => plural(n, 'day'))).toEqual(['0 days', '1 day', '2 days']);
    expect(plural(3, 'entry', 'entries')).toBe('3 entries');
    expect(noun(1, 'deal')).toBe('deal');
  });
});
