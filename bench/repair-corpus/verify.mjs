#!/usr/bin/env node
// Checks every program in the repair corpus (plain Node ESM, no dependencies):
//   1. bug.json is well formed and its "buggy" lines match the files exactly;
//   2. the buggy program has at least one failing and one passing test
//      (or, for "hangs": true, times out);
//   3. with the fix from bug.json applied to a temporary copy, every test passes;
//   4. for two-edit bugs, each edit on its own still leaves a failing test.
// Programs run one at a time (one CPU core's worth of work). Exit status is
// non-zero if any program does not behave as its bug.json says.
//
// Usage: node bench/repair-corpus/verify.mjs [name-filter]

import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { clearTimeout, setTimeout } from 'node:timers';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(fileURLToPath(import.meta.url));
const TIMEOUT_MS = 10_000;
const LANGUAGES = ['python', 'javascript'];
const FAMILIES = [
  'comparison', 'arithmetic', 'off-by-one', 'logical', 'boolean-literal', 'swap-arguments',
  'negate-condition', 'return-value', 'wrong-identifier', 'plus-minus-one-expression',
  'literal-identifier', 'wrap-unwrap-call', 'swapped-operands', 'statement-deletion',
  'widen-narrow-condition', 'two-edit',
];
const filter = process.argv[2] ?? '';

/** Runs a command in its own process group; kills the whole group on timeout. */
function run(cmd, args, cwd) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', NO_COLOR: '1', FORCE_COLOR: '0' },
    });
    let out = '';
    let timedOut = false;
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { out += d; });
    const timer = setTimeout(() => {
      timedOut = true;
      try { process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    }, TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, out });
    });
  });
}

/** Runs a program's tests and counts passes and failures. */
async function runTests(language, cwd) {
  if (language === 'python') {
    const r = await run('python3', ['-m', 'pytest', '-q', '-p', 'no:cacheprovider'], cwd);
    const summary = r.out.trim().split('\n').filter((l) => /\d+ (passed|failed|error)/.test(l)).pop() ?? '';
    const count = (word) => Number((summary.match(new RegExp(`(\\d+) ${word}`)) ?? [0, 0])[1]);
    return { ...r, passed: count('passed'), failed: count('failed') + count('errors?') };
  }
  const r = await run(process.execPath, ['--test', '--test-reporter=tap'], cwd);
  const count = (word) => Number((r.out.match(new RegExp(`^# ${word} (\\d+)$`, 'm')) ?? [0, 0])[1]);
  return { ...r, passed: count('pass'), failed: count('fail') + count('cancelled') };
}

