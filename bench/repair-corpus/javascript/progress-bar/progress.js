'use strict';
const { clamp } = require('./clamp');

/** Whole percentage done, kept between 0 and 100. */
function percent(done, total) {
  if (total <= 0) return 100;
  return clamp(Math.round((done / total) * 100), 100, 0);
}

function renderBar(done, total, width = 20) {
  const pct = percent(done, total);
  const filled = Math.round((pct / 100) * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${pct}%`;
}

function eta(done, total, elapsedMs) {
  if (done <= 0) return null;
  return Math.round((elapsedMs / done) * Math.max(0, total - done));
}

module.exports = { percent, renderBar, eta };
