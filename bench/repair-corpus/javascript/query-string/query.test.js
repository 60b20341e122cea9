'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { parseQuery, stringifyQuery } = require('./query');

test('simple pairs', () => {
  assert.deepEqual(parseQuery('?page=2&sort=name'), { page: '2', sort: 'name' });
});

test('plus signs and escapes are decoded', () => {
  assert.deepEqual(parseQuery('q=caf%C3%A9+au+lait&flag'), { q: 'caf\u00e9 au lait', flag: '' });
});

test('repeated keys collect all values', () => {
  assert.deepEqual(parseQuery('tag=js&tag=node&tag=test'), { tag: ['js', 'node', 'test'] });
});

test('stringify repeats array values', () => {
  assert.equal(stringifyQuery({ tag: ['a b', 'c'], page: 1 }), '?tag=a%20b&tag=c&page=1');
});

test('round trip', () => {
  const params = { city: 'S\u00e3o Paulo', id: ['1', '2'] };
  assert.deepEqual(parseQuery(stringifyQuery(params)), params);
});
