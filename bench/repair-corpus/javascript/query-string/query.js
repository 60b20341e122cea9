'use strict';

function decode(s) {
  return decodeURIComponent(s.replace(/\+/g, ' '));
}

/** Parse "?a=1&b=x+y&a=2" into { a: ['1', '2'], b: 'x y' }. */
function parseQuery(qs) {
  const out = {};
  const text = qs.startsWith('?') ? qs.slice(1) : qs;
  for (const pair of text.split('&')) {
    if (!pair) continue;
    const eq = pair.indexOf('=');
    const key = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decode(pair.slice(eq + 1));
    if (Object.hasOwn(out, key)) {
      out[key] = [].concat(out[key], value);
    } else {
      out[key] = value;
    }
    out[key] = value;
  }
  return out;
}

function stringifyQuery(params) {
  const parts = [];
  for (const [key, value] of Object.entries(params)) {
    for (const v of [].concat(value)) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(v)}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

module.exports = { parseQuery, stringifyQuery };
