'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { HighScores } = require('./scores');

test('a single score', () => {
  const table = new HighScores();
  table.submit('ana', 120, 1);
  assert.deepEqual(table.top(), ['ana 120']);
});

test('empty table accepts anything', () => {
  assert.equal(new HighScores(3).qualifies(0), true);
});

test('best scores come first', () => {
  const table = new HighScores();
  table.submit('ana', 120, 1);
  table.submit('bo', 300, 2);
  table.submit('cy', 50, 3);
  assert.deepEqual(table.top(), ['bo 300', 'ana 120', 'cy 50']);
});

test('earlier submission wins a tie', () => {
  const table = new HighScores();
  table.submit('late', 80, 9);
  table.submit('early', 80, 4);
  assert.deepEqual(table.top(2), ['early 80', 'late 80']);
});

test('a full table keeps only the best', () => {
  const table = new HighScores(2);
  [10, 40, 30].forEach((s, i) => table.submit(`p${i}`, s, i));
  assert.deepEqual([table.top(), table.qualifies(20)], [['p1 40', 'p2 30'], false]);
});
