'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { tipAmount, splitBill, suggestedTips } = require('./tips');

test('no tip', () => {
  assert.equal(tipAmount(42.5, 0), 0);
});

test('twenty percent tip', () => {
  assert.equal(tipAmount(50, 20), 10);
});

test('split without tip shares the odd cent', () => {
  assert.deepEqual(splitBill(10, 0, 3), [3.34, 3.33, 3.33]);
});

test('split with tip', () => {
  assert.deepEqual(splitBill(80, 15, 4), [23, 23, 23, 23]);
});

test('nobody to pay', () => {
  assert.throws(() => splitBill(10, 10, 0), RangeError);
});

test('suggested tips', () => {
  assert.deepEqual(suggestedTips(40, [10]), [{ percent: 10, tip: 4, total: 44 }]);
});
