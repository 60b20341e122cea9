import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/protocol';
import { finalViewAfterRestoring, iterationDiff, loadRecordedRun, replayMessages } from '../support/monitorReplay';
import { buildWebview, chromiumAvailability, launchChromium, openPanel, postToPanel, posted, servePanel, switchTheme, type Browser, type PanelServer, type WebviewBundle } from '../support/panelPage';
import { THEMES, type Theme } from '../support/panelThemes';

// The monitor panel in headless Chromium, fed the recorded event streams of two real runs through
// the host's view model. The bundle is built in beforeAll with esbuild's API (no `npm run build`
// needed first). Screenshots go to a temporary folder; LOOPGAIN_UPDATE_SCREENSHOTS=1 writes the
// two that docs/ shows.

const chromium = chromiumAvailability();
const DOCS = fileURLToPath(new URL('../../docs/', import.meta.url));
const shots = join(tmpdir(), 'loopgain-panel-screenshots');

const success = loadRecordedRun('bookshop-success');
const rollback = loadRecordedRun('bookshop-rollback-approval');

interface ChartProbe {
  errors: (number | null)[];
  gains: (number | null)[];
  errorColor: string;
  annotations: Record<string, { type: string; xMin?: number; xValue?: number; label?: { content?: string } }>;
  animation: unknown;
}

/** The chart's data as the Chart instance holds it (exposed on window in test builds only). */
function chartData(page: Page): Promise<ChartProbe> {
  return page.evaluate(() => {
    const chart = (globalThis as unknown as { __loopgainChart: { data: { datasets: { data: { y: number | null }[]; borderColor: string }[] }; options: { animation: unknown; plugins: { annotation: { annotations: ChartProbe['annotations'] } } } } }).__loopgainChart;
    const [errors, gains] = chart.data.datasets;
    return {
      errors: (errors?.data ?? []).map((p) => p.y),
      gains: (gains?.data ?? []).map((p) => p.y),
      errorColor: errors?.borderColor ?? '',
      annotations: JSON.parse(JSON.stringify(chart.options.plugins.annotation.annotations)) as ChartProbe['annotations'],
      animation: chart.options.animation,
    };
  });
}

/** The table's rows as text, cell by cell. */
const tableRows = (page: Page): Promise<string[][]> => page.$$eval('table.iterations tbody tr', (rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));

