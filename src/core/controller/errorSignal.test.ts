import { describe, it, expect } from 'vitest';
import { errorMagnitude, finiteError, GAIN_AFTER_ZERO, GainSmoother, INFINITE_ERROR_CEILING, loopGain } from './errorSignal';

describe('errorMagnitude', () => {
  it('passes finite non-negative numbers and +Infinity through unchanged', () => {
    expect(errorMagnitude(0)).toBe(0);
    expect(errorMagnitude(3.25)).toBe(3.25);
    expect(errorMagnitude(Infinity)).toBe(Infinity);
  });

  it('maps booleans to 0 and 1', () => {
    expect(errorMagnitude(false)).toBe(0);
    expect(errorMagnitude(true)).toBe(1);
  });

  it('measures sequences by their length', () => {
    expect(errorMagnitude([])).toBe(0);
    expect(errorMagnitude(['test a', 'test b', 'test c'])).toBe(3);
    expect(errorMagnitude(new Uint8Array(4))).toBe(4);
    expect(errorMagnitude({ length: 2 })).toBe(2);
  });

  it('rejects NaN and negative numbers with a RangeError', () => {
    expect(() => errorMagnitude(NaN)).toThrow(RangeError);
    expect(() => errorMagnitude(NaN)).toThrow(/NaN/);
    expect(() => errorMagnitude(-1)).toThrow(RangeError);
    expect(() => errorMagnitude(-1)).toThrow(/negative/);
    expect(() => errorMagnitude(-Infinity)).toThrow(RangeError);
  });

  it('rejects anything that is not a number, boolean or sequence object', () => {
    expect(() => errorMagnitude(null as never)).toThrow(RangeError);
    expect(() => errorMagnitude(undefined as never)).toThrow(RangeError);
    expect(() => errorMagnitude({} as never)).toThrow(RangeError);
    // A string is not a list of failures, even though it has a length.
    expect(() => errorMagnitude('abc')).toThrow(/got string/);
  });
});

describe('finiteError', () => {
  it('keeps finite values and replaces infinity by the 1e12 ceiling', () => {
    expect(finiteError(0)).toBe(0);
    expect(finiteError(7.5)).toBe(7.5);
    expect(finiteError(Infinity)).toBe(INFINITE_ERROR_CEILING);
    expect(INFINITE_ERROR_CEILING).toBe(1e12);
  });
});

describe('loopGain', () => {
  it('is the ratio current / previous', () => {
    expect(loopGain(10, 5)).toBe(0.5);
    expect(loopGain(4, 6)).toBe(1.5);
    expect(loopGain(3, 0)).toBe(0);
  });

  it('is 0 from zero to zero and 2.05 from zero to a positive error', () => {
    expect(loopGain(0, 0)).toBe(0);
    expect(GAIN_AFTER_ZERO).toBe(2.05);
    expect(loopGain(0, 3)).toBe(2.05);
    expect(loopGain(0, Infinity)).toBe(2.05);
  });

  it('uses the 1e12 ceiling for infinite readings, so the gain stays finite', () => {
    expect(loopGain(Infinity, Infinity)).toBe(1);
    expect(loopGain(Infinity, 3)).toBe(3e-12);
    expect(loopGain(4, Infinity)).toBe(2.5e11);
  });
});

describe('GainSmoother', () => {
  it('is seeded with its first value', () => {
    expect(new GainSmoother(3).push(0.7)).toBe(0.7);
  });

  it('is an EMA with alpha = 2 / (window + 1)', () => {
    const s3 = new GainSmoother(3); // alpha 0.5
    expect(s3.push(1)).toBe(1);
    expect(s3.push(0)).toBe(0.5);
    expect(s3.push(1)).toBe(0.75);

    const s4 = new GainSmoother(4); // alpha 0.4
    s4.push(2);
    expect(s4.push(1)).toBeCloseTo(0.4 * 1 + 0.6 * 2, 12);
  });

  it('follows the raw gains with a window of 1', () => {
    const s = new GainSmoother(1);
    expect([0.9, 0.2, 1.4].map((g) => s.push(g))).toEqual([0.9, 0.2, 1.4]);
  });

  it('rejects windows that are not integers ≥ 1', () => {
    for (const w of [0, -1, 2.5, NaN, Infinity]) expect(() => new GainSmoother(w)).toThrow(RangeError);
  });
});

describe('errorMagnitude on malformed sequences', () => {
  it('rejects array-likes whose length is not a whole number ≥ 0', () => {
    expect(() => errorMagnitude({ length: Number.NaN })).toThrow(/invalid length/);
    expect(() => errorMagnitude({ length: -1 })).toThrow(/invalid length/);
    expect(() => errorMagnitude({ length: 1.5 })).toThrow(/invalid length/);
  });
});
