'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { validateSignup, isValid } = require('./signup');

const good = { name: 'Rosa', email: 'rosa@example.org', password: 'hunter2hunter2', confirm: 'hunter2hunter2' };

test('a complete form is valid', () => {
  assert.equal(isValid(good), true);
});

test('missing email is reported', () => {
  assert.equal(validateSignup({ ...good, email: '' }).email, 'Enter a valid email address');
});

test('malformed email is reported', () => {
  assert.deepEqual(Object.keys(validateSignup({ ...good, email: 'rosa@example' })), ['email']);
});

test('password confirmation must match', () => {
  assert.deepEqual(validateSignup({ ...good, confirm: 'nope' }), { confirm: 'Passwords do not match' });
});

test('children under 13 are turned away', () => {
  assert.equal(isValid({ ...good, age: 12 }), false);
});

test('an invalid email makes the form invalid', () => {
  assert.equal(isValid({ ...good, email: 'rosa at example.org' }), false);
});
