// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PROTOCOL_VERSION } from '../../src/protocol';
import { getHostClient, setHostClientFactory, toPanelState, VsCodeHostClient, type HostListener } from './hostClient';
import { recorded, RecordingApi, recordingClient } from './testSupport';

function listening(client: VsCodeHostClient): { listener: HostListener; messages: unknown[]; invalid: string[] } {
  const messages: unknown[] = [];
  const invalid: string[] = [];
  const listener = { message: (m: unknown) => messages.push(m), invalid: (e: string) => invalid.push(e) };
  client.subscribe(listener);
  return { listener, messages, invalid };
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('VsCodeHostClient', () => {
  it('delivers valid host messages to its listeners', () => {
    const { client } = recordingClient();
    const { messages, invalid } = listening(client);
    for (const m of recorded.success) client.receive(m);
    expect(messages).toEqual(recorded.success);
    expect(invalid).toEqual([]);
  });

  it('rejects a malformed message: reported on the console and to the listener, never delivered', () => {
    const { client } = recordingClient();
    const { messages, invalid } = listening(client);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    client.receive({ type: 'didEvent', runId: 'r', event: { kind: 'iteration', iteration: { iteration: -1 } } });
    client.receive({ type: 'didExplode' });
    client.receive('not even an object');
    expect(messages).toEqual([]);
    expect(invalid).toHaveLength(3);
    expect(invalid[0]).toContain('event.iteration');
    expect(error).toHaveBeenCalledTimes(3);
    expect(String(error.mock.calls[0]?.[0])).toContain('ignored an invalid message');
  });

  it('stops delivering after unsubscribing', () => {
    const { client } = recordingClient();
    const messages: unknown[] = [];
    const stop = client.subscribe({ message: (m) => messages.push(m), invalid: () => undefined });
    stop();
    client.receive(recorded.success[0]);
    expect(messages).toEqual([]);
  });

  it('listens to window message events, as VS Code delivers them', async () => {
    const api = new RecordingApi();
    const client = new VsCodeHostClient(api, window);
    const { messages } = listening(client);
    window.dispatchEvent(new MessageEvent('message', { data: { type: 'didSnapshot', protocolVersion: PROTOCOL_VERSION, run: null } }));
    expect(messages).toEqual([{ type: 'didSnapshot', protocolVersion: PROTOCOL_VERSION, run: null }]);
  });

  it('posts commands as they are', () => {
    const { api, client } = recordingClient();
    client.post({ type: 'restore', runId: 'r', iteration: 'best' });
    expect(api.posted).toEqual([{ type: 'restore', runId: 'r', iteration: 'best' }]);
  });

  it('saves only the selected iteration and the expanded files', () => {
    const { api, client } = recordingClient();
    client.setState({ selectedIteration: 3, expandedFiles: ['best:a.js'], extra: 'dropped' } as never);
    expect(api.state).toEqual({ selectedIteration: 3, expandedFiles: ['best:a.js'] });
    client.setState({ expandedFiles: [] });
    expect(api.state).toEqual({ expandedFiles: [] });
  });

  it('reads back saved state, keeping only what still fits', () => {
    expect(recordingClient({ selectedIteration: 2, expandedFiles: ['x', 4] }).client.getState()).toEqual({ selectedIteration: 2, expandedFiles: ['x'] });
    expect(toPanelState({ selectedIteration: -1, tab: 'old' })).toEqual({ expandedFiles: [] });
    expect(toPanelState(null)).toBeUndefined();
    expect(toPanelState('x')).toBeUndefined();
  });
});

describe('getHostClient', () => {
  // The first test of this file to ask for a client: the default factory, over VS Code's API.
  it('acquires the VS Code API once, however often it is asked', () => {
    const api = new RecordingApi();
    const acquire = vi.fn(() => api);
    vi.stubGlobal('acquireVsCodeApi', acquire);
    const first = getHostClient();
    expect(first).toBeInstanceOf(VsCodeHostClient);
    expect(getHostClient()).toBe(first);
    expect(acquire).toHaveBeenCalledTimes(1);
    first.post({ type: 'ready', protocolVersion: PROTOCOL_VERSION });
    expect(api.posted).toEqual([{ type: 'ready', protocolVersion: PROTOCOL_VERSION }]);
  });

  it('uses an injected factory from the next call on', () => {
    const { client } = recordingClient();
    setHostClientFactory(() => client);
    expect(getHostClient()).toBe(client);
  });
});
