// `npm test`: every check the project has, in order, then one summary line over all suites:
// "N passed, N failed". A step that fails without test counts (typecheck, lint, build) counts as
// one failure, so the summary can never read green while the run is red.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const results = [];

function step(name, command, args) {
  console.log(`\n▶ ${name}: ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  const ok = r.status === 0;
  if (!ok) console.log(`✘ ${name} failed (exit ${r.status ?? r.signal})`);
  return ok;
}

/** Runs a suite that writes a vitest-style JSON report, and records its counts. */
function suite(name, command, args, reportPath) {
  const ok = step(name, command, args);
  let passed = 0;
  let failed = 0;
  try {
    const report = JSON.parse(readFileSync(reportPath, 'utf8'));
    passed = report.numPassedTests ?? 0;
    failed = report.numFailedTests ?? 0;
  } catch {
    // No report at all: the suite crashed before reporting.
  }
  if (!ok && failed === 0) failed = 1;
  results.push({ name, passed, failed });
}

const bin = (tool) => join('node_modules', '.bin', tool);
const scratch = mkdtempSync(join(tmpdir(), 'loopgain-test-'));

for (const [name, command, args] of [
  ['build', process.execPath, ['esbuild.mjs']],
  ['typecheck (host, core, cli)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']],
  ['typecheck (webview)', bin('tsc'), ['-p', 'webview/tsconfig.json', '--noEmit']],
  ['lint', bin('eslint'), ['--max-warnings', '0', '.']],
]) {
  if (!step(name, command, args)) results.push({ name, passed: 0, failed: 1 });
}

const vitestSuite = (name, config, report) =>
  suite(name, bin('vitest'), ['run', ...(config ? ['--config', config] : []), '--reporter=default', '--reporter=json', `--outputFile.json=${join(scratch, report)}`], join(scratch, report));

vitestSuite('unit, integration and CLI end-to-end tests (vitest)', undefined, 'unit.json');
vitestSuite('monitor panel in a real browser (Chromium)', 'vitest.browser.config.mts', 'browser.json');

// The real VS Code suite installs the .vsix that `npm run package` makes: that proves the package too.
if (step('package the extension (.vsix)', process.execPath, ['esbuild.mjs', '--production']) && step('vsce package', bin('vsce'), ['package', '--no-dependencies', '--no-rewrite-relative-links', '--out', 'dist/loopgain.vsix'])) {
  vitestSuite('the extension in a real VS Code (code-server + Chromium)', 'vitest.vscode.config.mts', 'vscode.json');
} else {
  results.push({ name: 'package the extension', passed: 0, failed: 1 });
}

rmSync(scratch, { recursive: true, force: true });
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.log('\nSummary:');
for (const r of results) console.log(`  ${r.name}: ${r.passed} passed, ${r.failed} failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
