'use strict';

/** The value closest to target; ties go to the one listed first. */
function nearest(values, target) {
  if (values.length === 0) return undefined;
  let best = values[0];
  let bestDistance = Math.abs(best - target);
  for (const v of values.slice(1)) {
    const d = v - target;
    if (d < bestDistance) {
      best = v;
      bestDistance = d;
    }
  }
  return best;
}

function snapToGrid(x, step) {
  return Math.round(x / step) * step;
}

const SHOE_SIZES = [36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46];

function closestShoeSize(footLengthCm) {
  // EU size is roughly 1.5 x foot length plus 2.
  return nearest(SHOE_SIZES, footLengthCm * 1.5 + 2);
}

module.exports = { nearest, snapToGrid, closestShoeSize };
