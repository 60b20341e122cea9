'use strict';

const BLOCKED = ['scam', 'free money', 'click here'];

const LOOKALIKES = { 0: 'o', 1: 'i', 3: 'e', 4: 'a', 5: 's', '@': 'a', $: 's' };

/** Lower-case, undo common character substitutions and collapse whitespace. */
function normalize(text) {
  return text
    .toLowerCase()
    .replace(/[01345@$]/g, (c) => LOOKALIKES[c])
    .replace(/\s+/g, ' ');
}

module.exports = { BLOCKED, normalize };
