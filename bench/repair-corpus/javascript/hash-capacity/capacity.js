'use strict';

/** Smallest power of two that is >= n. */
function nextPowerOfTwo(n) {
  if (!(n >= 1)) throw new RangeError('n must be at least 1');
  let p = 0;
  while (p < n) p *= 2;
  return p;
}

/** Table size that keeps `count` entries under the load factor. */
function capacityFor(count, loadFactor = 0.75) {
  return nextPowerOfTwo(Math.max(1, Math.ceil(count / loadFactor)));
}

function stringHash(s) {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0;
  return h;
}

function bucketIndex(key, capacity) {
  return stringHash(key) & (capacity - 1);
}

module.exports = { nextPowerOfTwo, capacityFor, stringHash, bucketIndex };
