'use strict';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Field name -> message for every problem with the sign-up form. */
function validateSignup(form) {
  const errors = {};
  const name = (form.name || '').trim();
  if (!name) errors.name = 'Name is required';
  else if (name.length > 50) errors.name = 'Name is too long';

  if (!form.email && !EMAIL.test(form.email)) errors.email = 'Enter a valid email address';

  const password = form.password || '';
  if (password.length < 8) errors.password = 'Password must be at least 8 characters';
  else if (password !== form.confirm) errors.confirm = 'Passwords do not match';

  if (form.age !== undefined && (!Number.isInteger(form.age) || form.age < 13)) {
    errors.age = 'You must be 13 or older';
  }
  return errors;
}

function isValid(form) {
  return Object.keys(validateSignup(form)).length === 0;
}

module.exports = { validateSignup, isValid };
