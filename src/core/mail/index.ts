// Mail: threading messages into conversations, trimming replies, plain text from HTML, and
// the import planner that decides what is filed where.
export * from './address-book.js';
export * from './entries.js';
export * from './filing.js';
export * from './html.js';
export * from './placing.js';
export * from './threading.js';
export * from './trim.js';
export * from './types.js';
