'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { toRoman, fromRoman } = require('./roman');

test('to roman', () => {
  assert.deepEqual([4, 9, 14, 1994, 3999].map(toRoman), ['IV', 'IX', 'XIV', 'MCMXCIV', 'MMMCMXCIX']);
});

test('out of range', () => {
  assert.throws(() => toRoman(0), RangeError);
});

test('additive numerals', () => {
  assert.equal(fromRoman('MDCLXVI'), 1666);
});

test('subtractive numerals', () => {
  assert.deepEqual(['IV', 'xc', 'MCMXCIV'].map(fromRoman), [4, 90, 1994]);
});

test('round trip', () => {
  for (const n of [1, 48, 444, 2024]) assert.equal(fromRoman(toRoman(n)), n);
});

test('invalid symbol', () => {
  assert.throws(() => fromRoman('XIZ'), /not a roman numeral/);
});
