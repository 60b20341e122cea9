'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { subtotal, shipping, total } = require('../src/cart');

const book = (price, quantity = 1) => ({ price, quantity });

test('subtotal adds price times quantity', () => {
  assert.equal(subtotal([book(10, 2), book(5)]), 25);
});

test('small orders pay shipping', () => {
  assert.equal(shipping([book(20)]), 4.99);
});

test('orders of exactly the threshold ship free', () => {
  assert.equal(shipping([book(25, 2)]), 0);
});

test('total includes shipping, rounded to cents', () => {
  assert.equal(total([book(9.99)]), 14.98);
});