/** Copies the program to a temp dir, optionally applying some edits, and runs its tests. */
async function runCopy(language, dir, file, edits) {
  const tmp = mkdtempSync(join(tmpdir(), 'repair-corpus-'));
  try {
    cpSync(dir, tmp, { recursive: true });
    if (edits.length) {
      const path = join(tmp, file);
      const lines = readFileSync(path, 'utf8').split('\n');
      for (const e of edits) lines[e.line - 1] = e.fixed; // "fixed" may hold several lines
      writeFileSync(path, lines.join('\n'));
    }
    return await runTests(language, tmp);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function isTestOrSupport(language, name) {
  return language === 'python'
    ? name === 'conftest.py' || /^test_.*\.py$/.test(name) || !name.endsWith('.py')
    : name.endsWith('.test.js') || !name.endsWith('.js');
}

/** Static checks on layout and bug.json; returns the list of edits and any problems. */
function inspect(language, dir) {
  const problems = [];
  const names = readdirSync(dir);
  const bug = JSON.parse(readFileSync(join(dir, 'bug.json'), 'utf8'));
  if (!FAMILIES.includes(bug.family)) problems.push(`unknown family ${bug.family}`);
  const edits = bug.fix ?? [{ line: bug.line, buggy: bug.buggy, fixed: bug.fixed }];
  if (bug.family === 'two-edit' ? !(bug.edits === 2 && bug.fix?.length === 2) : !(bug.edits === 1 && !bug.fix)) {
    problems.push('edits/fix do not match the family');
  }
  if (typeof bug.note !== 'string' || !bug.note) problems.push('missing note');
  if (!names.includes(bug.file)) problems.push(`no file ${bug.file}`);
  else {
    const lines = readFileSync(join(dir, bug.file), 'utf8').split('\n');
    for (const e of edits) {
      if (lines[e.line - 1] !== e.buggy) problems.push(`line ${e.line} is not the buggy line`);
      if (e.fixed === e.buggy) problems.push(`line ${e.line}: fixed equals buggy`);
    }
  }
  const sources = names.filter((n) => !isTestOrSupport(language, n));
  const loc = sources
    .map((n) => readFileSync(join(dir, n), 'utf8').split('\n').filter((l) => l.trim()).length)
    .reduce((a, b) => a + b, 0);
  if (sources.length < 1 || sources.length > 2) problems.push(`${sources.length} modules`);
  if (loc < 15 || loc > 80) problems.push(`${loc} lines of code`);
  if (language === 'python') {
    if (!names.includes('conftest.py')) problems.push('no conftest.py');
    if (!names.some((n) => /^test_.*\.py$/.test(n))) problems.push('no test_*.py');
  } else {
    if (!names.some((n) => n.endsWith('.test.js'))) problems.push('no *.test.js');
    const pkg = existsSync(join(dir, 'package.json')) ? JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) : null;
    if (!pkg || pkg.private !== true || pkg.scripts?.test !== 'node --test' || pkg.dependencies || pkg.devDependencies) {
      problems.push('bad package.json');
    }
  }
  return { bug, edits, loc, problems };
}

const fmt = (r) => (r.timedOut ? 'timeout' : `${r.failed}F/${r.passed}P`);

async function main() {
  const rows = [];
  for (const language of LANGUAGES) {
    const langDir = join(ROOT, language);
    if (!existsSync(langDir)) continue;
    for (const name of readdirSync(langDir).sort()) {
      const dir = join(langDir, name);
      if (!statSync(dir).isDirectory() || !name.includes(filter)) continue;
      const { bug, edits, loc, problems } = inspect(language, dir);
      const buggy = await runCopy(language, dir, bug.file, []);
      const fixed = await runCopy(language, dir, bug.file, edits);
      if (bug.hangs) {
        if (!buggy.timedOut) problems.push('buggy version did not hang');
      } else if (buggy.timedOut) problems.push('buggy version timed out');
      else {
        if (buggy.failed < 1) problems.push('buggy version fails no test');
        if (buggy.passed < 1) problems.push('buggy version passes no test');
      }
      const total = fixed.passed + fixed.failed;
      if (fixed.timedOut || fixed.failed > 0 || fixed.code !== 0) problems.push('fixed version does not pass');
      if (total < 3 || total > 10) problems.push(`${total} tests`);
      let partial = '';
      if (edits.length > 1) {
        const results = [];
        for (const e of edits) results.push(await runCopy(language, dir, bug.file, [e]));
        partial = results.map(fmt).join(' ');
        if (results.some((r) => !r.timedOut && r.failed === 0)) problems.push('one edit alone is enough');
      }
      if (problems.length && process.env.VERBOSE) console.error(`--- ${language}/${name}\n${buggy.out}\n${fixed.out}`);
      rows.push({ language, name, family: bug.family + (bug.hangs ? ' (hangs)' : ''), loc, buggy: fmt(buggy), fixed: fmt(fixed), partial, problems });
    }
  }

  const cols = ['language', 'name', 'family', 'loc', 'buggy', 'fixed', 'partial', 'status'];
  const cells = rows.map((r) => ({ ...r, status: r.problems.length ? `FAIL: ${r.problems.join('; ')}` : 'ok' }));
  const width = Object.fromEntries(cols.map((c) => [c, Math.max(c.length, ...cells.map((r) => String(r[c]).length))]));
  const line = (r) => cols.map((c) => String(r[c]).padEnd(width[c])).join('  ').trimEnd();
  console.log(line(Object.fromEntries(cols.map((c) => [c, c]))));
  for (const r of cells) console.log(line(r));

  console.log('\nprograms per family:');
  for (const family of FAMILIES) {
    const n = (lang) => rows.filter((r) => r.language === lang && r.family.startsWith(family)).length;
    console.log(`  ${family.padEnd(27)} python ${n('python')}  javascript ${n('javascript')}`);
  }
  const bad = rows.filter((r) => r.problems.length);
  const per = LANGUAGES.map((l) => `${l} ${rows.filter((r) => r.language === l).length}`).join(', ');
  console.log(`\n${rows.length} programs (${per}); ${bad.length} mismatches`);
  process.exit(bad.length || rows.length === 0 ? 1 : 0);
}

main();
