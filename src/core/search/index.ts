// Search: the words of records, and how hits are ranked.
export * from './locate.js';
export * from './postings.js';
export * from './rank.js';
export * from './terms.js';
