// Shard files compared by what they hold: each writing gives a shard a new id
// (src/store/shard-files.ts), which two shards of the same entries do not share.
const ID = /"id":"[0-9a-f]{16}"/g;

/** A shard file's text without its id. */
export const withoutId = (text: string): string => text.replace(ID, '"id":""');
