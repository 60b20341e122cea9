import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testId, type TestCase } from '../model';
import type { WorkspaceFolderFacts } from '../workspaceFacts';
import { cargoAdapter } from './cargo';
import { readCargoPackages, targetFile } from './cargoWorkspace';

const test = (file: string, suitePath: string[], name: string): TestCase => ({ id: testId(file, suitePath, name), file, suitePath, name, status: 'failed', stack: [] });
const facts = (entries: string[]): WorkspaceFolderFacts => ({ root: '/w', rootEntries: new Set(entries), readText: () => undefined });

// Small cargo layouts on disk: only the manifests and source paths matter here.
const root = mkdtempSync(join(tmpdir(), 'loopgain-cargo-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
function layout(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}
const single = layout('single', { 'Cargo.toml': '[package]\nname = "my-calc"\nversion = "0.1.0"\n\n[dependencies]\n', 'src/lib.rs': '', 'tests/api.rs': '' });
const workspace = layout('workspace', {
  'Cargo.toml': '[workspace]\nmembers = [\n  "crates/*",\n  "tools/gen",\n]\n',
  'crates/alpha/Cargo.toml': '[package]\nname = "alpha"\n',
  'crates/alpha/src/lib.rs': '',
  'crates/alpha/tests/it.rs': '',
  'crates/beta-core/Cargo.toml': '[package]\nname = "beta-core"\n',
  'crates/beta-core/src/lib.rs': '',
  'tools/gen/Cargo.toml': '[package]\nname = "gen"\n[dependencies]\nname = "not this"\n',
  'tools/gen/src/main.rs': '',
});

describe('cargoAdapter', () => {
  it('detects Cargo.toml', () => {
    expect(cargoAdapter.detect(facts(['Cargo.toml', 'src']))).toMatchObject({ framework: 'cargo', evidence: 'Cargo.toml' });
    expect(cargoAdapter.detect(facts(['src']))).toBeUndefined();
  });

  it('runs every target offline without stopping at the first failing one', () => {
    expect(cargoAdapter.plan({ cwd: single, reportDir: '/tmp/r' })).toEqual({ invocation: ['cargo', 'test'], args: ['--offline', '--no-fail-fast'] });
  });

  it('focuses on exact names and narrows the targets in a single package', () => {
    const planned = cargoAdapter.plan({ cwd: single, reportDir: '/tmp/r' }, [test('src/lib.rs', ['tests'], 'adds'), test('tests/api.rs', [], 'it_works')]);
    expect(planned.args).toEqual(['--offline', '--no-fail-fast', '--lib', '--test', 'api', '--', '--exact', 'tests::adds', 'it_works']);
    expect(planned.broaderThanFocus).toBe(false);
  });

  it('focuses on doc tests by item path, without --exact, and says so', () => {
    const planned = cargoAdapter.plan({ cwd: single, reportDir: '/tmp/r' }, [test('src/lib.rs', ['(doc)'], 'Calc::add #2'), test('src/lib.rs', ['tests'], 'adds')]);
    expect(planned.args).toEqual(['--offline', '--no-fail-fast', '--', 'Calc::add', 'tests::adds']);
    expect(planned.broaderThanFocus).toBe(true);
    expect(cargoAdapter.plan({ cwd: single, reportDir: '/tmp/r' }, [test('src/lib.rs', ['(doc)'], 'add')]).args).toEqual(['--offline', '--no-fail-fast', '--doc', '--', 'add']);
  });

  it('selects workspace members by package', () => {
    const planned = cargoAdapter.plan({ cwd: workspace, reportDir: '/tmp/r' }, [test('crates/beta-core/src/lib.rs', ['tests'], 'x'), test('tools/gen/src/main.rs', [], 'y')]);
    expect(planned.args).toEqual(['--offline', '--no-fail-fast', '-p', 'beta-core', '-p', 'gen', '--', '--exact', 'tests::x', 'y']);
  });
});

describe('cargo workspace layout', () => {
  it('lists the root package and the members, globs included', () => {
    expect(readCargoPackages(single)).toEqual([{ dir: '.', name: 'my-calc' }]);
    expect(readCargoPackages(workspace)).toEqual([
      { dir: 'crates/alpha', name: 'alpha' },
      { dir: 'crates/beta-core', name: 'beta-core' },
      { dir: 'tools/gen', name: 'gen' },
    ]);
  });

  it('maps a printed target path to the member that owns the binary', () => {
    const packages = readCargoPackages(workspace);
    expect(targetFile('src/lib.rs', 'beta_core', packages, workspace)).toBe('crates/beta-core/src/lib.rs');
    expect(targetFile('src/lib.rs', 'alpha', packages, workspace)).toBe('crates/alpha/src/lib.rs');
    expect(targetFile('tests/it.rs', 'it', packages, workspace)).toBe('crates/alpha/tests/it.rs');
    expect(targetFile('src/main.rs', 'gen', packages, workspace)).toBe('tools/gen/src/main.rs');
    expect(targetFile('src/lib.rs', 'my_calc', readCargoPackages(single), single)).toBe('src/lib.rs');
  });
});
