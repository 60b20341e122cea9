/**
 * The one message protocol between the extension host and the monitor webview. Both sides import
 * only this file from each other; every message is validated on arrival with the guards below.
 * Commands (webview → host) are imperative; notifications (host → webview) are named `did…`.
 */

export const PROTOCOL_VERSION = 1;

/** The webview has loaded and can receive its first snapshot. */
export interface ReadyCommand {
  readonly type: 'ready';
  readonly protocolVersion: number;
}

export type WebviewToHost = ReadyCommand;

export function isWebviewToHost(value: unknown): value is WebviewToHost {
  if (typeof value !== 'object' || value === null) return false;
  const message = value as Record<string, unknown>;
  return message.type === 'ready' && typeof message.protocolVersion === 'number';
}
