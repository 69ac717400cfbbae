// Timeline entries out of date order: readable either way, but worth tidying (a warning).
import { instant } from '../time/zone.js';
import { reported, type Check } from './check.js';

export const timelineOrder: Check = (data, only) =>
  reported(data.conversations, only).flatMap((v) =>
    v.entries.slice(1).flatMap((e, i) =>
      instant(e.at) < instant(v.entries[i]!.at)
        ? [
            {
              file: v.path,
              line: e.line,
              col: 1,
              severity: 'warning' as const,
              message: `entry ${e.id} (${e.at}) comes before the entry above it`,
              hint: 'entries are read in date order either way; move it up to keep the file tidy',
            },
          ]
        : [],
    ),
  );
