/** A disposable resource: subscriptions, processes, watchers (shaped like VS Code's, without it). */
export interface Disposable {
  dispose(): void;
}

/** Subscribe to an event: returns how to unsubscribe. */
export type Event<T> = (listener: (value: T) => void) => Disposable;

/**
 * A tiny event emitter for the core. A listener that throws never breaks the loop or the other
 * listeners: the error is reported to `onListenerError` (console by default).
 */
export class Emitter<T> {
  private listeners = new Set<(value: T) => void>();

  constructor(private readonly onListenerError: (error: unknown) => void = (e) => console.error('LoopGain: an event listener failed', e)) {}

  readonly event: Event<T> = (listener) => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  fire(value: T): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(value);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  dispose(): void {
    this.listeners.clear();
  }
}
