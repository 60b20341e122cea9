'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { TodoList } = require('./todos');

test('ids increase', () => {
  const list = new TodoList();
  assert.deepEqual([list.add('a').id, list.add('b').id], [1, 2]);
});

test('blank titles are rejected', () => {
  assert.throws(() => new TodoList().add('   '), /title is required/);
});

test('new items are pending', () => {
  const list = new TodoList();
  list.add('buy milk');
  list.add('call mum');
  assert.equal(list.pending().length, 2);
});

test('toggling completes an item', () => {
  const list = new TodoList();
  const { id } = list.add('write report');
  assert.equal(list.toggle(id).done, true);
});

test('overdue items', () => {
  const list = new TodoList();
  list.add('tax return', '2024-04-30');
  list.add('holiday', '2024-08-01');
  assert.deepEqual(list.overdue('2024-05-02').map((i) => i.title), ['tax return']);
});

test('clearCompleted removes finished items only', () => {
  const list = new TodoList();
  const first = list.add('one');
  list.add('two');
  list.toggle(first.id);
  assert.equal(list.clearCompleted(), 1);
  assert.deepEqual(list.items.map((i) => i.title), ['two']);
});
