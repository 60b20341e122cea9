'use strict';

const PATTERN = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/;

function parseVersion(text) {
  const m = PATTERN.exec(text.trim());
  if (!m) throw new Error(`invalid version: ${text}`);
  return { parts: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4] ?? null };
}

/** -1, 0 or 1; a pre-release sorts before the release it precedes. */
function compare(a, b) {
  const x = parseVersion(a);
  const y = parseVersion(b);
  for (let i = 0; i < 3; i++) {
    if (x.parts[i] !== y.parts[i]) return x.parts[i] < y.parts[i] ? -1 : 1;
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === null) return 1;
  if (y.pre === null) return -1;
  return x.pre < y.pre ? -1 : 1;
}

function satisfiesMinimum(version, minimum) {
  return compare(version, minimum) > 0;
}

function latest(versions) {
  return versions.reduce((best, v) => (compare(v, best) > 0 ? v : best));
}

module.exports = { parseVersion, compare, satisfiesMinimum, latest };
