import { gzipSync } from 'node:zlib';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { PROTOCOL_VERSION, type HostToWebview, type IterationView, type Marker, type RunView } from '../../src/protocol';
import { buildWebview, chromiumAvailability, launchChromium, openPanel, servePanel, type WebviewBundle } from '../../test/support/panelPage';
import { printTable } from '../table';
import { median, ms, percentile } from '../timing';

const HISTORY = 1000;
const EVENTS = 200;
const STATES: readonly IterationView['state'][] = ['CONVERGING', 'CONVERGING', 'STALLING', 'OSCILLATING', 'CONVERGING', 'DIVERGING', 'FAST_CONVERGE'];

/** A long run's iteration: a slowly falling, noisy failing-test count, states in runs of 25. */
function iteration(n: number): IterationView {
  const error = Math.max(0, Math.round(400 * Math.exp(-n / 600) + 12 * Math.sin(n / 7)));
  return {
    iteration: n,
    error,
    gain: 0.6 + 0.5 * Math.abs(Math.sin(n / 40)),
    state: n === 0 ? 'INIT' : (STATES[Math.floor(n / 25) % STATES.length] as IterationView['state']),
    scope: n % 5 === 0 ? 'full' : 'focused',
    fixed: [`test/suite${n % 13}.test.js::case ${n}`],
    newlyBroken: n % 50 === 7 ? [`test/suite${n % 11}.test.js::case ${n}`] : [],
    files: [`src/module${n % 40}.js`],
    edits: [`replace lines ${n % 90}-${(n % 90) + 2} of src/module${n % 40}.js`],
    tokens: 3000 + (n % 17) * 100,
    durationMs: 4000 + (n % 23) * 250,
  };
}

function longRun(): RunView {
  const iterations = Array.from({ length: HISTORY }, (_, n) => iteration(n));
  const markers: Marker[] = iterations.filter((i) => i.newlyBroken.length > 0).map((i) => ({ iteration: i.iteration, kind: 'regression', label: '1 newly broken' }));
  return {
    runId: 'bench-run',
    status: 'running',
    controllerReason: 'still improving',
    maxIterations: 5000,
    fixer: 'openai:gpt-4.1-mini',
    spend: { tokens: 3_500_000, tokenLimit: 50_000_000, usd: 4.2, usdAsOf: '2025-06-01', wallMs: 3_600_000, wallClockMs: 36_000_000 },
    iterations,
    markers,
    bestDiff: [{ path: 'src/module1.js', diff: '--- a/src/module1.js\n+++ b/src/module1.js\n@@ -1 +1 @@\n-a\n+b\n' }],
  };
}

/**
 * The live panel's cost per streamed event, in the real Chromium page: with 1,000 iterations on
 * the chart and in the table, each of 200 new iterations goes through validation, the reducer,
 * React and a chart update (one frame apart, timed synchronously). Then the bundle's size.
 */
export async function printWebviewBench(): Promise<void> {
  const sized = await buildWebview({ production: true });
  const sizes = bundleSizes(sized);
  rmSync(sized.dir, { recursive: true, force: true });

  const chromium = chromiumAvailability();
  if (!chromium.available) {
    console.log(`webview: ${chromium.reason}; skipping the event timing`);
  } else {
    const bundle = await buildWebview({ production: true, testHooks: true });
    const server = await servePanel(bundle);
    const browser = await launchChromium();
    try {
      const page = await openPanel(browser, server);
      const snapshot: HostToWebview = { type: 'didSnapshot', protocolVersion: PROTOCOL_VERSION, run: longRun() };
      const events: HostToWebview[] = Array.from({ length: EVENTS }, (_, k) => ({ type: 'didEvent', runId: 'bench-run', event: { kind: 'iteration', iteration: iteration(HISTORY + k) } }));
      const times = await page.evaluate(
        async ({ snapshot, events }) => {
          const w = globalThis as unknown as { __loopgainDeliver(m: unknown): void; requestAnimationFrame(f: () => void): void };
          const frame = (): Promise<void> => new Promise((resolve) => w.requestAnimationFrame(() => resolve()));
          w.__loopgainDeliver(snapshot);
          await frame();
          const out: number[] = [];
          for (const e of events) {
            await frame();
            const t0 = performance.now();
            w.__loopgainDeliver(e);
            out.push(performance.now() - t0);
          }
          return out;
        },
        { snapshot, events },
      );
      // The table renders only the rows in view of a long run; it declares them all.
      const rows = Number(await page.getAttribute('table.iterations', 'aria-rowcount')) - 1;
      if (rows !== HISTORY + EVENTS) throw new Error(`the panel has ${rows} rows, expected ${HISTORY + EVENTS}`);
      const sorted = [...times].sort((a, b) => a - b);
      printTable(
        `Webview: one streamed iteration event with ${HISTORY.toLocaleString('en-US')}+ iterations on the chart (headless Chromium, production bundle)`,
        ['events', 'median ms', 'p95 ms', 'max ms'],
        [[sorted.length, ms(median(sorted)), ms(percentile(sorted, 0.95)), ms(sorted.at(-1) ?? NaN)]],
        'Each: zod validation, the reducer, React rendering the header and table, and the chart update (no animation), synchronously.',
      );
    } finally {
      await browser.close();
      await server.close();
      rmSync(bundle.dir, { recursive: true, force: true });
    }
  }

  printTable('Webview bundle (production: minified, no source map)', ['file', 'bytes', 'gzip bytes'], [
    ['main.js', sizes.js.toLocaleString('en-US'), sizes.jsGzip.toLocaleString('en-US')],
    ['main.css', sizes.css.toLocaleString('en-US'), sizes.cssGzip.toLocaleString('en-US')],
  ]);
}

function bundleSizes(bundle: WebviewBundle): { js: number; jsGzip: number; css: number; cssGzip: number } {
  const js = readFileSync(join(bundle.dir, 'main.js'));
  const css = readFileSync(join(bundle.dir, 'main.css'));
  return { js: js.length, jsGzip: gzipSync(js).length, css: css.length, cssGzip: gzipSync(css).length };
}
