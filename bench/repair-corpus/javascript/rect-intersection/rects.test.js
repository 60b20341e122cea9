'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { intersect, area, iou } = require('./rects');

test('overlapping squares', () => {
  assert.deepEqual(intersect({ x: 0, y: 0, width: 4, height: 4 }, { x: 2, y: 2, width: 4, height: 4 }), { x: 2, y: 2, width: 2, height: 2 });
});

test('separate rectangles', () => {
  assert.equal(intersect({ x: 0, y: 0, width: 1, height: 1 }, { x: 5, y: 5, width: 1, height: 1 }), null);
});

test('wide strip across a square', () => {
  assert.deepEqual(intersect({ x: 0, y: 4, width: 10, height: 2 }, { x: 3, y: 0, width: 5, height: 10 }), { x: 3, y: 4, width: 5, height: 2 });
});

test('tall strip inside a square', () => {
  assert.deepEqual(intersect({ x: 1, y: 1, width: 2, height: 6 }, { x: 0, y: 0, width: 10, height: 10 }), { x: 1, y: 1, width: 2, height: 6 });
});

test('area of nothing', () => {
  assert.equal(area(null), 0);
});

test('intersection over union of identical squares', () => {
  const sq = { x: 3, y: 3, width: 2, height: 2 };
  assert.equal(iou(sq, sq), 1);
});
