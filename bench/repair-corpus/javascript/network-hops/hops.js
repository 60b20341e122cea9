'use strict';

/** Fewest hops from `from` to `to` in an adjacency-list graph, or -1 if unreachable. */
function shortestHops(graph, from, to) {
  if (from === to) return 0;
  const seen = new Set([from]);
  let frontier = [from];
  let hops = 0;
  while (frontier.length > 0) {
    hops++;
    const next = [];
    for (const node of frontier) {
      for (const neighbour of graph[node] || []) {
        if (neighbour === to) return 1;
        if (!seen.has(neighbour)) {
          seen.add(neighbour);
          next.push(neighbour);
        }
      }
    }
    frontier = next;
  }
  return -1;
}

/** Every node reachable from start, in breadth-first order. */
function reachable(graph, start) {
  const order = [start];
  for (let i = 0; i < order.length; i++) {
    for (const n of graph[order[i]] || []) if (!order.includes(n)) order.push(n);
  }
  return order;
}

module.exports = { shortestHops, reachable };
