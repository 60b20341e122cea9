'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { parseAmount, totalsByCategory, largestCategory } = require('./expenses');

test('parse amounts in several styles', () => {
  assert.deepEqual(['12.50', '\u20ac3,20', ' 7 '].map(parseAmount), [12.5, 3.2, 7]);
});

test('rubbish is not an amount', () => {
  assert.throws(() => parseAmount('n/a'), /not an amount/);
});

test('one expense per category', () => {
  assert.deepEqual(totalsByCategory([{ category: 'food', amount: '12.50' }]), { food: 12.5 });
});

test('expenses in the same category add up', () => {
  const rows = [
    { category: 'travel', amount: '20.00' },
    { category: 'food', amount: '4.25' },
    { category: 'travel', amount: '5.10' },
  ];
  assert.deepEqual(totalsByCategory(rows), { travel: 25.1, food: 4.25 });
});

test('euro amounts with a comma', () => {
  assert.deepEqual(totalsByCategory([{ category: 'rent', amount: '\u20ac800,00' }]), { rent: 800 });
});

test('largest category', () => {
  const rows = [{ category: 'a', amount: '9' }, { category: 'b', amount: '5' }, { category: 'b', amount: '5' }];
  assert.equal(largestCategory(rows), 'b');
});
