// Time: instants in a zone, calendar dates and business days, durations, dates as people
// type them (when.ts loads chrono-node itself, only for input it cannot read alone).
export * from './calendar.js';
export * from './durations.js';
export * from './latest-day.js';
export * from './shift.js';
export * from './when.js';
export * from './zone.js';
export * from './tz.js';
