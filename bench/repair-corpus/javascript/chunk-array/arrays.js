'use strict';

function chunk(arr, size) {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('size must be a positive integer');
  const out = [];
  for (let i = 0; i < arr.length; i += size) out.push(arr.slice(i, i + size - 1));
  return out;
}

/** Split into at most `count` batches of nearly equal size. */
function batches(arr, count) {
  if (arr.length === 0) return [];
  return chunk(arr, Math.ceil(arr.length / count));
}

function zip(...arrays) {
  const length = Math.min(...arrays.map((a) => a.length));
  return Array.from({ length }, (_, i) => arrays.map((a) => a[i]));
}

function partition(arr, predicate) {
  const yes = [];
  const no = [];
  for (const x of arr) (predicate(x) ? yes : no).push(x);
  return [yes, no];
}

module.exports = { chunk, batches, zip, partition };
