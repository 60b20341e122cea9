'use strict';

class HighScores {
  constructor(maxEntries = 5) {
    this.maxEntries = maxEntries;
    this.entries = [];
  }

  /** Whether a score would make it onto the table. */
  qualifies(score) {
    return this.entries.length < this.maxEntries || score > this.entries[this.entries.length - 1].score;
  }

  /** Highest score first; equal scores keep the earlier submission ahead. */
  submit(name, score, at) {
    this.entries.push({ name, score, at });
    this.entries.sort((a, b) => a.score - b.score || a.at - b.at);
    this.entries.length = Math.min(this.entries.length, this.maxEntries);
  }

  top(n = 3) {
    return this.entries.slice(0, n).map((e) => `${e.name} ${e.score}`);
  }
}

module.exports = { HighScores };
