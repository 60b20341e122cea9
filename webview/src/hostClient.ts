import './zodConfig';
import { parseHostMessage, type HostToWebview, type WebviewToHost } from '../../src/protocol';

/**
 * The webview's one door to the extension host. Components never touch `acquireVsCodeApi` or
 * `window.postMessage`: they post typed commands and receive validated messages through this.
 * Tests inject a fake with `setHostClientFactory`.
 */

/** All the panel keeps across a reload: the host resends everything else. */
export interface PanelState {
  readonly selectedIteration?: number;
  readonly expandedFiles: readonly string[];
}

export interface HostListener {
  /** A message that passed the protocol's validation. */
  message(message: HostToWebview): void;
  /** A message that did not: it is dropped, and the panel says so. */
  invalid(error: string): void;
}

export interface HostClient {
  post(command: WebviewToHost): void;
  /** Starts delivering host messages to `listener`; returns the function that stops it. */
  subscribe(listener: HostListener): () => void;
  getState(): PanelState | undefined;
  setState(state: PanelState): void;
}

/** The part of the VS Code webview API we use. */
export interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The real client over the VS Code API: validates each incoming message and reports bad ones. */
export class VsCodeHostClient implements HostClient {
  private readonly listeners = new Set<HostListener>();

  constructor(
    private readonly api: VsCodeApi,
    target: Pick<Window, 'addEventListener'>,
  ) {
    target.addEventListener('message', (event: MessageEvent) => this.receive(event.data));
  }

  post(command: WebviewToHost): void {
    this.api.postMessage(command);
  }

  /** One raw message from the host, as the window received it. */
  receive(data: unknown): void {
    const parsed = parseHostMessage(data);
    if (!parsed.ok) {
      console.error(`LoopGain monitor: ignored an invalid message from the extension: ${parsed.error}`, data);
      for (const l of this.listeners) l.invalid(parsed.error);
      return;
    }
    for (const l of this.listeners) l.message(parsed.message);
  }

  subscribe(listener: HostListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  getState(): PanelState | undefined {
    return toPanelState(this.api.getState());
  }

  setState(state: PanelState): void {
    const kept: PanelState = state.selectedIteration === undefined ? { expandedFiles: [...state.expandedFiles] } : { selectedIteration: state.selectedIteration, expandedFiles: [...state.expandedFiles] };
    this.api.setState(kept);
  }
}

/** Saved state comes back from an older version of the panel too: take only what still fits. */
export function toPanelState(value: unknown): PanelState | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { selectedIteration, expandedFiles } = value as { selectedIteration?: unknown; expandedFiles?: unknown };
  const files = Array.isArray(expandedFiles) ? expandedFiles.filter((f): f is string => typeof f === 'string') : [];
  return Number.isInteger(selectedIteration) && (selectedIteration as number) >= 0 ? { selectedIteration: selectedIteration as number, expandedFiles: files } : { expandedFiles: files };
}

let factory: () => HostClient = () => new VsCodeHostClient(acquireVsCodeApi(), window);
let client: HostClient | undefined;

/** The client, created on first use (so `acquireVsCodeApi` is called once, and only here). */
export function getHostClient(): HostClient {
  client ??= factory();
  return client;
}

/** For tests: the next `getHostClient()` builds its client with this. */
export function setHostClientFactory(create: () => HostClient): void {
  factory = create;
  client = undefined;
}
