// The TZ variable as libc reads it, turned into an IANA zone name: ":Europe/Stockholm", a
// path to a zone file (":/etc/localtime", resolved by the caller), POSIX rules ("UTC0",
// "CET-1CEST") and empty (UTC). Pure: reading a link comes in as a function.
const POSIX = /^(?:[A-Za-z]{3,}|<[^>]+>)([+-]?)(\d{1,2})(?::(\d{2}))?(?:(?:[A-Za-z]{3,}|<[^>]+>).*)?$/;

// The POSIX rules people set most, by their standard-time part and whether they have DST.
const COMMON: Readonly<Record<string, string>> = {
  UTC0: 'UTC',
  GMT0: 'UTC',
  GMT0BST: 'Europe/London',
  WET0WEST: 'WET',
  'CET-1CEST': 'CET',
  'MET-1MEST': 'MET',
  'EET-2EEST': 'EET',
  'MSK-3': 'Europe/Moscow',
  'IST-5:30': 'Asia/Kolkata',
  'CST-8': 'Asia/Shanghai',
  'JST-9': 'Asia/Tokyo',
  'AEST-10AEDT': 'Australia/Sydney',
  'NZST-12NZDT': 'Pacific/Auckland',
  EST5EDT: 'EST5EDT',
  CST6CDT: 'CST6CDT',
  MST7MDT: 'MST7MDT',
  PST8PDT: 'PST8PDT',
  MST7: 'America/Phoenix',
  HST10: 'Pacific/Honolulu',
};

export function isZoneName(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** A zone name from a zone file's path: /usr/share/zoneinfo/Europe/Stockholm -> Europe/Stockholm. */
function zoneOfPath(path: string): string | undefined {
  const m = /zoneinfo\/(?:posix\/|right\/)?(.+)$/.exec(path);
  return m && isZoneName(m[1]!) ? m[1] : undefined;
}

/**
 * The IANA zone TZ names, or undefined when it names none Kith can read (the caller then
 * falls back to the system's zone). `readLink` gives a symbolic link's target, if it is one.
 */
export function zoneOfTz(tz: string, readLink: (path: string) => string | undefined): string | undefined {
  if (tz === '') return 'UTC';
  const name = tz.startsWith(':') ? tz.slice(1) : tz;
  if (name.startsWith('/')) return zoneOfPath(readLink(name) ?? name);
  if (isZoneName(name)) return name;
  const bare = name.replace(/,.*$/, '');
  if (COMMON[bare]) return COMMON[bare];
  const m = POSIX.exec(bare);
  if (!m) return undefined;
  const hasDst = /^(?:[A-Za-z]{3,}|<[^>]+>)[+-]?\d{1,2}(?::\d{2})?[A-Za-z<]/.test(bare);
  const hours = Number(m[2]);
  // without daylight saving a whole-hour offset is a fixed zone; POSIX and Etc/ both invert the sign
  if (hasDst || m[3] || hours > 14) return undefined;
  return hours === 0 ? 'UTC' : `Etc/GMT${m[1] === '-' ? '-' : '+'}${hours}`;
}
