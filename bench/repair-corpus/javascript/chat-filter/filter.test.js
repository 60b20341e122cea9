'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { normalize } = require('./blocklist');
const { findBlocked, containsBlocked, isClean, acceptMessages } = require('./filter');

test('normalize undoes lookalike characters', () => {
  assert.equal(normalize('FR33   M0NEY'), 'free money');
});

test('finds disguised phrases', () => {
  assert.deepEqual(findBlocked('Cl1ck  HERE for fr3e money'), ['free money', 'click here']);
});

test('containsBlocked', () => {
  assert.equal(containsBlocked('this is a $cam'), true);
});

test('ordinary message is clean', () => {
  assert.equal(isClean('see you at 5'), true);
});

test('spam is not clean', () => {
  assert.equal(isClean('FREE MONEY!!!'), false);
});

test('acceptMessages keeps only clean ones', () => {
  assert.deepEqual(acceptMessages(['hi', 'click here', 'bye']), ['hi', 'bye']);
});
