import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { requirePackage } from '../helpers/system-packages.js';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sandbox } from '../helpers/cli.js';

const EXAMPLES = new URL('../../examples', import.meta.url).pathname;
const CHROMIUM = '/usr/bin/chromium';
const money = (n: number, c: string) => `${Math.round(n).toLocaleString('en-US')} ${c}`;
const pct = (n: number | null) => (n === null ? 'n/a' : `${Math.round(n * 1000) / 10}%`);

// Headless Chromium from Debian, as a reader of the report would see it.
describe('kith report in a real browser', () => {
  let browser: Browser;
  beforeAll(async () => {
    requirePackage('chromium');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('shows the same figures as kith pipeline --json, without console errors, on desktop and phone', async () => {
    const s = sandbox({ now: '2026-11-18T09:30:00+01:00' });
    const out = join(s.dir, 'report.html');
    expect(s.kith(['report', '--repo', EXAMPLES, '--out', out]).code).toBe(0);
    const p = JSON.parse(s.kith(['pipeline', '--repo', EXAMPLES, '--json']).stdout);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
    for (const [width, height, name] of [
      [1200, 900, 'desktop'],
      [390, 844, 'phone'],
    ] as const) {
      const page = await browser.newPage({ viewport: { width, height } });
      const errors: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('file:')) requests.push(r.url());
      });
      await page.goto(`file://${out}`);
      const figures = Object.fromEntries(
        await page.$$eval('[data-figure]', (els) => els.map((e) => [e.getAttribute('data-figure'), e.textContent])),
      );
      expect(figures['open.count']).toBe(String(p.open.count));
      expect(figures['open.amount']).toBe(money(p.open.amount, p.currency));
      expect(figures['open.weighted']).toBe(money(p.open.weighted, p.currency));
      expect(figures['won.amount']).toBe(money(p.won.amount, p.currency));
      expect(figures['won.count']).toBe(String(p.won.count));
      expect(figures['lost.count']).toBe(String(p.lost.count));
      expect(figures['win_rate']).toBe(pct(p.win_rate));
      expect(figures['cycle_days.mean']).toBe(`${p.cycle_days.mean} d`);
      p.stages.forEach((st: { count: number; amount: number }, i: number) => {
        expect(figures[`stages.${i}.count`]).toBe(String(st.count));
        expect(figures[`stages.${i}.amount`]).toBe(money(st.amount, p.currency));
      });
      p.conversion.forEach((c: { rate: number | null }, i: number) =>
        expect(figures[`conversion.${i}.rate`]).toBe(pct(c.rate)),
      );
      expect(await page.textContent('body')).toContain('Priya Raman');
      // nothing wider than the screen on a phone but the scrollable tables
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `/tmp/kith-report-${name}.png`, fullPage: true });
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      await page.close();
    }
  });
});
