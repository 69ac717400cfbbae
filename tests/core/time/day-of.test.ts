import { describe, expect, it } from 'vitest';
import { dueItems } from '../../../src/core/followup/index.js';
import { dayOf } from '../../../src/core/time/index.js';
import { contact, conversation, entry, repo } from '../../helpers/records.js';

describe("an entry's day is the day in the reader's zone", () => {
  it('reads the instant in the zone, not the date written with its own offset', () => {
    expect(dayOf('2026-11-20T23:30-05:00', 'Europe/Paris')).toBe('2026-11-21');
    expect(dayOf('2026-11-21T05:30+01:00', 'America/New_York')).toBe('2026-11-20');
    expect(dayOf('2026-11-20T23:30-05:00')).toBe('2026-11-20');
  });

  it('counts a reply window from the day the reader saw the mail', () => {
    // Thursday 23:30 in New York is Friday 05:30 in Paris: two business days from Friday is Tuesday
    const data = repo({
      contacts: [contact('ann', { name: 'Ann' })],
      conversations: [conversation('thread', { participants: ['ann'], turn: 'us', entries: [entry('2026-11-19T23:30-05:00', 'ann')] })],
    });
    const [paris] = dueItems(data, { today: '2026-11-19', zone: 'Europe/Paris', within: 30 });
    const [york] = dueItems(data, { today: '2026-11-19', zone: 'America/New_York', within: 30 });
    expect([paris!.due, york!.due]).toEqual(['2026-11-24', '2026-11-23']);
  });
});
