'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { shortestHops, reachable } = require('./hops');

const routers = {
  core: ['edge-a', 'edge-b'],
  'edge-a': ['core', 'office'],
  'edge-b': ['core', 'dc'],
  dc: ['edge-b', 'backup'],
  office: ['edge-a'],
  backup: ['dc'],
};

test('same node', () => {
  assert.equal(shortestHops(routers, 'dc', 'dc'), 0);
});

test('direct neighbour', () => {
  assert.equal(shortestHops(routers, 'core', 'edge-b'), 1);
});

test('several hops away', () => {
  assert.equal(shortestHops(routers, 'office', 'backup'), 5);
});

test('unreachable node', () => {
  assert.equal(shortestHops({ a: ['b'], b: [], c: [] }, 'a', 'c'), -1);
});

test('reachable in breadth-first order', () => {
  assert.deepEqual(reachable(routers, 'dc'), ['dc', 'edge-b', 'backup', 'core', 'edge-a', 'office']);
});
