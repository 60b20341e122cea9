'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { parseBoard, countAdjacent, annotate } = require('./board');

test('parse board rows', () => {
  assert.deepEqual(parseBoard(' .*\n ..'), [['.', '*'], ['.', '.']]);
});

test('board without mines', () => {
  assert.equal(annotate('...\n...\n...'), '...\n...\n...');
});

test('mine in the centre', () => {
  assert.equal(annotate('...\n.*.\n...'), '111\n1*1\n111');
});

test('asymmetric square board', () => {
  assert.equal(countAdjacent(parseBoard('..*\n...\n...'), 0, 1), 1);
});

test('wide board', () => {
  assert.equal(annotate('*...\n..*.'), '*211\n12*1');
});
