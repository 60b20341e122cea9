// `npm run demo`: the loop on a fresh copy of the bundled sample workspace, with the offline fixer
// (no API key, no network). With desktop VS Code on PATH it opens the sample there with the
// extension installed (scripts/demoVscode.mjs); otherwise it runs the same engine in the terminal,
// with live progress and the resulting diff — no install, no browser — and says how to see it in a
// real VS Code served by code-server (`npm run demo:vscode`).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createTwoFilesPatch } from 'diff';

if (!process.argv.includes('--terminal') && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0) {
  const vscode = spawnSync(process.execPath, [join(import.meta.dirname, 'demoVscode.mjs')], { stdio: 'inherit' });
  process.exit(vscode.status ?? 1);
}

const sample = join(import.meta.dirname, '..', 'samples', 'bookshop');
const build = spawnSync(process.execPath, ['esbuild.mjs'], { stdio: 'inherit', cwd: join(import.meta.dirname, '..') });
if (build.status !== 0) process.exit(build.status ?? 1);

const workspace = mkdtempSync(join(tmpdir(), 'loopgain-demo-'));
cpSync(sample, workspace, { recursive: true });
console.log(`\nLoopGain demo: fixing the bookshop sample in ${workspace}\n`);

const cli = join(import.meta.dirname, '..', 'dist', 'cli', 'loopgain.js');
const run = spawnSync(process.execPath, [cli, 'fix', '--cwd', workspace, '--approve', process.stdin.isTTY ? 'ask' : 'deny', ...process.argv.slice(2).filter((a) => a !== '--terminal')], { stdio: 'inherit' });

const files = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  if (name === '.loopgain' || name === 'node_modules') return [];
  return statSync(path).isDirectory() ? files(path) : [path];
});
console.log('\nWhat the loop changed:\n');
for (const file of files(sample)) {
  const rel = relative(sample, file);
  const before = readFileSync(file, 'utf8');
  const after = readFileSync(join(workspace, rel), 'utf8');
  if (before !== after) process.stdout.write(createTwoFilesPatch(`a/${rel}`, `b/${rel}`, before, after, '', '', { context: 1 }));
}
console.log(`\nRun history: node ${relative(process.cwd(), cli)} runs --cwd ${workspace}`);
console.log('The same loop in a real VS Code, with the monitor panel: npm run demo:vscode');
process.exit(run.status ?? 1);
