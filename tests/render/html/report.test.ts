import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { requirePackage } from '../../helpers/system-packages.js';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInfluence } from '../../../src/core/pipeline/index.js';
import { buildPipeline, parsePeriod } from '../../../src/core/pipeline/index.js';
import { renderReportHtml } from '../../../src/render/html/report.js';
import type { Deal, RepoData } from '../../../src/core/model/index.js';
import { readRecord } from '../../../src/store/records.js';
import { readSettings } from '../../../src/store/settings.js';
import { contact, repo } from '../../helpers/records.js';

const CHROMIUM = '/usr/bin/chromium';
const FIXTURE = new URL('../../fixtures/pipeline', import.meta.url).pathname;
const today = '2026-11-25';
const HOSTILE = 'Charlie <img src=x onerror="alert(1)"> & "Co"';

/** The hand-worked pipeline fixture, with referrals and a title that must be escaped. */
function fixtureRepo(): RepoData {
  const { settings } = readSettings(parse(readFileSync(join(FIXTURE, 'kith.yaml'), 'utf8')));
  const deals = readdirSync(join(FIXTURE, 'deals')).sort().map((name) => readRecord(`deals/${name}`, readFileSync(join(FIXTURE, 'deals', name), 'utf8')).record as Deal);
  const referred: Record<string, string> = { delta: 'rita', echo: 'sam', bravo: 'sam' };
  return {
    ...repo({ settings }),
    contacts: [
      contact('rita', { name: 'Rita <Rossi>', org: 'acme', owner: 'maya' }),
      contact('sam', { name: 'Sam Ode', org: 'bolt', owner: 'tom', referred_by: 'rita' }),
    ],
    deals: deals.map((d) => ({ ...d, ...(d.slug === 'charlie' ? { title: HOSTILE } : {}), ...(referred[d.slug] ? { referred_by: referred[d.slug] } : {}) })),
  };
}

// What `kith pipeline --json` and `kith influence --json` print: the reports through JSON.
const asJson = <T>(x: T): T => JSON.parse(JSON.stringify(x));

/** The text a reader must see for a figure, formatted here independently of the renderer. */
function expectedText(path: string, value: unknown, currency: string): string {
  if (value === null) return 'n/a';
  const n = value as number;
  if (/(^|\.)(amount|weighted|velocity)$/.test(path)) {
    const m = `${Math.round(n).toLocaleString('en-US')} ${currency}`;
    return path === 'velocity' ? `${m} per day` : m;
  }
  if (/win_rate|\.rate$/.test(path)) return `${Math.round(n * 1000) / 10}%`;
  if (/probability$/.test(path)) return `${Math.round(n * 100)}%`;
  if (/^cycle_days\./.test(path)) return `${n} d`;
  return String(n);
}

const at = (obj: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);

