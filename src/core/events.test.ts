import { describe, expect, it, vi } from 'vitest';
import { Emitter } from './events';

describe('Emitter', () => {
  it('fires to every listener in subscription order', () => {
    const emitter = new Emitter<number>();
    const calls: string[] = [];
    emitter.event((v) => calls.push(`a${v}`));
    emitter.event((v) => calls.push(`b${v}`));
    emitter.fire(1);
    emitter.fire(2);
    expect(calls).toEqual(['a1', 'b1', 'a2', 'b2']);
  });

  it('unsubscribes through the returned disposable, and dispose() removes everyone', () => {
    const emitter = new Emitter<number>();
    const a: number[] = [];
    const b: number[] = [];
    const subA = emitter.event((v) => a.push(v));
    emitter.event((v) => b.push(v));
    emitter.fire(1);
    subA.dispose();
    emitter.fire(2);
    emitter.dispose();
    emitter.fire(3);
    expect(a).toEqual([1]);
    expect(b).toEqual([1, 2]);
  });

  it('reports a throwing listener and still calls the ones after it', () => {
    const errors: unknown[] = [];
    const emitter = new Emitter<string>((e) => errors.push(e));
    const seen: string[] = [];
    const boom = new Error('boom');
    emitter.event(() => {
      throw boom;
    });
    emitter.event((v) => seen.push(v));
    expect(() => emitter.fire('x')).not.toThrow();
    expect(seen).toEqual(['x']);
    expect(errors).toEqual([boom]);
  });

  it('reports to the console by default', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const emitter = new Emitter<number>();
      emitter.event(() => {
        throw new Error('default');
      });
      emitter.fire(1);
      expect(spy).toHaveBeenCalledTimes(1);
      expect(spy.mock.calls[0]?.[0]).toBe('LoopGain: an event listener failed');
    } finally {
      spy.mockRestore();
    }
  });

  it('fires to the listeners present when fire() began, even if one unsubscribes another', () => {
    const emitter = new Emitter<number>();
    const seen: string[] = [];
    const subB = { dispose: (): void => undefined };
    emitter.event(() => {
      seen.push('a');
      subB.dispose();
    });
    const real = emitter.event(() => seen.push('b'));
    subB.dispose = real.dispose;
    emitter.fire(1);
    emitter.fire(2);
    expect(seen).toEqual(['a', 'b', 'a']);
  });

  it('the same listener subscribed twice is called once (a set)', () => {
    const emitter = new Emitter<number>();
    let calls = 0;
    const listener = (): void => void calls++;
    emitter.event(listener);
    emitter.event(listener);
    emitter.fire(1);
    expect(calls).toBe(1);
  });
});
