'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { lineTotal } = require('./line-items');
const { buildInvoice, summaryLines } = require('./invoice');

const items = [
  { description: 'Consulting', qty: 3, unitPrice: 120 },
  { description: 'Licence', qty: 1, unitPrice: 200, discountPercent: 25 },
];

test('line total applies the discount', () => {
  assert.equal(lineTotal(items[1]), 150);
});

test('default tax rate', () => {
  const inv = buildInvoice(items);
  assert.deepEqual([inv.subtotal, inv.tax, inv.total], [510, 102, 612]);
});

test('reduced tax rate', () => {
  assert.equal(buildInvoice(items, { taxRate: 0.07 }).tax, 35.7);
});

test('zero-rated invoice', () => {
  assert.equal(buildInvoice(items, { taxRate: 0 }).total, 510);
});

test('summary lines', () => {
  assert.deepEqual(summaryLines(buildInvoice([{ qty: 1, unitPrice: 10 }], { currency: 'GBP' })), [
    'Subtotal: 10.00 GBP',
    'Tax: 2.00 GBP',
    'Total: 12.00 GBP',
  ]);
});
