'use strict';

/** Parse amounts typed by people: "12.50", "€3,20", " 7 ". */
function parseAmount(text) {
  const cleaned = String(text).replace(/[^0-9.,-]/g, '').replace(',', '.');
  const value = Number.parseFloat(cleaned);
  if (Number.isNaN(value)) throw new Error(`not an amount: ${text}`);
  return Math.round(value * 100) / 100;
}

function totalsByCategory(rows) {
  const totals = {};
  for (const row of rows) {
    totals[row.category] = (totals[row.category] || 0) + row.amount;
  }
  for (const key of Object.keys(totals)) totals[key] = Math.round(totals[key] * 100) / 100;
  return totals;
}

function largestCategory(rows) {
  const entries = Object.entries(totalsByCategory(rows));
  if (entries.length === 0) return null;
  return entries.reduce((best, e) => (e[1] > best[1] ? e : best))[0];
}

module.exports = { parseAmount, totalsByCategory, largestCategory };
