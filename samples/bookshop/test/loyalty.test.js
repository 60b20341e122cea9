'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { pointsFor, tier, redeem } = require('../src/loyalty');

test('points are earned per whole euro', () => {
  assert.equal(pointsFor(12.75), 120);
});

test('tiers start at their threshold', () => {
  assert.equal(tier(999), 'bronze');
  assert.equal(tier(1000), 'silver');
  assert.equal(tier(7200), 'gold');
});

test('redeeming leaves the remaining points', () => {
  assert.equal(redeem(1500, 400), 1100);
});

test('redeeming more than the balance is refused', () => {
  assert.throws(() => redeem(100, 400), RangeError);
});