async function expectCleanPage(page: Page, errors: string[]): Promise<void> {
  expect(await page.evaluate(() => (globalThis as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  expect(await page.evaluate(() => (globalThis as unknown as { __acquired: () => number }).__acquired())).toBe(1);
  expect(errors).toEqual([]);
}

describe.skipIf(!chromium.available)(`monitor panel in Chromium${chromium.available ? '' : ` (skipped: ${chromium.reason})`}`, () => {
  let bundle: WebviewBundle;
  let server: PanelServer;
  let browser: Browser;

  beforeAll(async () => {
    bundle = await buildWebview({ production: true, testHooks: true });
    server = await servePanel(bundle);
    browser = await launchChromium();
    rmSync(shots, { recursive: true, force: true });
    mkdirSync(shots, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (bundle) rmSync(bundle.dir, { recursive: true, force: true });
  });

  /** A fresh panel that records console errors and page errors. */
  async function panel(theme: Theme = THEMES.dark): Promise<{ page: Page; errors: string[] }> {
    const errors: string[] = [];
    const page = await openPanel(browser, server, theme, (p) => {
      p.on('console', (m) => {
        if (m.type() === 'error' && !m.text().startsWith('LoopGain monitor: ignored an invalid message')) errors.push(m.text());
      });
      p.on('pageerror', (e) => errors.push(e.message));
    });
    return { page, errors };
  }

  it('starts empty, with an explanation, until the host has a run', async () => {
    const { page, errors } = await panel();
    await expect(page.textContent('body')).resolves.toContain('Connecting to LoopGain');
    await postToPanel(page, [{ type: 'didSnapshot', protocolVersion: PROTOCOL_VERSION, run: null }]);
    await page.waitForSelector('.empty-state');
    expect(await page.textContent('.empty-state')).toContain('LoopGain: Fix Failing Tests');
    await expectCleanPage(page, errors);
    await page.close();
  });

  it('draws the successful run from its streamed events: chart, table and header', async () => {
    const { page, errors } = await panel();
    await postToPanel(page, await replayMessages(success));
    await page.waitForSelector('.stop-summary');
    await expect.poll(() => page.locator('table.iterations tbody tr').count()).toBe(4);
    const chart = await chartData(page);
    expect(chart.errors).toEqual([4, 2, 1, 0]);
    expect(chart.gains).toEqual([null, 0.5, 0.5, 0.25]);
    expect(chart.animation).toBe(false);
    expect(chart.annotations.best).toMatchObject({ type: 'point', xValue: 3 });
    expect(Object.values(chart.annotations).filter((a) => a.type === 'line' && a.xMin === 3 && a.label?.content === 'stop')).toHaveLength(1);
    expect(await page.textContent('.marker-key')).toBe('#3: SUCCESS');
    expect(chart.annotations.band0).toMatchObject({ type: 'box', xMin: 0.5, xMax: 2.5 });
    const rows = await tableRows(page);
    expect(rows.map((r) => r.slice(0, 4))).toEqual([
      ['0', '4', '—', 'First reading'],
      ['1', '2', '0.50', 'Converging'],
      ['2', '1', '0.50', 'Converging'],
      ['3', '0', '0.25', 'Target met'],
    ]);
    expect(rows[3]?.at(-1)).toBe('best');
    expect(await page.textContent('.status')).toBe('Succeeded');
    expect(await page.textContent('.fact-progress')).toBe('4 iterations of 20');
    expect(await page.textContent('.stop-action')).toContain('Review the diff and commit it.');
    expect(await page.getAttribute('canvas', 'aria-label')).toContain('failing tests went from 4 at iteration 0 to 0 at iteration 3');
    await page.screenshot({ path: join(shots, 'success-dark.png'), fullPage: true });
    await expectCleanPage(page, errors);
    await page.close();
  });

  it('shows the rollback run: regressions, rollback and stop markers, bands, and the pending approval', async () => {
    const { page, errors } = await panel();
    await postToPanel(page, await replayMessages(rollback));
    await page.waitForSelector('section.approval');
    await page.locator('.status', { hasText: 'Waiting for approval' }).waitFor();
    const chart = await chartData(page);
    expect(chart.errors).toEqual([4, 2, 1, 3, 4, 1]);
    expect(chart.gains.slice(0, 5)).toEqual([null, 0.5, 0.5, 1.75, expect.closeTo(1.5417, 3)]);
    const labels = Object.values(chart.annotations).flatMap((a) => (a.type === 'line' && a.label?.content ? [[a.xMin, a.label.content]] : []));
    expect(labels).toEqual([
      [undefined, 'Aβ = 1'],
      [3, 'regression'],
      [4, 'rollback'],
      [5, 'stop'],
    ]);
    expect(await page.$$eval('.marker-key li', (items) => items.map((i) => (i.textContent ?? '').trim()))).toEqual([
      '#3: 2 newly broken',
      '#4: 1 newly broken · rolled back to #2 · CONVERGED_SHORT',
      '#5: approval requested · AWAITING_APPROVAL',
    ]);
    expect(chart.annotations.band0).toMatchObject({ xMin: 0.5, xMax: 3.5 });
    expect(chart.annotations.band1).toMatchObject({ xMin: 3.5, xMax: 4.5 });
    expect(chart.annotations.best).toMatchObject({ xValue: 2 });
    const rows = await tableRows(page);
    expect(rows.map((r) => [r[0], r[1], r[5]])).toEqual([
      ['0', '4', '0'],
      ['1', '2', '0'],
      ['2', '1', '0'],
      ['3', '3', '2'],
      ['4', '4', '1'],
      ['5', '1', '0'],
    ]);
    expect(await page.textContent('.approval-reasons')).toContain('test/loyalty.test.js is a test file');
    expect(await page.textContent('section.approval .diff')).toContain('-1100');
    expect(await page.textContent('.fact-usd')).toMatch(/^≈ \$0\.0\d{3} \(estimate at prices of 2025-06-01\)$/);
    await page.screenshot({ path: join(shots, 'rollback-dark.png'), fullPage: true });

    await page.click('section.approval vscode-button:has-text("Approve")');
    await page.waitForSelector('section.approval [role="status"]');
    const requestId = rollback.state.pending?.request.id;
    expect((await posted(page)).filter((m) => m.type === 'decideApproval')).toEqual([{ type: 'decideApproval', runId: rollback.state.id, requestId, approve: true }]);
    await postToPanel(page, [{ type: 'didEvent', runId: rollback.state.id, event: { kind: 'approvalResolved', requestId, decision: 'approved' } }]);
    await page.waitForSelector('section.approval', { state: 'detached' });
    await expectCleanPage(page, errors);
    await page.close();
  });

  it('selects an iteration from the keyboard, shows its diff, and restores it or the best', async () => {
    const { page, errors } = await panel(THEMES.light);
    const view = await finalViewAfterRestoring(rollback, 4);
    await postToPanel(page, [{ type: 'didSnapshot', protocolVersion: PROTOCOL_VERSION, run: view }]);
    await page.waitForSelector('table.iterations tbody tr');
    await page.focus('table.iterations tbody tr[tabindex="0"]');
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (globalThis as unknown as { __posted: { type: string }[] }).__posted.some((m) => m.type === 'selectIteration'));
    expect((await posted(page)).filter((m) => m.type === 'selectIteration')).toEqual([{ type: 'selectIteration', runId: rollback.state.id, iteration: 2 }]);
    await postToPanel(page, [await iterationDiff(rollback, 2)]);
    await page.waitForSelector('.iteration-detail details[data-path="src/catalog.js"]');
    await page.click('.iteration-detail details[data-path="src/catalog.js"] > summary');
    await page.waitForSelector('.iteration-detail .diff-add');
    expect(await page.textContent('.iteration-detail .diff-add')).toContain('const PAGE_SIZE = 4;');

    await page.click('.iteration-detail vscode-button:has-text("Restore this iteration")');
    await page.click('.best-diff vscode-button:has-text("Restore best (2 files)")');
    const restores = (await posted(page)).filter((m) => m.type === 'restore');
    expect(restores).toEqual([
      { type: 'restore', runId: rollback.state.id, iteration: 2 },
      { type: 'restore', runId: rollback.state.id, iteration: 'best' },
    ]);
    await page.focus('.best-diff details[data-path="src/loyalty.js"] > summary');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.best-diff .diff-del');
    await page.screenshot({ path: join(shots, 'restore-light.png'), fullPage: true });
    await expectCleanPage(page, errors);
    await page.close();
  });

  it('reports an invalid host message without breaking, and keeps working', async () => {
    const { page, errors } = await panel();
    await postToPanel(page, [{ type: 'didEvent', runId: 'x', event: { kind: 'iteration', iteration: { iteration: -1 } } }, { type: 'didSnapshot', protocolVersion: PROTOCOL_VERSION, run: null }]);
    await page.waitForSelector('.notices [role="alert"], .notices');
    expect(await page.textContent('.notices')).toContain('Ignored an invalid message from the extension');
    await page.waitForSelector('.empty-state');
    await expectCleanPage(page, errors);
    await page.close();
  });

  it('takes its colours from the theme, and follows a theme switch', async () => {
    const { page, errors } = await panel(THEMES.dark);
    await postToPanel(page, await replayMessages(rollback));
    await page.waitForSelector('section.approval');
    expect((await chartData(page)).errorColor).toBe(THEMES.dark.vars['--vscode-charts-blue']);
    // The button's own styles (Lit's adopted stylesheets) apply under the CSP, in the theme's colours.
    const buttonBackground = (): Promise<string> =>
      page.$eval('.controls vscode-button:not([secondary])', (b) => (globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string } }).getComputedStyle(b.shadowRoot?.querySelector('[part="base"]') ?? b).backgroundColor);
    expect(await buttonBackground()).toBe('rgb(0, 120, 212)');
    await switchTheme(page, THEMES.light);
    await page.waitForFunction((blue) => (globalThis as unknown as { __loopgainChart: { data: { datasets: { borderColor: string }[] } } }).__loopgainChart.data.datasets[0]?.borderColor === blue, THEMES.light.vars['--vscode-charts-blue']);
    expect(await buttonBackground()).toBe('rgb(0, 95, 184)');
    await page.screenshot({ path: join(shots, 'rollback-light.png'), fullPage: true });
    await expectCleanPage(page, errors);
    if (process.env.LOOPGAIN_UPDATE_SCREENSHOTS) {
      await page.setViewportSize({ width: 1100, height: 700 });
      writeFileSync(join(DOCS, 'panel-light.png'), await page.screenshot({ fullPage: true }));
      await switchTheme(page, THEMES.dark);
      await page.waitForFunction((blue) => (globalThis as unknown as { __loopgainChart: { data: { datasets: { borderColor: string }[] } } }).__loopgainChart.data.datasets[0]?.borderColor === blue, THEMES.dark.vars['--vscode-charts-blue']);
      writeFileSync(join(DOCS, 'panel-dark.png'), await page.screenshot({ fullPage: true }));
    }
    await page.close();
  });

  it('writes real PNG screenshots', () => {
    for (const name of ['success-dark.png', 'rollback-dark.png', 'restore-light.png', 'rollback-light.png']) {
      expect(readFileSync(join(shots, name)).subarray(1, 4).toString()).toBe('PNG');
    }
  });
});
