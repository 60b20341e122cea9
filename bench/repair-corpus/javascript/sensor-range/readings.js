'use strict';

/** Min, max and mean of the finite readings, or null when there are none. */
function summarize(readings) {
  const valid = readings.filter((r) => Number.isFinite(r.value));
  if (valid.length === 0) return null;
  let min = -Infinity;
  let max = Infinity;
  let sum = 0;
  for (const { value } of valid) {
    if (value < min) min = value;
    if (value > max) max = value;
    sum += value;
  }
  return { min, max, mean: Math.round((sum / valid.length) * 10) / 10, count: valid.length, dropped: readings.length - valid.length };
}

/** Sensors with at least one reading outside [low, high]. */
function outOfRange(readings, low, high) {
  const bad = new Set();
  for (const r of readings) {
    if (Number.isFinite(r.value) && (r.value < low || r.value > high)) bad.add(r.sensor);
  }
  return [...bad].sort();
}

module.exports = { summarize, outOfRange };
