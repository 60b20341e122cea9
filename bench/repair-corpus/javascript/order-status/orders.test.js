'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { orderStatus, summarize, awaitingDelivery } = require('./orders');

const shipped = { shippedAt: '2024-05-01' };
const delivered = { shippedAt: '2024-05-01', deliveredAt: '2024-05-03' };

test('cancelled wins over everything', () => {
  assert.equal(orderStatus({ cancelled: true, shipments: [delivered] }), 'cancelled');
});

test('no shipments yet', () => {
  assert.equal(orderStatus({ shipments: [] }), 'pending');
});

test('all shipments delivered', () => {
  assert.equal(orderStatus({ shipments: [delivered, delivered] }), 'delivered');
});

test('partly delivered order is still in transit', () => {
  assert.equal(orderStatus({ shipments: [delivered, shipped] }), 'in transit');
});

test('summary counts by status', () => {
  const orders = [{ shipments: [] }, { shipments: [delivered, {}] }, { shipments: [delivered] }];
  assert.deepEqual(summarize(orders), { pending: 1, 'in transit': 1, delivered: 1 });
});

test('orders awaiting delivery', () => {
  assert.deepEqual(awaitingDelivery([{ id: 7, shipments: [shipped, delivered] }, { id: 8, shipments: [delivered] }]), [7]);
});
