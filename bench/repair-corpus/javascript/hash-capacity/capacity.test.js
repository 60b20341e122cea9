'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { nextPowerOfTwo, capacityFor, stringHash, bucketIndex } = require('./capacity');

test('rejects sizes below one', () => {
  assert.throws(() => nextPowerOfTwo(0), RangeError);
});

test('string hash matches the usual 31-multiplier hash', () => {
  assert.equal(stringHash('abc'), 96354);
});

test('next power of two', () => {
  assert.deepEqual([1, 2, 3, 17, 64].map(nextPowerOfTwo), [1, 2, 4, 32, 64]);
});

test('capacity leaves room for the load factor', () => {
  assert.equal(capacityFor(12), 16);
  assert.equal(capacityFor(13), 32);
});

test('bucket index stays inside the table', () => {
  assert.equal(bucketIndex('abc', 16), 96354 % 16);
});
