'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { FixedWindowLimiter } = require('./limiter');

test('first request is allowed', () => {
  const limiter = new FixedWindowLimiter(3, 1000);
  assert.equal(limiter.tryAcquire('ip-1', 0), true);
});

test('requests beyond the limit are rejected', () => {
  const limiter = new FixedWindowLimiter(2, 1000);
  const results = [0, 10, 20, 30].map((t) => limiter.tryAcquire('ip-1', t));
  assert.deepEqual(results, [true, true, false, false]);
});

test('keys are limited separately', () => {
  const limiter = new FixedWindowLimiter(1, 1000);
  limiter.tryAcquire('a', 0);
  assert.equal(limiter.tryAcquire('b', 0), true);
});

test('remaining counts down', () => {
  const limiter = new FixedWindowLimiter(5, 1000);
  limiter.tryAcquire('k', 0);
  limiter.tryAcquire('k', 1);
  assert.equal(limiter.remaining('k', 2), 3);
});

test('retryAfter tells how long until the window resets', () => {
  const limiter = new FixedWindowLimiter(1, 1000);
  limiter.tryAcquire('k', 100);
  limiter.tryAcquire('k', 400);
  assert.equal(limiter.retryAfter('k', 400), 700);
});
