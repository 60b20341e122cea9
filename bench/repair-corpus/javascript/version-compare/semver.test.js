'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { compare, satisfiesMinimum, latest, parseVersion } = require('./semver');

test('numeric parts compare as numbers', () => {
  assert.equal(compare('1.10.0', '1.9.3'), 1);
});

test('pre-release comes before the release', () => {
  assert.equal(compare('2.0.0-rc.1', '2.0.0'), -1);
});

test('invalid versions throw', () => {
  assert.throws(() => parseVersion('1.2'), /invalid version/);
});

test('newer version satisfies the minimum', () => {
  assert.equal(satisfiesMinimum('18.2.1', '18.0.0'), true);
});

test('the minimum itself is accepted', () => {
  assert.equal(satisfiesMinimum('v20.0.0', '20.0.0'), true);
});

test('latest picks the highest version', () => {
  assert.equal(latest(['1.2.3', '1.10.0', '1.10.0-beta', '0.9.9']), '1.10.0');
});
