import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';

// Runs inside the extension host of a downloaded VS Code (see .vscode-test.mjs). The workspace is a
// fresh copy of the bundled sample, made by scripts/prepareElectronTests.mjs.
const root = (): string => (vscode.workspace.workspaceFolders?.[0]?.uri.fsPath as string);
const read = (path: string): string => readFileSync(join(root(), path), 'utf8');

describe('LoopGain in VS Code (Electron)', () => {
  before(async () => {
    await vscode.workspace.getConfiguration('loopgain').update('fixer', 'offline', vscode.ConfigurationTarget.Workspace);
  });

  it('contributes its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['loopgain.fixFailingTests', 'loopgain.stop', 'loopgain.showMonitor', 'loopgain.restoreBest', 'loopgain.resumeRun', 'loopgain.explainLastStop']) {
      assert.ok(commands.includes(id), `${id} is registered`);
    }
  });

  it('fixes the sample through WorkspaceEdit, with the tests left alone', async () => {
    const tests = read('test/catalog.test.js');
    await vscode.commands.executeCommand('loopgain.fixFailingTests');
    assert.ok(read('src/catalog.js').includes('b.title.toLowerCase().includes(q) || b.author'), 'the && bug in catalog.js is fixed');
    assert.ok(read('src/cart.js').includes('>= FREE_SHIPPING_FROM'), 'the > bug in cart.js is fixed');
    assert.ok(read('src/loyalty.js').includes('return points - cost;'), 'the swapped operands in loyalty.js are fixed');
    assert.equal(read('test/catalog.test.js'), tests);
  });
});
