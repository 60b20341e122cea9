'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { Emitter } = require('./emitter');

test('emitting with no listeners calls nothing', () => {
  assert.equal(new Emitter().emit('save'), 0);
});

test('unknown events have no listeners', () => {
  assert.equal(new Emitter().listenerCount('load'), 0);
});

test('listeners receive the arguments', () => {
  const e = new Emitter();
  const seen = [];
  e.on('move', (x, y) => seen.push([x, y]));
  e.emit('move', 3, 4);
  assert.deepEqual(seen, [[3, 4]]);
});

test('unsubscribe stops delivery', () => {
  const e = new Emitter();
  let calls = 0;
  const off = e.on('tick', () => calls++);
  e.emit('tick');
  off();
  e.emit('tick');
  assert.equal(calls, 1);
});

test('once fires a single time', () => {
  const e = new Emitter();
  let calls = 0;
  e.once('ready', () => calls++);
  e.emit('ready');
  e.emit('ready');
  assert.deepEqual([calls, e.listenerCount('ready')], [1, 0]);
});
