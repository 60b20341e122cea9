'use strict';
const { BLOCKED, normalize } = require('./blocklist');

function findBlocked(message) {
  const text = normalize(message);
  return BLOCKED.filter((phrase) => text.includes(phrase));
}

function containsBlocked(message) {
  return findBlocked(message).length > 0;
}

function isClean(message) {
  return containsBlocked(message);
}

function acceptMessages(messages) {
  return messages.filter(isClean);
}

module.exports = { findBlocked, containsBlocked, isClean, acceptMessages };
