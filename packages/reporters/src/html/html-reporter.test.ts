import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { richReport } from '../test-support/rich-report.js';
import { formatHtml } from './html-reporter.js';
import { filterChart } from './svg-charts.js';

const CHROMIUM = ['chromium', 'chromium-browser', 'google-chrome'].find(
  (name) => spawnSync(name, ['--version']).status === 0,
);
/** Where the screenshots go, to be looked at (ignored by git). */
const SCREENSHOTS = join(import.meta.dirname, '..', '..', '.test-output');

describe('html reporter', () => {
  it('draws integration per filter against the target as SVG bars', () => {
    expect(filterChart(richReport())).toMatchInlineSnapshot(
      `"<figure class="chart" id="chart-filters"><figcaption>Integration per filter against its target</figcaption><svg data-chart="filters" viewBox="0 0 640 166" role="img" aria-label="Integration per filter against its target"><text x="62" y="29" text-anchor="end" class="label">L</text><rect class="bar" data-filter="L" x="70" y="14" width="171.6" height="22" rx="3" fill="#9aa0a6"><title>L: 1 h 4 m</title></rect><rect class="target" x="70" y="12" width="370" height="26" rx="3" fill="none" stroke="currentColor" stroke-dasharray="4 3"><title>target 2 h 18 m</title></rect><text x="448" y="29" class="value">1 h 4 m / 2 h 18 m</text><text x="62" y="63" text-anchor="end" class="label">R</text><rect class="bar" data-filter="R" x="70" y="48" width="80.4" height="22" rx="3" fill="#e0453a"><title>R: 0 h 30 m</title></rect><rect class="target" x="70" y="46" width="185" height="26" rx="3" fill="none" stroke="currentColor" stroke-dasharray="4 3"><title>target 1 h 9 m</title></rect><text x="448" y="63" class="value">0 h 30 m / 1 h 9 m</text><text x="62" y="97" text-anchor="end" class="label">G</text><rect class="bar" data-filter="G" x="70" y="82" width="64.3" height="22" rx="3" fill="#3aa655"><title>G: 0 h 24 m</title></rect><rect class="target" x="70" y="80" width="185" height="26" rx="3" fill="none" stroke="currentColor" stroke-dasharray="4 3"><title>target 1 h 9 m</title></rect><text x="448" y="97" class="value">0 h 24 m / 1 h 9 m</text><text x="62" y="131" text-anchor="end" class="label">Ha</text><rect class="bar" data-filter="Ha" x="70" y="116" width="80.4" height="22" rx="3" fill="#b3202a"><title>Ha: 0 h 30 m</title></rect><text x="448" y="131" class="value">0 h 30 m</text></svg></figure>"`,
    );
  });

  it('is one self-contained file: no script, no network, user text escaped', () => {
    const report = richReport();
    report.targets[0]!.target = '<img src=x onerror=alert(1)>';
    const html = formatHtml(report);
    expect(html).not.toMatch(/<script|https?:\/\/|<link|@import|url\(/i);
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
  });

  // CI installs Debian's chromium (.ci/run); elsewhere the test runs when a Chromium is there.
  it.skipIf(!CHROMIUM && !process.env.CI)(
    'renders its three charts in headless Chromium, on a phone-sized screen too',
    () => {
      expect(CHROMIUM, 'chromium is needed in CI').toBeDefined();
      const dir = mkdtempSync(join(tmpdir(), 'astrotrack-html-'));
      try {
        const page = join(dir, 'report.html');
        // The report itself has no script; this copy adds one that measures what Chromium laid out.
        const measure = `<script>addEventListener('load',()=>{const charts=[...document.querySelectorAll('svg[data-chart]')].map(s=>{const r=s.getBoundingClientRect();return{chart:s.dataset.chart,width:Math.round(r.width),height:Math.round(r.height),marks:[...s.querySelectorAll('rect')].filter(e=>{const b=e.getBoundingClientRect();return b.width>0&&b.height>0}).length}});const out=document.createElement('pre');out.id='measured';out.textContent=JSON.stringify({charts,tables:document.querySelectorAll('table').length,overflow:document.documentElement.scrollWidth>innerWidth});document.body.append(out)})</script>`;
        writeFileSync(page, formatHtml(richReport()).replace('</body>', `${measure}</body>`));
        for (const [name, width] of [
          ['desktop', 1000],
          ['phone', 390],
        ] as const) {
          const args = [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--hide-scrollbars',
            `--window-size=${width},2400`,
          ];
          const dom = execFileSync(
            CHROMIUM!,
            [...args, '--virtual-time-budget=3000', '--dump-dom', `file://${page}`],
            {
              encoding: 'utf8',
              stdio: ['ignore', 'pipe', 'ignore'],
            },
          );
          const measured = JSON.parse(
            dom.match(/<pre id="measured">(.*?)<\/pre>/s)![1]!.replaceAll('&quot;', '"'),
          );
          expect(measured.charts.map((c: { chart: string }) => c.chart)).toEqual([
            'filters',
            'nights',
            'angles',
          ]);
          for (const chart of measured.charts) {
            expect(chart.width, `${name} ${chart.chart}`).toBeGreaterThan(width / 2);
            expect(chart.height, `${name} ${chart.chart}`).toBeGreaterThan(60);
            expect(chart.marks, `${name} ${chart.chart}`).toBeGreaterThan(3);
          }
          expect(measured.tables).toBe(6);
          expect(measured.overflow, `${name}: the page is wider than the screen`).toBe(false);
          const shot = join(dir, `${name}.png`);
          execFileSync(CHROMIUM!, [...args, `--screenshot=${shot}`, `file://${page}`], {
            stdio: 'ignore',
          });
          mkdirSync(SCREENSHOTS, { recursive: true });
          copyFileSync(shot, join(SCREENSHOTS, `html-report-${name}.png`));
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
