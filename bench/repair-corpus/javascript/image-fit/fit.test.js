'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { fitWithin, cover, aspectRatio } = require('./fit');

test('landscape photo into a square box', () => {
  assert.deepEqual(fitWithin({ width: 4000, height: 3000 }, { width: 800, height: 800 }), { width: 800, height: 600 });
});

test('portrait photo into a square box', () => {
  assert.deepEqual(fitWithin({ width: 3000, height: 4000 }, { width: 800, height: 800 }), { width: 600, height: 800 });
});

test('small images are not enlarged', () => {
  assert.deepEqual(fitWithin({ width: 200, height: 100 }, { width: 800, height: 600 }), { width: 200, height: 100 });
});

test('tall banner into a wide slot', () => {
  assert.deepEqual(fitWithin({ width: 300, height: 900 }, { width: 600, height: 300 }), { width: 100, height: 300 });
});

test('cover crops the overflow evenly', () => {
  assert.deepEqual(cover({ width: 400, height: 200 }, { width: 100, height: 100 }), { width: 200, height: 100, cropX: 50, cropY: 0 });
});

test('aspect ratio', () => {
  assert.equal(aspectRatio(1920, 1080), '16:9');
});
