// Records the real runs the monitor's tests replay (`node test/browser/recordRuns.mjs`): the real
// `loopgain` CLI, bundled from source, on fresh copies of the bookshop sample, with real node:test
// runs. Each run's trace.jsonl, state.json and blobs/ land in test/fixtures/runs/<name>/.
//
// bookshop-success: the offline fixer fixes the three seeded bugs (4 → 2 → 1 → 0).
// bookshop-rollback-approval: a scripted model on the fake LLM server (127.0.0.1 only) fixes two
// bugs, then breaks more and more (regressions) until the controller stops and rolls back to the
// best iteration; a resume then proposes an edit to a test file, which waits for approval.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const out = join(repo, 'test', 'fixtures', 'runs');
const scratch = mkdtempSync(join(tmpdir(), 'loopgain-record-'));

await build({
  entryPoints: { loopgain: join(repo, 'src/cli/loopgain.ts'), fakeLlm: join(repo, 'test/support/fakeLlmServer.ts') },
  outdir: scratch,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'error',
  loader: { '.md': 'text', '.py': 'text' },
  define: { LOOPGAIN_VERSION: '"recording"' },
});
const cli = join(scratch, 'loopgain.js');
const { startFakeLlmServer } = await import(join(scratch, 'fakeLlm.js'));

function workspace() {
  const root = mkdtempSync(join(tmpdir(), 'loopgain-bookshop-'));
  cpSync(join(repo, 'samples', 'bookshop'), root, { recursive: true });
  return root;
}

/** Runs the CLI asynchronously (the fake server lives in this process). */
function loopgain(args, env = {}) {
  return new Promise((resolve) => {
    import('node:child_process').then(({ spawn }) => {
      const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, OPENAI_API_KEY: 'sk-recording-fake', ...env } });
      child.on('close', (code) => resolve(code));
    });
  });
}

function keep(root, name) {
  const runs = join(root, '.loopgain', 'runs');
  const [id] = readdirSync(runs);
  const target = join(out, name);
  rmSync(target, { recursive: true, force: true });
  cpSync(join(runs, id), target, { recursive: true });
  console.log(`recorded ${name} (run ${id})`);
}

// 1. The offline fixer on the sample, as `npm run demo` does.
{
  const root = workspace();
  const r = spawnSync(process.execPath, [cli, 'fix', '--cwd', root, '--approve', 'deny'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`the offline run failed (exit ${r.status})`);
  keep(root, 'bookshop-success');
}

// 2. A scripted model: progress, regressions, rollback; then a resume that waits for approval.
{
  const edit = (path, search, replace, rationale, usage) => ({ type: 'edits', edits: [{ kind: 'search-replace', path, search, replace }], rationale, usage });
  const server = await startFakeLlmServer([
    edit('src/catalog.js', 'includes(q) && b.author', 'includes(q) || b.author', 'search must match the title or the author', { input: 2140, output: 310 }),
    edit('src/cart.js', '> FREE_SHIPPING_FROM', '>= FREE_SHIPPING_FROM', 'the threshold itself ships free', { input: 2390, output: 280 }),
    edit('src/catalog.js', 'const PAGE_SIZE = 3;', 'const PAGE_SIZE = 4;', 'show more books per page', { input: 2510, output: 260 }),
    edit('src/loyalty.js', 'Math.floor(amount)', 'Math.round(amount)', 'round the amount to the nearest euro', { input: 2720, output: 290 }),
  ]);
  const root = workspace();
  const model = ['--fixer', 'openai', '--model', 'gpt-4.1-mini', '--base-url', server.openaiBaseURL];
  const first = await loopgain(['fix', '--cwd', root, '--no-focus', '--approve', 'deny', ...model]);
  console.log(`first segment exit ${first}`);
  const [id] = readdirSync(join(root, '.loopgain', 'runs'));
  server.enqueue(
    edit('test/loyalty.test.js', 'redeem(1500, 400), 1100', 'redeem(1500, 400), -1100', 'the test expects the wrong sign', { input: 3300, output: 340 }),
  );
  const second = await loopgain(['resume', id, '--cwd', root, '--approve', 'headless']);
  console.log(`resumed segment exit ${second}`);
  await server.close();
  keep(root, 'bookshop-rollback-approval');
}

rmSync(scratch, { recursive: true, force: true });
