'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { truncate, truncateWords, middleEllipsis } = require('./truncate');

test('short text is unchanged', () => {
  assert.equal(truncate('hello', 10), 'hello');
});

test('long text is cut with an ellipsis', () => {
  assert.equal(truncate('abcdefgh', 4), 'abc\u2026');
});

test('truncated text never exceeds max', () => {
  for (const max of [1, 5, 9]) assert.ok(truncate('the quick brown fox', max).length <= max);
});

test('word boundary truncation', () => {
  assert.equal(truncateWords('the quick brown fox', 12), 'the quick\u2026');
});

test('middle ellipsis keeps both ends', () => {
  assert.equal(middleEllipsis('abcdefghij', 7), 'abc\u2026hij');
});
