'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { nearest, snapToGrid, closestShoeSize } = require('./nearest');

test('empty list', () => {
  assert.equal(nearest([], 5), undefined);
});

test('closest value above the target', () => {
  assert.equal(nearest([10, 20, 30], 19), 20);
});

test('closest value below the target', () => {
  assert.equal(nearest([1, 5, 9], 8), 9);
});

test('ties go to the first value', () => {
  assert.equal(nearest([4, 6], 5), 4);
});

test('snap to grid', () => {
  assert.deepEqual([snapToGrid(13, 5), snapToGrid(12, 5)], [15, 10]);
});

test('shoe size for a 26 cm foot', () => {
  assert.equal(closestShoeSize(26), 41);
});
