'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { clamp, lerp } = require('./clamp');
const { percent, renderBar, eta } = require('./progress');

test('clamp and lerp', () => {
  assert.deepEqual([clamp(15, 0, 10), clamp(-2, 0, 10), lerp(0, 10, 0.25)], [10, 0, 2.5]);
});

test('nothing done yet', () => {
  assert.equal(percent(0, 40), 0);
});

test('half way', () => {
  assert.equal(percent(20, 40), 50);
});

test('overshooting is capped at 100', () => {
  assert.equal(percent(45, 40), 100);
});

test('bar rendering', () => {
  assert.equal(renderBar(1, 4, 8), '[##------] 25%');
});

test('eta from the average pace', () => {
  assert.equal(eta(10, 40, 5000), 15000);
});
