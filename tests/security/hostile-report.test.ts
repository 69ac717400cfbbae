// The HTML report of a teammate's repository: every name, title, stage, owner and reason is
// text on the page, never markup, and nothing in it can reorder what the reader sees.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sandbox } from '../helpers/cli.js';

const EXAMPLES = new URL('../../examples', import.meta.url).pathname;

/** The example repository, with hostile text in every value the report shows. */
function hostileRepo(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'kith-hostile-report-')), 'repo');
  cpSync(EXAMPLES, dir, { recursive: true });
  const edit = (path: string, from: string | RegExp, to: string) => {
    const file = join(dir, path);
    const text = readFileSync(file, 'utf8');
    const next = text.replace(typeof from === 'string' ? from : new RegExp(from, 'g'), to);
    expect(next, `${path}: ${from}`).not.toBe(text);
    writeFileSync(file, next);
  };
  const stage = '"pro</style><b onmouseover=alert(1)>"';
  edit('kith.yaml', 'name: Northwind Analytics', 'name: "Northwind <script>alert(1)</script> \\u202eevil"');
  edit('kith.yaml', '{name: proposal,', `{name: ${stage},`);
  for (const deal of ['lumen-data-quality', 'helios-platform', 'orbital-tender', 'kestrel-monitoring'])
    edit(`deals/${deal}.md`, /stage: proposal/, `stage: ${stage}`);
  edit('kith.yaml', 'currency: EUR', 'currency: "EUR<img src=x onerror=alert(1)>"');
  edit('orgs/brightwave-energy.md', 'name: Brightwave Energy', 'name: "\\"><img src=x onerror=alert(2)>"');
  edit('orgs/brightwave-energy.md', 'tags: [customer, energy]', 'tags: [customer, "<script>tag()</script>"]');
  edit(
    'contacts/priya-raman.md',
    'name: Priya Raman',
    'name: "<a href=\\"javascript:alert(3)\\">Priya</a> \\u001b]8;;javascript:x\\u0007link \\u001b[2J \\u202eevil\\u200b"',
  );
  edit('deals/orbital-tender.md', 'lost_reason: chose to build in-house tooling', 'lost_reason: "<script>lost()</script>"');
  edit('deals/orbital-pilot.md', /title: .*/, 'title: "</style><script>stale()</script>\\u0007"');
  edit('deals/orbital-pilot.md', /owner: .*/, 'owner: "tom\\"><svg onload=alert(4)>"');
  return dir;
}

// the elements and attributes the report itself writes; anything else would have come from the data
const OWN_TAGS = new Set(
  'html head meta title style body h1 h2 p div span b small section svg rect table thead tbody tr th td ul li'.split(' '),
);
const OWN_ATTRIBUTES = new Set(
  'lang charset name content class role aria-label aria-hidden data-figure data-value data-label viewBox preserveAspectRatio width height fill opacity'.split(
    ' ',
  ),
);

describe('the HTML report of a hostile repository', () => {
  it('shows every value as escaped text: no tag, handler, link or control character from the data', () => {
    const s = sandbox({ now: '2026-11-18T09:30:00+01:00' });
    const repo = hostileRepo();
    const out = join(s.dir, 'report.html');
    const r = s.kith(['report', '--repo', repo, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const html = readFileSync(out, 'utf8');
    // the hostile values are there, as text
    expect(html).toContain('Northwind &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('pro&lt;/style&gt;&lt;b onmouseover=alert(1)&gt;');
    expect(html).toContain('&lt;a href=&quot;javascript:alert(3)&quot;&gt;Priya&lt;/a&gt;');
    expect(html).toContain('&lt;script&gt;lost()&lt;/script&gt;');
    const tags = new Set([...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1]!.toLowerCase()));
    expect([...tags].filter((t) => !OWN_TAGS.has(t))).toEqual([]);
    expect(html.match(/<\/style>/g)).toHaveLength(1);
    expect(html).toContain('&lt;/style&gt;&lt;script&gt;stale()&lt;/script&gt;');
    expect(html).toContain('@tom&quot;&gt;&lt;svg onload=alert(4)&gt;');
    expect(html).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(html).not.toMatch(/[\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/);
    // every attribute is one of ours with one quoted value: none is closed early by the data
    for (const [, attrs] of html.matchAll(/<[a-z]+((?:\s[^<>]*)?)>/g)) {
      expect(attrs!.replace(/\s[\w-]+="[^"]*"/g, '').replace(/\s?\/$/, '').trim(), attrs).toBe('');
      const names = [...attrs!.matchAll(/\s([\w-]+)="/g)].map((m) => m[1]!);
      expect(names.filter((n) => !OWN_ATTRIBUTES.has(n)), attrs).toEqual([]);
    }
  });
});
