'use strict';

const DEFAULTS = { caseSensitive: true, wholeWord: false };

function escapeRegExp(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function buildPattern(query, options = {}) {
  const opts = { ...DEFAULTS, ...options };
  let source = escapeRegExp(query);
  if (opts.wholeWord) source = `\\b${source}\\b`;
  return new RegExp(source, opts.caseSensitive ? 'g' : 'gi');
}

/** Start offsets of every match of query in text. */
function findAll(text, query, options) {
  if (!query) return [];
  return [...text.matchAll(buildPattern(query, options))].map((m) => m.index);
}

function highlight(text, query, options) {
  if (!query) return text;
  return text.replace(buildPattern(query, options), (m) => `[${m}]`);
}

module.exports = { escapeRegExp, findAll, highlight };
