// @vitest-environment happy-dom
// testSupport first: it prepares the DOM for the web components before they load.
import { recorded, recordingClient } from './testSupport';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION, type HostToWebview, type RunView } from '../../src/protocol';
import { App } from './App';
import { reducer } from './reducer';
import { getHostClient, setHostClientFactory } from './hostClient';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

/** The panel over the real client and a recording VS Code API; `send` plays host messages into it. */
function renderPanel(saved?: unknown) {
  const { api, client } = recordingClient(saved);
  setHostClientFactory(() => client);
  const utils = render(<App client={getHostClient()} />);
  const send = (...messages: readonly unknown[]): void =>
    act(() => {
      for (const m of messages) client.receive(m);
    });
  /** What the panel posted, apart from its `ready`. */
  const commands = () => api.posted.filter((m) => m.type !== 'ready');
  return { ...utils, api, send, commands };
}

const snapshot = (run: RunView | null): HostToWebview => ({ type: 'didSnapshot', protocolVersion: PROTOCOL_VERSION, run });
/** The run as the messages leave it. */
const foldRun = (messages: readonly HostToWebview[]): RunView => messages.reduce<RunView | null>(reducer, null) as RunView;

/** The run of the first snapshot among these messages. */
function foldView(messages: readonly HostToWebview[]): RunView {
  const snap = messages.find((m) => m.type === 'didSnapshot');
  if (!snap || snap.type !== 'didSnapshot' || !snap.run) throw new Error('no snapshot');
  return snap.run;
}
const button = (name: string | RegExp): HTMLElement => screen.getByText(name, { selector: 'vscode-button' });
const rows = (): string[][] => [...document.querySelectorAll('table.iterations tbody tr')].map((r) => [...r.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim()));

