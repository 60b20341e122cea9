import * as vscode from 'vscode';
import type { TestCase } from '../../core/tests/model';

/**
 * Each iteration's test results as a run in the Test Explorer, so failing tests show where users
 * look for them. Items are built from the stable ids: file → suites → test.
 */
export class TestResultsPublisher implements vscode.Disposable {
  private readonly controller = vscode.tests.createTestController('loopgain', 'LoopGain');

  publish(folder: vscode.WorkspaceFolder, iteration: number, tests: readonly TestCase[]): void {
    const run = this.controller.createTestRun(new vscode.TestRunRequest(), `LoopGain iteration ${iteration}`, false);
    for (const test of tests) {
      const item = this.itemFor(folder, test);
      run.enqueued(item);
      const duration = test.durationMs;
      switch (test.status) {
        case 'passed':
          run.passed(item, duration);
          break;
        case 'skipped':
          run.skipped(item);
          break;
        default: {
          const message = new vscode.TestMessage(test.message ?? `${test.status}`);
          const frame = test.stack.find((f) => f.inWorkspace);
          if (frame) message.location = new vscode.Location(vscode.Uri.joinPath(folder.uri, frame.file), new vscode.Position(Math.max(0, frame.line - 1), 0));
          if (test.status === 'error') run.errored(item, message, duration);
          else run.failed(item, message, duration);
        }
      }
    }
    run.end();
  }

  private itemFor(folder: vscode.WorkspaceFolder, test: TestCase): vscode.TestItem {
    const fileLabel = test.file || '(tests)';
    let parent: vscode.TestItem | undefined = this.controller.items.get(fileLabel);
    if (!parent) {
      parent = this.controller.createTestItem(fileLabel, fileLabel, test.file ? vscode.Uri.joinPath(folder.uri, test.file) : undefined);
      this.controller.items.add(parent);
    }
    let path = fileLabel;
    for (const suite of test.suitePath) {
      path += ` › ${suite}`;
      let child: vscode.TestItem | undefined = parent.children.get(path);
      if (!child) {
        child = this.controller.createTestItem(path, suite, parent.uri);
        parent.children.add(child);
      }
      parent = child;
    }
    let item = parent.children.get(test.id);
    if (!item) {
      const label = test.parameters ? `${test.name}[${test.parameters}]` : test.name;
      item = this.controller.createTestItem(test.id, label, parent.uri);
      parent.children.add(item);
    }
    return item;
  }

  dispose(): void {
    this.controller.dispose();
  }
}
