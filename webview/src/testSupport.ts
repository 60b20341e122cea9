// Test support for the webview's component tests (never imported by the app itself).
import rollbackMessages from '../../test/fixtures/runs/bookshop-rollback-approval/messages.json';
import afterRestoring from '../../test/fixtures/runs/bookshop-rollback-approval/view-after-restoring-4.json';
import successMessages from '../../test/fixtures/runs/bookshop-success/messages.json';
import { parseHostMessage, PROTOCOL_VERSION, RunView, type HostToWebview, type WebviewToHost } from '../../src/protocol';
import { VsCodeHostClient, type VsCodeApi } from './hostClient';

// Tests load Lit's development build: its "dev mode" notice is expected there, so say it was given.
(globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings ??= new Set(['dev-mode']);

/**
 * happy-dom has no ElementInternals; vscode-button asks for them (for forms, which the panel has
 * none of). A stub that accepts form values is all it needs.
 */
if (typeof HTMLElement !== 'undefined' && !('attachInternals' in HTMLElement.prototype)) {
  Object.defineProperty(HTMLElement.prototype, 'attachInternals', { value: () => ({ setFormValue: () => undefined, form: null }) });
}

/** The host messages of the two recorded runs (see test/fixtures/runs), validated as the panel would. */
function validated(raw: readonly unknown[]): HostToWebview[] {
  return raw.map((m, n) => {
    const parsed = parseHostMessage(m);
    if (!parsed.ok) throw new Error(`recorded message ${n} is invalid: ${parsed.error}`);
    return parsed.message;
  });
}

export const recorded = {
  success: validated(successMessages),
  rollback: validated(rollbackMessages),
  /** The rollback run stopped, after the user restored iteration 4: "Restore best" changes two files. */
  afterRestoring: { type: 'didSnapshot', protocolVersion: PROTOCOL_VERSION, run: RunView.parse(afterRestoring) } satisfies HostToWebview,
};

/** A VS Code API that records: the real client runs over it, so its validation is under test too. */
export class RecordingApi implements VsCodeApi {
  readonly posted: WebviewToHost[] = [];
  state: unknown;
  postMessage(message: unknown): void {
    this.posted.push(message as WebviewToHost);
  }
  getState(): unknown {
    return this.state;
  }
  setState(state: unknown): void {
    this.state = state;
  }
}

/** A real client over a recording API, not listening to any window: tests hand it messages. */
export function recordingClient(saved?: unknown): { api: RecordingApi; client: VsCodeHostClient } {
  const api = new RecordingApi();
  api.state = saved;
  return { api, client: new VsCodeHostClient(api, { addEventListener: () => undefined }) };
}
