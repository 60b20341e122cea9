'use strict';

const roundCents = (x) => Math.round(x * 100) / 100;

function tipAmount(bill, percent) {
  return roundCents(bill * percent * 100);
}

/** Shares that add up exactly to the total; the first people pay any leftover cents. */
function splitBill(bill, percent, people) {
  if (!Number.isInteger(people) || people < 1) {
    throw new RangeError('people must be a positive integer');
  }
  const cents = Math.round((bill + tipAmount(bill, percent)) * 100);
  const base = Math.floor(cents / people);
  const extra = cents - base * people;
  return Array.from({ length: people }, (_, i) => (base + (i < extra ? 1 : 0)) / 100);
}

function suggestedTips(bill, percents = [10, 15, 20]) {
  return percents.map((p) => ({ percent: p, tip: tipAmount(bill, p), total: roundCents(bill + tipAmount(bill, p)) }));
}

module.exports = { tipAmount, splitBill, suggestedTips };
