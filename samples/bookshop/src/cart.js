'use strict';

/** Orders of at least this subtotal ship for free. */
const FREE_SHIPPING_FROM = 50;
const SHIPPING_FEE = 4.99;

function subtotal(items) {
  return items.reduce((sum, item) => sum + item.price * item.quantity, 0);
}

function shipping(items) {
  return subtotal(items) > FREE_SHIPPING_FROM ? 0 : SHIPPING_FEE;
}

function total(items) {
  return Math.round((subtotal(items) + shipping(items)) * 100) / 100;
}

module.exports = { subtotal, shipping, total, FREE_SHIPPING_FROM };
