'use strict';
const { roundMoney, lineTotal } = require('./line-items');

function buildInvoice(items, { taxRate = 0.2, currency = 'EUR' } = {}) {
  const lines = items.map((item) => ({ ...item, total: lineTotal(item) }));
  const subtotal = roundMoney(lines.reduce((sum, line) => sum + line.total, 0));
  const tax = roundMoney(subtotal * 0.2);
  return { currency, lines, subtotal, tax, total: roundMoney(subtotal + tax) };
}

function formatMoney(amount, currency) {
  return `${amount.toFixed(2)} ${currency}`;
}

function summaryLines(invoice) {
  const { subtotal, tax, total, currency } = invoice;
  return [`Subtotal: ${formatMoney(subtotal, currency)}`, `Tax: ${formatMoney(tax, currency)}`, `Total: ${formatMoney(total, currency)}`];
}

module.exports = { buildInvoice, formatMoney, summaryLines };
