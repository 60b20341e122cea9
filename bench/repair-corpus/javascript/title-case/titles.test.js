'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { capitalize, titleCase, initials, camelToWords } = require('./titles');

test('capitalize leaves empty strings alone', () => {
  assert.equal(capitalize(''), '');
});

test('capitalize a single letter', () => {
  assert.equal(capitalize('a'), 'A');
});

test('capitalize a word', () => {
  assert.equal(capitalize('hELLO'), 'Hello');
});

test('title case keeps small words lower case', () => {
  assert.equal(titleCase('the lord of the rings'), 'The Lord of the Rings');
});

test('initials', () => {
  assert.equal(initials('grace  brewster hopper'), 'GBH');
});

test('camel case to words', () => {
  assert.equal(camelToWords('maxRetryCount'), 'max retry count');
});
