'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { futureValue, withMonthlyDeposits, doublingTime } = require('./savings');

test('yearly compounding', () => {
  assert.equal(futureValue(1000, 0.05, 2, 1), 1102.5);
});

test('monthly compounding', () => {
  assert.equal(futureValue(1000, 0.12, 1), 1126.83);
});

test('zero years leaves the principal untouched', () => {
  assert.equal(futureValue(500, 0.07, 0), 500);
});

test('monthly deposits without interest', () => {
  assert.equal(withMonthlyDeposits(100, 0, 12), 1200);
});

test('monthly deposits with interest', () => {
  assert.equal(withMonthlyDeposits(100, 0.12, 3), 303.01);
});

test('doubling time', () => {
  assert.deepEqual(doublingTime(0.08), { ruleOf72: 9, exact: 9.01 });
});
