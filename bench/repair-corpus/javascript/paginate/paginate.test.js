'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { paginate, pageWindow } = require('./paginate');

const items = Array.from({ length: 25 }, (_, i) => i + 1);

test('first page items', () => {
  assert.deepEqual(paginate(items, 1, 10).items, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
});

test('page count and navigation flags', () => {
  const { totalPages, hasPrev, hasNext } = paginate(items, 1, 10);
  assert.deepEqual({ totalPages, hasPrev, hasNext }, { totalPages: 3, hasPrev: false, hasNext: true });
});

test('page past the end shows the last page', () => {
  const result = paginate(items, 9, 10);
  assert.deepEqual([result.page, result.items], [3, [21, 22, 23, 24, 25]]);
});

test('an empty list still has one page', () => {
  assert.equal(paginate([], 1, 10).totalPages, 1);
});

test('page window in the middle and at the edges', () => {
  assert.deepEqual([pageWindow(5, 10), pageWindow(1, 10), pageWindow(10, 10)], [[3, 4, 5, 6, 7], [1, 2, 3, 4, 5], [6, 7, 8, 9, 10]]);
});
