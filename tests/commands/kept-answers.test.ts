// A kept answer is kept for how the terminal shows it: colour and width are part of the question.
import { describe, expect, it } from 'vitest';
import { run as add } from '../../src/commands/add.js';
import { run as init } from '../../src/commands/init.js';
import { run as ls } from '../../src/commands/ls.js';
import { run as show } from '../../src/commands/show.js';
import type { Env } from '../../src/commands/env.js';
import { testEnv } from '../helpers/env.js';

describe('kept answers and the terminal', () => {
  it('are kept apart for each colour and width, and asked again give the same', async () => {
    const t = testEnv();
    await init({ dir: '.', name: 'Northwind', domain: ['northwind.example'] }, t.env);
    await add({ kind: 'org', name: 'Acme Corporation International', domain: ['acme.example'] }, t.env);
    await add(
      { kind: 'contact', name: 'Jane Doe', email: ['jane@acme.example'], title: 'Chief Technology Officer' },
      t.env,
    );
    const printed = async (command: (env: Env) => Promise<unknown>, color: boolean, columns: number) => {
      let text = '';
      const out = { write: (s: string) => void (text += s), isTTY: true, color, columns };
      await command(t.with({ out }));
      return text;
    };
    // a table is cut to the width; a card keeps its lines whole
    const asked: [(env: Env) => Promise<unknown>, boolean][] = [
      [(env) => ls({ what: 'contacts' }, env), true],
      [(env) => show({ ref: 'jane' }, env), false],
    ];
    for (const [command, cut] of asked) {
      const plain = await printed(command, false, 100);
      const coloured = await printed(command, true, 100);
      const narrow = await printed(command, false, 30);
      expect(coloured).not.toBe(plain);
      if (cut) expect(narrow).not.toBe(plain);
      expect(await printed(command, false, 100)).toBe(plain);
      expect(await printed(command, true, 100)).toBe(coloured);
      expect(await printed(command, false, 30)).toBe(narrow);
    }
  });
});
