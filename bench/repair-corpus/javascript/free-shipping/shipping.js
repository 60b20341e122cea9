'use strict';

const FREE_SHIPPING_MIN = 50;
const STANDARD = 4.99;
const HEAVY = 12.5;

function subtotal(cart) {
  return cart.items.reduce((sum, item) => sum + item.price * item.qty, 0);
}

/** Members and orders of 50 or more ship free; heavy parcels cost more. */
function shippingCost(cart, customer = {}) {
  if (cart.items.length === 0) return 0;
  if (subtotal(cart) >= FREE_SHIPPING_MIN) return 0;
  const weight = cart.items.reduce((sum, item) => sum + (item.weightKg || 0) * item.qty, 0);
  return weight > 5 ? HEAVY : STANDARD;
}

function orderTotal(cart, customer = {}) {
  return Math.round((subtotal(cart) + shippingCost(cart, customer)) * 100) / 100;
}

module.exports = { subtotal, shippingCost, orderTotal };
