'use strict';

/** Overall status of an order from the state of its shipments. */
function orderStatus(order) {
  const shipments = order.shipments || [];
  if (order.cancelled) return 'cancelled';
  if (shipments.length === 0) return 'pending';
  if (shipments.some((s) => s.deliveredAt)) return 'delivered';
  if (shipments.some((s) => s.shippedAt)) return 'in transit';
  return 'processing';
}

function summarize(orders) {
  const counts = {};
  for (const order of orders) {
    const status = orderStatus(order);
    counts[status] = (counts[status] || 0) + 1;
  }
  return counts;
}

function awaitingDelivery(orders) {
  return orders.filter((o) => orderStatus(o) === 'in transit').map((o) => o.id);
}

module.exports = { orderStatus, summarize, awaitingDelivery };
