'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { shippingCost, orderTotal } = require('./shipping');

const book = { price: 12, qty: 1, weightKg: 0.4 };
const kettlebell = { price: 20, qty: 2, weightKg: 8 };

test('empty cart ships nothing', () => {
  assert.equal(shippingCost({ items: [] }), 0);
});

test('small order pays standard shipping', () => {
  assert.equal(shippingCost({ items: [book] }), 4.99);
});

test('heavy order pays more', () => {
  assert.equal(shippingCost({ items: [kettlebell] }), 12.5);
});

test('large order ships free', () => {
  assert.equal(shippingCost({ items: [{ ...book, qty: 5 }] }), 0);
});

test('members ship free', () => {
  assert.equal(shippingCost({ items: [book] }, { member: true }), 0);
});

test('member order total', () => {
  assert.equal(orderTotal({ items: [kettlebell] }, { member: true }), 40);
});
