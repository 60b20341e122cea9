'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { escapeRegExp, findAll, highlight } = require('./search');

test('special characters are escaped', () => {
  assert.equal(escapeRegExp('a.b*c'), 'a\\.b\\*c');
});

test('search ignores case by default', () => {
  assert.deepEqual(findAll('Error: error! ERROR?', 'error'), [0, 7, 14]);
});

test('case-sensitive search on request', () => {
  assert.deepEqual(findAll('Error: error!', 'error', { caseSensitive: true }), [7]);
});

test('whole words only', () => {
  assert.deepEqual(findAll('cat concat cat.', 'cat', { wholeWord: true }), [0, 11]);
});

test('empty query finds nothing', () => {
  assert.deepEqual(findAll('abc', ''), []);
});

test('highlight keeps the original casing', () => {
  assert.equal(highlight('Todo: fix TODO items', 'todo'), '[Todo]: fix [TODO] items');
});
