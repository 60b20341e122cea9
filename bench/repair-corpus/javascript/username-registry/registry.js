'use strict';

const VALID = /^[a-z][a-z0-9_]{2,15}$/;

class UsernameRegistry {
  constructor(reserved = ['admin', 'root', 'support']) {
    this.taken = new Set(reserved);
  }

  isValid(name) {
    return VALID.test(name.toLowerCase());
  }

  isAvailable(name) {
    return this.taken.has(name.toLowerCase());
  }

  register(name) {
    if (!this.isValid(name)) throw new Error(`invalid username: ${name}`);
    if (!this.isAvailable(name)) throw new Error(`username taken: ${name}`);
    this.taken.add(name.toLowerCase());
    return name.toLowerCase();
  }

  /** A free variant such as "kim2", "kim3", ... or null. */
  suggest(name) {
    const base = name.toLowerCase();
    for (let i = 2; i < 100; i++) {
      if (this.isAvailable(`${base}${i}`)) return `${base}${i}`;
    }
    return null;
  }
}

module.exports = { UsernameRegistry };
