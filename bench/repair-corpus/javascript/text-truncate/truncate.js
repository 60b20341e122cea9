'use strict';

const ELLIPSIS = '\u2026';

/** Shorten text to at most `max` characters, ending with an ellipsis when cut. */
function truncate(text, max) {
  if (max < 1) throw new RangeError('max must be at least 1');
  if (text.length <= max) return text;
  return text.slice(0, max).trimEnd() + ELLIPSIS;
}

/** Like truncate, but cuts at a word boundary when there is one. */
function truncateWords(text, max) {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return (lastSpace > 0 ? cut.slice(0, lastSpace) : cut).trimEnd() + ELLIPSIS;
}

/** Keep both ends, e.g. for file paths: "/home/u…/report.pdf". */
function middleEllipsis(text, max) {
  if (text.length <= max) return text;
  const keep = max - 1;
  const head = Math.ceil(keep / 2);
  return text.slice(0, head) + ELLIPSIS + text.slice(text.length - (keep - head));
}

module.exports = { truncate, truncateWords, middleEllipsis };
