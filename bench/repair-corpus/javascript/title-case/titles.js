'use strict';

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'at', 'but', 'by', 'for', 'in', 'of', 'on', 'or', 'the', 'to']);

function capitalize(word) {
  if (!word) return word;
  return word[0].toUpperCase() + word.slice(2).toLowerCase();
}

/** Headline style: small words stay lower case except at either end. */
function titleCase(text) {
  const words = text.trim().split(/\s+/);
  return words
    .map((w, i) => {
      const lower = w.toLowerCase();
      if (i > 0 && i < words.length - 1 && SMALL_WORDS.has(lower)) return lower;
      return capitalize(w);
    })
    .join(' ');
}

function initials(name) {
  return name.split(/\s+/).filter(Boolean).map((w) => w[0].toUpperCase()).join('');
}

function camelToWords(identifier) {
  return identifier.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

module.exports = { capitalize, titleCase, initials, camelToWords };
