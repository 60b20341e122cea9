'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { formatClock, humanize, parseClock } = require('./duration');

test('zero seconds', () => {
  assert.equal(humanize(0), '0s');
});

test('clock format under an hour', () => {
  assert.equal(formatClock(125), '2:05');
});

test('clock format over an hour', () => {
  assert.equal(formatClock(3725), '1:02:05');
});

test('negative durations keep their sign', () => {
  assert.equal(formatClock(-59), '-0:59');
});

test('humanize whole hours', () => {
  assert.equal(humanize(7200), '2h');
});

test('parse clock strings', () => {
  assert.deepEqual(['1:02:05', '2:05', '45'].map(parseClock), [3725, 125, 45]);
});
