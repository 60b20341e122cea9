import { PROTOCOL_VERSION, type WebviewToHost } from '../../src/protocol';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

// The monitor panel replaces this; for now the page only announces itself.
acquireVsCodeApi().postMessage({ type: 'ready', protocolVersion: PROTOCOL_VERSION });
