'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { summarize, outOfRange } = require('./readings');

const readings = [
  { sensor: 'hall', value: 19.5 },
  { sensor: 'attic', value: 31.2 },
  { sensor: 'cellar', value: 11.1 },
  { sensor: 'attic', value: NaN },
];

test('no usable readings', () => {
  assert.equal(summarize([{ sensor: 'x', value: NaN }]), null);
});

test('counts and mean ignore broken readings', () => {
  const { count, dropped, mean } = summarize(readings);
  assert.deepEqual({ count, dropped, mean }, { count: 3, dropped: 1, mean: 20.6 });
});

test('minimum and maximum', () => {
  const { min, max } = summarize(readings);
  assert.deepEqual([min, max], [11.1, 31.2]);
});

test('a single reading is both min and max', () => {
  const { min, max } = summarize([{ sensor: 'hall', value: -4 }]);
  assert.deepEqual([min, max], [-4, -4]);
});

test('sensors out of range', () => {
  assert.deepEqual(outOfRange(readings, 12, 30), ['attic', 'cellar']);
});