// Headless Chromium from Debian, as a reader of the report would see it.
describe('the HTML report in a real browser', () => {
  let browser: Browser;
  let file: string;
  let pipeline: ReturnType<typeof buildPipeline>;
  let influence: ReturnType<typeof buildInfluence>;
  let html: string;

  beforeAll(async () => {
    // a missing browser is a failure, not a skip: the report is untested without it
    requirePackage('chromium');
    const data = fixtureRepo();
    pipeline = asJson(buildPipeline(data, { today, period: parsePeriod('2026-Q4', today) }));
    influence = asJson(buildInfluence(data));
    html = renderReportHtml(pipeline, influence, { team: 'Fixture & <Team>', generated: '2026-11-25 10:00+01:00' });
    file = join(mkdtempSync(join(tmpdir(), 'kith-report-')), 'report.html');
    writeFileSync(file, html);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
  });
  afterAll(async () => { await browser?.close(); });

  /** Opens the report at a size; collects console errors and any request off the file. */
  async function open(width: number, height: number): Promise<{ page: Page; errors: string[]; requests: string[] }> {
    const page = await browser.newPage({ viewport: { width, height } });
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
    await page.goto(`file://${file}`);
    return { page, errors, requests };
  }

  it('is one file: no scripts, no links or sources off the page', () => {
    expect(html).not.toMatch(/<script|<link|<iframe|@import|url\(/i);
    // (the escaped title holds "src=" as text: attributes are checked in the browser)
    expect(html).not.toMatch(/<[a-z]+\s[^>]*\b(src|href)=/i);
    expect(html).toContain('<meta name="viewport"');
    expect(html).toContain('@media print');
  });

  it('shows every figure as the JSON has it, in words a reader can check', async () => {
    const { page, errors, requests } = await open(1200, 900);
    const figures = await page.$$eval('[data-figure]', (els) => els.map((e) => ({
      path: e.getAttribute('data-figure')!, value: e.getAttribute('data-value')!, text: e.textContent!, visible: (e as HTMLElement).offsetParent !== null,
    })));
    const paths = figures.map((f) => f.path);
    // the figures the issue names, all present
    expect(paths).toEqual(expect.arrayContaining([
      'open.count', 'open.amount', 'open.weighted', 'won.count', 'won.amount', 'lost.count', 'lost.amount', 'win_rate', 'win_rate_amount',
      'cycle_days.mean', 'cycle_days.median', 'velocity', 'stale.length',
      ...pipeline.stages.flatMap((_, i) => ['count', 'amount', 'weighted', 'probability'].map((k) => `stages.${i}.${k}`)),
      ...pipeline.conversion.map((_, i) => `conversion.${i}.rate`),
      ...pipeline.forecast.flatMap((_, i) => [`forecast.${i}.amount`, `forecast.${i}.weighted`]),
      ...pipeline.forecast_quarters.map((_, i) => `forecast_quarters.${i}.weighted`),
      ...influence.referrers.flatMap((_, i) => [`influence.referrers.${i}.direct.amount`, `influence.referrers.${i}.chain.amount`, `influence.referrers.${i}.chain.max_depth`]),
    ]));
    expect(new Set(paths).size).toBe(paths.length);
    for (const f of figures) {
      const source = f.path.startsWith('influence.') ? influence : pipeline;
      const path = f.path.replace(/^influence\./, '');
      expect(JSON.parse(f.value), f.path).toEqual(at(source, path));
      expect(f.text, f.path).toBe(expectedText(f.path, at(source, path), pipeline.currency));
      expect(f.visible, f.path).toBe(true);
    }
    // spot checks against the hand arithmetic in tests/fixtures/pipeline/EXPECTED.md
    const text = Object.fromEntries(figures.map((f) => [f.path, f.text]));
    expect([text['open.amount'], text['open.weighted'], text['win_rate'], text['cycle_days.mean'], text['velocity']]).toEqual(['73,000 EUR', '47,250 EUR', '66.7%', '70 d', '800 EUR per day']);
    await page.screenshot({ path: '/tmp/kith-report.png', fullPage: true });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  });

  it('shows text from the data as text, never as markup', async () => {
    const { page, errors } = await open(1200, 900);
    expect(await page.title()).toBe('Fixture & <Team>: pipeline report');
    expect(await page.locator('img, script, [src], [href], [onerror]').count()).toBe(0);
    const body = await page.textContent('body');
    expect(body).toContain(HOSTILE);
    expect(body).toContain('Rita <Rossi>');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('fits a phone screen without sideways scrolling, every figure still on screen', async () => {
    const { page, errors } = await open(390, 844);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    // nothing is cut off inside a scrolling box either
    const clipped = await page.$$eval('section', (els) => els.filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.querySelector('h2')?.textContent));
    expect(clipped).toEqual([]);
    // bar labels and figures keep a readable size, not scaled down with a chart
    const smallest = await page.$$eval('.bars span, td, .card', (els) => Math.min(...els.map((e) => parseFloat(getComputedStyle(e).fontSize))));
    expect(smallest).toBeGreaterThanOrEqual(12);
    await page.screenshot({ path: '/tmp/kith-report-phone.png', fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it('prints on A4 with nothing cut off', async () => {
    const { page, errors } = await open(794, 1123);
    await page.emulateMedia({ media: 'print' });
    const clipped = await page.$$eval('section', (els) => els.filter((e) => e.scrollWidth > e.clientWidth).map((e) => e.querySelector('h2')?.textContent));
    expect(clipped).toEqual([]);
    await page.screenshot({ path: '/tmp/kith-report-print.png', fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says n/a where nothing closed, and shows an empty repository without errors', async () => {
    const empty = renderReportHtml(asJson(buildPipeline(repo(), { today })), asJson(buildInfluence(repo())), { team: 'Empty', generated: today });
    const path = join(mkdtempSync(join(tmpdir(), 'kith-report-')), 'empty.html');
    writeFileSync(path, empty);
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    const errors: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    await page.goto(`file://${path}`);
    const figures = Object.fromEntries(await page.$$eval('[data-figure]', (els) => els.map((e) => [e.getAttribute('data-figure'), e.textContent])));
    expect(figures).toMatchObject({ 'open.count': '0', win_rate: 'n/a', win_rate_amount: 'n/a', 'cycle_days.mean': 'n/a', velocity: 'n/a', 'stale.length': '0' });
    expect(await page.textContent('body')).toContain('No referrals yet.');
    expect(errors).toEqual([]);
    await page.close();
  });
});
