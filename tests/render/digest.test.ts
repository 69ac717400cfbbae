import { describe, expect, it } from 'vitest';
import { renderDigest } from '../../src/render/digest.js';
import { groupItems, type DueItem } from '../../src/core/followup/index.js';

const today = '2026-11-25'; // a Wednesday
const item = (fields: Partial<DueItem>): DueItem => ({ kind: 'reply', due: today, overdue_days: 0, title: 'reply to Jane Doe', uid: 'u', ...fields });

describe('the plain digest', () => {
  it('prints the groups in order, skipping empty ones, one line per item', () => {
    const items = [
      item({ kind: 'nudge', due: '2026-12-07', title: 'nudge Acme Corp — Pilot (silent 9 days)', owner: 'tom' }),
      item({ kind: 'promise', due: '2026-11-20', overdue_days: 5, title: 'send the quote (promised to Jane Doe)', owner: 'maya' }),
      item({ kind: 'deal', due: '2026-11-24', overdue_days: 1, title: 'Acme renewal: past its close date 2026-11-24' }),
      item({ kind: 'chase', due: '2026-11-29', title: 'chase Jane Doe: legal review', owner: 'maya' }),
    ];
    expect(renderDigest(groupItems(items, today), { today, team: 'Northwind' })).toBe([
      'Northwind: 4 things to do (2026-11-25)',
      '',
      'Overdue:',
      '  2026-11-20  promise   send the quote (promised to Jane Doe) (@maya, 5 days late)',
      '  2026-11-24  deal      Acme renewal: past its close date 2026-11-24 (1 day late)',
      '',
      'This week:',
      '  2026-11-29  chase     Jane Doe: legal review (@maya)',
      '',
      'Later:',
      '  2026-12-07  nudge     Acme Corp — Pilot (silent 9 days) (@tom)',
      '',
    ].join('\n'));
  });

  it('says "1 thing" for one, and prints nothing at all when nothing is due (so cron sends no mail)', () => {
    expect(renderDigest(groupItems([item({})], today), { today, team: 'T' })).toBe('T: 1 thing to do (2026-11-25)\n\nToday:\n  2026-11-25  reply     to Jane Doe\n');
    expect(renderDigest(groupItems([], today), { today, team: 'T' })).toBe('');
  });

  it('never passes terminal escapes from a mail subject through to the reader', () => {
    const out = renderDigest(groupItems([item({ title: 'reply to \u001b[2J\u001b]0;pwned\u0007Eve' })], today), { today, team: 'T\u001b[31m' });
    expect(out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f]/);
  });
});
