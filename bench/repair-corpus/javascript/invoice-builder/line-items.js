'use strict';

const roundMoney = (x) => Math.round(x * 100) / 100;

/** Net amount of one invoice line after its percentage discount. */
function lineTotal({ qty, unitPrice, discountPercent = 0 }) {
  if (qty < 0 || unitPrice < 0) throw new RangeError('quantity and price must not be negative');
  return roundMoney(qty * unitPrice * (1 - discountPercent / 100));
}

module.exports = { roundMoney, lineTotal };
