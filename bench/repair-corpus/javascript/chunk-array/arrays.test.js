'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { chunk, batches, zip, partition } = require('./arrays');

test('chunking an empty array', () => {
  assert.deepEqual(chunk([], 3), []);
});

test('last chunk may be short', () => {
  assert.deepEqual(chunk([1, 2, 3, 4, 5], 2), [[1, 2], [3, 4], [5]]);
});

test('chunks of one', () => {
  assert.deepEqual(chunk(['a', 'b'], 1), [['a'], ['b']]);
});

test('invalid chunk size', () => {
  assert.throws(() => chunk([1], 0), RangeError);
});

test('batches', () => {
  assert.deepEqual(batches([1, 2, 3, 4, 5, 6, 7], 3), [[1, 2, 3], [4, 5, 6], [7]]);
});

test('zip and partition', () => {
  assert.deepEqual(zip([1, 2, 3], ['a', 'b']), [[1, 'a'], [2, 'b']]);
  assert.deepEqual(partition([1, 2, 3, 4], (n) => n % 2 === 0), [[2, 4], [1, 3]]);
});
