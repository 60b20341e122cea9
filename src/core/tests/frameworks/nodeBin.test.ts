import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findBinScript, nodeToolInvocation } from './nodeBin';

const root = mkdtempSync(join(tmpdir(), 'loopgain-nodebin-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function install(dir: string, name: string, bin: unknown, script: string): void {
  const pkg = join(dir, 'node_modules', name);
  mkdirSync(join(pkg, 'bin'), { recursive: true });
  mkdirSync(join(dir, 'node_modules', '.bin'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name, bin }));
  writeFileSync(join(pkg, script), '');
  writeFileSync(join(dir, 'node_modules', '.bin', name), '');
}

describe('nodeToolInvocation', () => {
  it('finds a tool hoisted to a parent folder and runs its bin script with node', () => {
    install(root, 'mocha', { mocha: './bin/mocha.js', _mocha: './bin/_mocha' }, 'bin/mocha.js');
    const pkgDir = join(root, 'packages', 'app');
    mkdirSync(pkgDir, { recursive: true });
    expect(nodeToolInvocation(pkgDir, 'mocha')).toEqual(['node', join(root, 'node_modules', 'mocha', 'bin', 'mocha.js')]);
  });

  it('prefers the nearest install, and reads a string bin', () => {
    const app = join(root, 'app2');
    install(root, 'jest', './bin/outer.js', 'bin/outer.js');
    install(app, 'jest', './bin/jest.js', 'bin/jest.js');
    expect(findBinScript(join(app, 'src'), 'jest')).toBe(join(app, 'node_modules', 'jest', 'bin', 'jest.js'));
  });

  it('falls back to the bare name when the tool is not installed', () => {
    expect(nodeToolInvocation(root, 'no-such-tool-here')).toEqual(['no-such-tool-here']);
  });
});
