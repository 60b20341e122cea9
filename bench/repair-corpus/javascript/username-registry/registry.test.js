'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { UsernameRegistry } = require('./registry');

test('validity rules', () => {
  const reg = new UsernameRegistry();
  assert.deepEqual(['kim', 'k', '9lives', 'sam_99'].map((n) => reg.isValid(n)), [true, false, false, true]);
});

test('invalid names are refused', () => {
  assert.throws(() => new UsernameRegistry().register('x!'), /invalid username/);
});

test('reserved names are not available', () => {
  assert.equal(new UsernameRegistry().isAvailable('Admin'), false);
});

test('registering a new name', () => {
  const reg = new UsernameRegistry();
  assert.equal(reg.register('Kim'), 'kim');
  assert.equal(reg.isAvailable('KIM'), false);
});

test('suggest skips taken variants', () => {
  const reg = new UsernameRegistry(['kim', 'kim2']);
  assert.equal(reg.suggest('kim'), 'kim3');
});
