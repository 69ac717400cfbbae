// Follow-ups: what is due and when, in order of urgency, grouped and filtered.
export * from './due.js';
export * from './filter.js';
export * from './group.js';
