import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { renderPanelHtml } from '../../src/host/monitor/panelHtml';
import { webviewBuildOptions } from '../../webview/buildOptions.mjs';
import { THEMES, type Theme } from './panelThemes';

/**
 * The monitor panel in a real browser, outside VS Code: the webview bundle built with esbuild's API
 * (the same options as esbuild.mjs), served by a small node:http server on 127.0.0.1 inside the
 * HTML `renderPanelHtml` makes (so its CSP applies), in Debian's headless Chromium driven by
 * playwright-core. A fake `acquireVsCodeApi`, added as an init script (CSP does not apply to those),
 * records what the panel posts.
 */

export const CHROMIUM = '/usr/bin/chromium';
/**
 * The repository: vitest and `npm run bench` both run from its root (the bench is bundled to
 * CommonJS, where import.meta is not available).
 */
const REPO_ROOT = process.cwd();

/** Whether the browser tests can run here; in CI a missing browser is a failure, not a skip. */
export function chromiumAvailability(): { available: boolean; reason: string } {
  if (existsSync(CHROMIUM)) return { available: true, reason: '' };
  const reason = `${CHROMIUM} is missing (apt-get install -y chromium)`;
  if (process.env.CI) throw new Error(`browser tests cannot run in CI: ${reason}`);
  return { available: false, reason };
}

export interface WebviewBundle {
  readonly dir: string;
  readonly jsBytes: number;
  readonly cssBytes: number;
}

/** Builds dist/webview's bundle into a temporary folder (test hooks on for the tests and the bench). */
export async function buildWebview(options: { production?: boolean; testHooks?: boolean } = {}): Promise<WebviewBundle> {
  const dir = mkdtempSync(join(tmpdir(), 'loopgain-webview-'));
  await build({ ...webviewBuildOptions({ ...options, outdir: dir }), absWorkingDir: REPO_ROOT, sourcemap: false, logLevel: 'error' });
  return { dir, jsBytes: readFileSync(join(dir, 'main.js')).length, cssBytes: readFileSync(join(dir, 'main.css')).length };
}

export interface PanelServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves the panel's HTML at / and the bundle's files next to it, with a fresh nonce per page. */
export async function servePanel(bundle: WebviewBundle): Promise<PanelServer> {
  const assets: Record<string, string> = { '/main.js': 'text/javascript', '/main.css': 'text/css' };
  const server = createServer((req, res) => {
    const origin = `http://${req.headers.host}`;
    const path = (req.url ?? '/').split('?')[0] as string;
    if (path === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    if (path === '/') {
      const html = renderPanelHtml({ cspSource: origin, nonce: randomBytes(16).toString('base64'), scriptUri: `${origin}/main.js`, styleUri: `${origin}/main.css` });
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html);
      return;
    }
    const type = assets[path];
    if (!type) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': `${type}; charset=utf-8` });
    res.end(readFileSync(join(bundle.dir, path.slice(1))));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile, nothing reaching out to the network by itself. */
export async function launchChromium(): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'loopgain-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1100, height: 900 },
    deviceScaleFactor: 1,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The little of the page's DOM the init script touches (this file is type-checked without DOM types). */
interface PageGlobals {
  [key: string]: unknown;
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: { childList: boolean; subtree: boolean }): void; disconnect(): void };
  document: {
    body: { classList: { add(c: string): void } } | null;
    documentElement: { style: { setProperty(name: string, value: string): void } } | null;
    addEventListener(type: string, listener: (e: { violatedDirective: string; blockedURI: string }) => void): void;
  };
}

/**
 * Runs in the page before its own script: VS Code's API as a recorder (it throws on a second
 * acquire, as VS Code's does), a CSP violation log, and the theme's variables and body class.
 */
function fakeVsCode(theme: Theme): void {
  const w = globalThis as unknown as PageGlobals;
  const posted: unknown[] = [];
  const violations: string[] = [];
  let state: unknown;
  let acquired = 0;
  w.__posted = posted;
  w.__cspViolations = violations;
  w.__acquired = () => acquired;
  w.acquireVsCodeApi = () => {
    if (++acquired > 1) throw new Error('An instance of the VS Code API has already been acquired');
    return { postMessage: (m: unknown) => posted.push(m), getState: () => state, setState: (s: unknown) => (state = s) };
  };
  const d = w.document;
  d.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  // The document is still empty when init scripts run: theme it as soon as its elements exist.
  let themed = false;
  const apply = (): boolean => {
    if (!themed && d.documentElement) {
      for (const [name, value] of Object.entries(theme.vars)) d.documentElement.style.setProperty(name, value);
      themed = true;
    }
    if (!themed || !d.body) return false;
    d.body.classList.add(theme.bodyClass);
    return true;
  };
  if (!apply()) {
    const observer = new w.MutationObserver(() => apply() && observer.disconnect());
    observer.observe(d, { childList: true, subtree: true });
  }
}

/** A new page with the panel loaded, the fake API in place, and its `ready` posted. */
export async function openPanel(browser: Browser, server: PanelServer, theme: Theme = THEMES.dark, beforeLoad?: (page: Page) => void): Promise<Page> {
  const page = await browser.context.newPage();
  beforeLoad?.(page);
  await page.addInitScript(fakeVsCode, theme);
  await page.goto(server.url);
  await page.waitForFunction(() => ((globalThis as unknown as { __posted: { type: string }[] }).__posted ?? []).some((m) => m.type === 'ready'));
  return page;
}

/** Posts host messages into the page the way VS Code does (window message events). */
export async function postToPanel(page: Page, messages: readonly unknown[]): Promise<void> {
  await page.evaluate((ms) => {
    const w = globalThis as unknown as { postMessage(message: unknown, targetOrigin: string): void };
    for (const m of ms) w.postMessage(m, '*');
  }, messages as unknown[]);
}

/** What the panel posted to the host so far. */
export function posted(page: Page): Promise<{ type: string; [key: string]: unknown }[]> {
  return page.evaluate(() => (globalThis as unknown as { __posted: { type: string }[] }).__posted);
}

/** Switches the page to another theme, as VS Code does: new variables, new body class. */
export async function switchTheme(page: Page, theme: Theme): Promise<void> {
  await page.evaluate((t) => {
    const d = (globalThis as unknown as { document: { body: { className: string }; documentElement: { style: { setProperty(n: string, v: string): void } } } }).document;
    for (const [name, value] of Object.entries(t.vars)) d.documentElement.style.setProperty(name, value);
    d.body.className = t.bodyClass;
  }, theme);
}