describe('connection', () => {
  it('says ready once, and waits for the host', () => {
    const { api } = renderPanel();
    expect(api.posted).toEqual([{ type: 'ready', protocolVersion: PROTOCOL_VERSION }]);
    expect(screen.getByText('Connecting to LoopGain…')).toBeTruthy();
  });

  it('explains what to do when there is no run', () => {
    const { send } = renderPanel();
    send(snapshot(null));
    expect(screen.getByRole('heading', { name: 'No LoopGain run to show' })).toBeTruthy();
    expect(screen.getByText('LoopGain: Fix Failing Tests')).toBeTruthy();
  });

  it('shows an error for a malformed message, does not crash, and keeps working', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { send } = renderPanel();
    send({ type: 'didSnapshot', protocolVersion: PROTOCOL_VERSION, run: { runId: 42 } });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Ignored an invalid message from the extension (run.runId');
    expect(screen.getByText('Connecting to LoopGain…')).toBeTruthy();
    send(...recorded.success);
    expect(rows()).toHaveLength(4);
    fireEvent.click(within(alert).getByText('Dismiss'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows a command the host could not carry out', () => {
    const { send } = renderPanel();
    send(snapshot(null), { type: 'didFail', command: 'restore', message: 'src/cart.js changed outside the loop' });
    expect(screen.getByRole('alert').textContent).toContain('Could not restore: src/cart.js changed outside the loop');
  });
});

describe('header', () => {
  it('says how the successful run went', () => {
    const { send } = renderPanel();
    send(...recorded.success);
    expect(screen.getByRole('status', { name: 'Status: Succeeded' }).textContent).toBe('Succeeded');
    expect(document.querySelector('.controller')?.textContent).toBe('Controller: Target met — error 0 ≤ target 0');
    expect(document.querySelector('.fact-progress')?.textContent).toBe('4 iterations of 20');
    expect(document.querySelector('.fact-tokens')?.textContent).toBe('0 of 500,000 tokens');
    expect(document.querySelector('.fact-usd')).toBeNull();
    expect(document.querySelector('.fact-wall')?.textContent).toMatch(/^(\d+ min )?\d+ s of 30 min$/);
    expect(document.querySelector('.stop-reason')?.textContent).toBe('Succeeded: error 0 ≤ target 0');
    expect(document.querySelector('.stop-action')?.textContent).toBe('Recommended: Review the diff and commit it.');
  });

  it('says the controller state in words while running, with the cost estimate and its date', () => {
    const { send } = renderPanel();
    const firstStop = recorded.rollback.findIndex((m) => m.type === 'didEvent' && m.event.kind === 'stopped');
    const diverging = recorded.rollback.slice(0, firstStop).filter((m) => !(m.type === 'didEvent' && m.event.kind === 'marker' && m.event.marker.kind === 'stop'));
    send(...diverging);
    expect(screen.getByRole('status').textContent).toBe('Running');
    expect(document.querySelector('.controller-state')?.textContent).toBe('Diverging: no new best for 2 iterations');
    expect(document.querySelector('.fact-usd')?.textContent).toBe('≈ $0.0057 (estimate at prices of 2025-06-01)');
    expect(document.querySelector('.stop-summary')).toBeNull();
  });

  it('says why a run stopped and what to do next', () => {
    const { send } = renderPanel();
    send(...recorded.rollback);
    expect(screen.getByRole('status').textContent).toBe('Waiting for approval');
    expect(document.querySelector('.stop-reason')?.textContent).toBe('Waiting for approval: test/loyalty.test.js is a test file: the loop should fix the code, not the tests');
    expect(document.querySelector('.stop-action')?.textContent).toContain('Approve or deny it before the token expires');
    expect(document.querySelector('.fact-tokens')?.textContent).toBe('14,540 of 500,000 tokens');
  });
});

describe('iterations table', () => {
  it('has a row per iteration with its numbers, the best and the regressions flagged', () => {
    const { send } = renderPanel();
    send(...recorded.rollback);
    // The fixer's times are as recorded (column 9), read from the run itself.
    const times = foldRun(recorded.rollback).iterations.map((i) => (i.durationMs > 0 ? `${i.durationMs} ms` : '—'));
    expect(rows()).toEqual([
      ['0', '4', '—', 'First reading', '0', '0', '1', '2,450', times[0], ''],
      ['1', '2', '0.50', 'Converging', '2', '0', '1', '2,670', times[1], ''],
      ['2', '1', '0.50', 'Converging', '1', '0', '1', '2,770', times[2], 'best'],
      ['3', '3', '1.75', 'Converging', '0', '2', '1', '3,010', times[3], ''],
      ['4', '4', '1.54', 'Diverging', '0', '1', '0', '0', '—', ''],
      ['5', '1', '—', 'First reading', '3', '0', '0', '3,640', times[5], ''],
    ]);
    expect(document.querySelectorAll('td.bad')).toHaveLength(2);
    expect(document.querySelector('tr[data-iteration="3"] td.bad')?.getAttribute('title')).toContain('the first page holds the first books');
  });

  it('flags focused readings and suspect iterations', () => {
    const { send } = renderPanel();
    const view = foldView(recorded.success);
    send(snapshot({ ...view, iterations: [{ iteration: 0, error: 1, state: 'INIT', scope: 'focused', fixed: [], newlyBroken: [], files: [], edits: [], tokens: 0, durationMs: 0, suspect: 'tests disappeared' }] }));
    expect(screen.getByText('suspect').getAttribute('title')).toBe('tests disappeared');
    expect(screen.getByText('focused')).toBeTruthy();
  });

  it('selects a row by click or keyboard, posting selectIteration once per choice', () => {
    const { send, commands } = renderPanel();
    send(...recorded.rollback);
    const runId = foldView(recorded.rollback).runId;
    fireEvent.click(document.querySelector('tr[data-iteration="1"]') as HTMLElement);
    expect(commands()).toEqual([{ type: 'selectIteration', runId, iteration: 1 }]);
    expect(document.querySelector('tr[data-iteration="1"]')?.getAttribute('aria-selected')).toBe('true');
    const row1 = document.querySelector('tr[data-iteration="1"]') as HTMLElement;
    fireEvent.keyDown(row1, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(document.querySelector('tr[data-iteration="2"]'));
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'Enter' });
    expect(commands()).toEqual([
      { type: 'selectIteration', runId, iteration: 1 },
      { type: 'selectIteration', runId, iteration: 2 },
    ]);
    expect(document.querySelectorAll('tbody tr[tabindex="0"]')).toHaveLength(1);
  });
});

describe('buttons post exactly the right messages', () => {
  const runId = foldView(recorded.rollback).runId;

  it('shows the selected iteration’s diff and restores that iteration', () => {
    const { send, commands } = renderPanel();
    send(recorded.afterRestoring);
    fireEvent.click(document.querySelector('tr[data-iteration="2"]') as HTMLElement);
    expect(screen.getByText('Loading the changes…')).toBeTruthy();
    send({ type: 'didIterationDiff', runId, iteration: 2, files: [{ path: 'src/catalog.js', diff: '--- a/src/catalog.js\n+++ b/src/catalog.js\n@@ -3 +3 @@\n-const PAGE_SIZE = 3;\n+const PAGE_SIZE = 4;\n' }] });
    fireEvent.click(screen.getByText('src/catalog.js', { selector: '.iteration-detail .file-path' }));
    expect(document.querySelector('.iteration-detail .diff-add')?.textContent).toBe('+const PAGE_SIZE = 4;\n');
    expect(document.querySelector('.iteration-detail .diff-del')?.textContent).toBe('-const PAGE_SIZE = 3;\n');
    expect(document.querySelector('.iteration-detail .diff-hunk')?.textContent).toBe('@@ -3 +3 @@\n');
    fireEvent.click(button('Restore this iteration'));
    expect(commands().at(-1)).toEqual({ type: 'restore', runId, iteration: 2 });
  });

  it('restores the best in one click, labelled with the files it changes', () => {
    const { send, commands } = renderPanel();
    send(recorded.afterRestoring);
    fireEvent.click(button('Restore best (2 files)'));
    expect(commands()).toEqual([{ type: 'restore', runId, iteration: 'best' }]);
  });

  it('does not restore while the loop runs', () => {
    const { send, commands } = renderPanel();
    send(snapshot({ ...(recorded.afterRestoring.run as RunView), status: 'running', stop: undefined }));
    fireEvent.click(button('Restore best (2 files)'));
    expect(commands()).toEqual([]);
    expect(screen.getByText(/Stop the run to restore it/)).toBeTruthy();
  });

  it('approves, once, and the approval goes when it is resolved', () => {
    const { send, commands } = renderPanel();
    send(...recorded.rollback);
    const requestId = lastViewApproval();
    expect(screen.getByRole('region', { name: /Approval needed: iteration 5/ }).textContent).toContain('test/loyalty.test.js is a test file');
    fireEvent.click(button('Approve'));
    fireEvent.click(button('Approve'));
    fireEvent.click(button('Deny'));
    expect(commands()).toEqual([{ type: 'decideApproval', runId, requestId, approve: true }]);
    send({ type: 'didEvent', runId, event: { kind: 'approvalResolved', requestId, decision: 'approved' } });
    expect(screen.queryByRole('region', { name: /Approval needed/ })).toBeNull();
  });

  it('denies', () => {
    const { send, commands } = renderPanel();
    send(...recorded.rollback);
    fireEvent.click(button('Deny'));
    expect(commands()).toEqual([{ type: 'decideApproval', runId, requestId: lastViewApproval(), approve: false }]);
  });

  it('stops a running loop; resumes, opens the trace and explains a stopped one', () => {
    const running = renderPanel();
    running.send(recorded.success[0] as HostToWebview);
    const successId = foldView(recorded.success).runId;
    expect(screen.queryByText('Resume', { selector: 'vscode-button' })).toBeNull();
    fireEvent.click(button('Stop'));
    expect(running.commands()).toEqual([{ type: 'stop', runId: successId }]);
    cleanup();
    const stopped = renderPanel();
    stopped.send(...recorded.rollback);
    expect(screen.queryByText('Stop', { selector: 'vscode-button' })).toBeNull();
    fireEvent.click(button('Resume'));
    fireEvent.click(button('Open trace'));
    fireEvent.click(button('Explain'));
    expect(stopped.commands()).toEqual([
      { type: 'resume', runId },
      { type: 'openTrace', runId },
      { type: 'explain', runId },
    ]);
  });

  it('labels the controls for screen readers', () => {
    const { send } = renderPanel();
    send(...recorded.rollback);
    for (const b of document.querySelectorAll('vscode-button')) expect(b.getAttribute('aria-label')).toMatch(/\w{4,}/);
    expect(document.querySelector('canvas')?.getAttribute('aria-label')).toContain('The iterations table below has every value');
  });
});

describe('state kept across reloads', () => {
  it('saves the selection and the open files, and asks for the saved selection’s diff again', () => {
    const { send, api } = renderPanel({ selectedIteration: 3, expandedFiles: ['best:src/loyalty.js'] });
    send(recorded.afterRestoring);
    const runId = foldView(recorded.rollback).runId;
    expect(api.posted.filter((m) => m.type === 'selectIteration')).toEqual([{ type: 'selectIteration', runId, iteration: 3 }]);
    expect(document.querySelector('.best-diff details[data-path="src/loyalty.js"]')?.hasAttribute('open')).toBe(true);
    expect(document.querySelector('.best-diff details[data-path="src/catalog.js"]')?.hasAttribute('open')).toBe(false);
    fireEvent.click(screen.getByText('src/catalog.js', { selector: '.best-diff .file-path' }));
    expect(api.state).toEqual({ selectedIteration: 3, expandedFiles: ['best:src/loyalty.js', 'best:src/catalog.js'] });
  });
});

function lastViewApproval(): string {
  const requested = recorded.rollback.flatMap((m) => (m.type === 'didEvent' && m.event.kind === 'approvalRequested' ? [m.event.approval.requestId] : []));
  return requested.at(-1) as string;
}

describe('a new run', () => {
  it('starts without the selection made in the previous one', () => {
    const { send, commands } = renderPanel();
    send(...recorded.success);
    fireEvent.click(document.querySelector('tr[data-iteration="1"]') as HTMLElement);
    expect(commands()).toHaveLength(1);
    send(recorded.afterRestoring);
    expect(document.querySelector('tr[aria-selected="true"]')).toBeNull();
    expect(document.querySelector('.iteration-detail')).toBeNull();
    expect(commands()).toHaveLength(1);
  });

  it('keeps a selection saved before a reload for the first run shown only', () => {
    const { send, commands } = renderPanel({ selectedIteration: 2, expandedFiles: [] });
    send(recorded.afterRestoring);
    expect(document.querySelector('tr[aria-selected="true"]')?.getAttribute('data-iteration')).toBe('2');
    send(...recorded.success);
    expect(document.querySelector('tr[aria-selected="true"]')).toBeNull();
    expect(commands().filter((c) => c.type === 'selectIteration')).toHaveLength(1);
  });
});
