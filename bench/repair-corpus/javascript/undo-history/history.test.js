'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { History } = require('./history');

const append = (text) => ({ do: (s) => s + text, undo: (s) => s.slice(0, s.length - text.length) });

test('apply and undo', () => {
  const h = new History('');
  h.apply(append('hello'));
  h.apply(append(' world'));
  h.undo();
  assert.equal(h.state, 'hello');
});

test('nothing to undo or redo at the start', () => {
  const h = new History('x');
  assert.deepEqual([h.undo(), h.redo(), h.canUndo, h.canRedo], [false, false, false, false]);
});

test('redo reapplies the undone command', () => {
  const h = new History('');
  h.apply(append('a'));
  h.undo();
  h.redo();
  assert.deepEqual([h.state, h.canUndo, h.canRedo], ['a', true, false]);
});

test('a redone command can be undone again', () => {
  const h = new History('');
  h.apply(append('a'));
  h.apply(append('b'));
  h.undo();
  h.redo();
  h.undo();
  assert.equal(h.state, 'a');
});

test('a new command clears the redo stack', () => {
  const h = new History('');
  h.apply(append('a'));
  h.undo();
  h.apply(append('b'));
  assert.deepEqual([h.state, h.canRedo], ['b', false]);
});
