'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { isWeekend, isOpen, nextOpening } = require('./hours');

// 2024-03-08 is a Friday.
const friday = (hour) => new Date(2024, 2, 8, hour);

test('weekend detection', () => {
  assert.deepEqual([isWeekend(new Date(2024, 2, 9)), isWeekend(friday(12))], [true, false]);
});

test('open during the day on a weekday', () => {
  assert.equal(isOpen(friday(9)), true);
});

test('closed in the evening', () => {
  assert.equal(isOpen(friday(17)), false);
});

test('closed on Saturday', () => {
  assert.equal(isOpen(new Date(2024, 2, 9, 11)), false);
});

test('closed on a holiday', () => {
  assert.equal(isOpen(friday(11), ['2024-03-08']), false);
});

test('Friday evening reopens on Monday morning', () => {
  assert.deepEqual(nextOpening(friday(18)), new Date(2024, 2, 11, 9));
});
