import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cargoAdapter } from '../../src/core/tests/frameworks/cargo';
import { isFailing, type TestRun } from '../../src/core/tests/model';
import { runTests } from '../../src/core/tests/runTests';
import { readWorkspaceFacts } from '../../src/core/tests/workspaceFacts';

const fixtures = join(__dirname, '../fixtures');
const cargoVersion = spawnSync('cargo', ['--version'], { encoding: 'utf8' });
const cargoMissing = cargoVersion.status !== 0;
if (cargoMissing) console.warn('cargo integration tests skipped: cargo is not installed (rustup, or apt-get install cargo)');

async function run(project: string, focus?: TestRun['tests']): Promise<TestRun> {
  const cwd = join(fixtures, project);
  const detection = cargoAdapter.detect(readWorkspaceFacts(cwd));
  if (!detection) throw new Error(`cargo not detected in ${project}`);
  return runTests({ setup: { kind: 'framework', adapter: cargoAdapter, detection }, cwd, focus, timeoutMs: 240_000 });
}

const FAILING = [
  'src/lib.rs::(doc) › multiply',
  'src/lib.rs::geometry › tests › negative_width',
  'src/lib.rs::tests › multiplies_negative',
  'tests/api.rs::multiply_by_minus_one',
];

describe('cargo detection', () => {
  it('detects Cargo.toml in both fixtures', () => {
    for (const project of ['cargo-project', 'cargo-build-error']) {
      expect(cargoAdapter.detect(readWorkspaceFacts(join(fixtures, project)))).toMatchObject({ framework: 'cargo', evidence: 'Cargo.toml' });
    }
  });
});

describe.skipIf(cargoMissing)(`cargo test on real projects (${cargoVersion.stdout?.trim() ?? 'cargo'})`, () => {
  it('reports exactly the failing tests of a full run: unit, integration and doc tests', async () => {
    const result = await run('cargo-project');
    expect(result.outcome).toBe('completed');
    expect(result.command).toBe('cargo test --offline --no-fail-fast');
    expect(result.tests.filter(isFailing).map((t) => t.id).sort()).toEqual(FAILING);
    expect(result.tests.find((t) => t.id === 'src/lib.rs::tests › multiplies_negative')?.stack[0]).toMatchObject({ file: 'src/lib.rs', line: 47 });
    expect(result.tests).toHaveLength(11);
  }, 300_000);

  it('runs only the failing tests when focused on them', async () => {
    const full = await run('cargo-project');
    const failing = full.tests.filter(isFailing);
    expect(full.outcome).toBe('completed');
    expect(failing.map((t) => t.id).sort()).toEqual(FAILING);
    const focused = await run('cargo-project', failing);
    expect(focused.outcome).toBe('completed');
    expect(focused.focusedOn).toEqual(failing.map((t) => t.id));
    expect(focused.tests.map((t) => t.id).sort()).toEqual(FAILING);
    expect(focused.tests.every(isFailing)).toBe(true);
  }, 300_000);

  it('runs only the named tests, with --exact, when no doc test is among them', async () => {
    const full = await run('cargo-project');
    const unit = full.tests.filter((t) => isFailing(t) && t.file === 'src/lib.rs' && t.suitePath[0] !== '(doc)');
    const focused = await run('cargo-project', unit);
    expect(focused.command).toContain('--lib -- --exact');
    expect(focused.tests.map((t) => t.id).sort()).toEqual(['src/lib.rs::geometry › tests › negative_width', 'src/lib.rs::tests › multiplies_negative']);
  }, 300_000);

  it('turns a compile error into a collection error that names it', async () => {
    const result = await run('cargo-build-error');
    expect(result.outcome).toBe('collection-error');
    expect(result.problem).toMatch(/^could not compile `loopgain-broken`.*error\[E0425\]: cannot find value `c` in this scope at src\/lib\.rs:4:9/);
    expect(result.tests).toEqual([]);
  }, 300_000);
});
