'use strict';

/** Fixed-window rate limiter: at most `limit` requests per key in each window. */
class FixedWindowLimiter {
  constructor(limit, windowMs) {
    this.limit = limit;
    this.windowMs = windowMs;
    this.windows = new Map();
  }

  currentWindow(key, now) {
    let w = this.windows.get(key);
    if (!w || now - w.start >= this.windowMs) {
      w = { start: now, count: 0 };
      this.windows.set(key, w);
    }
    return w;
  }

  tryAcquire(key, now = Date.now()) {
    const w = this.currentWindow(key, now);
    if (w.count <= this.limit) {
      w.count++;
      return true;
    }
    return false;
  }

  remaining(key, now = Date.now()) {
    const w = this.currentWindow(key, now);
    return Math.max(0, this.limit - w.count);
  }

  retryAfter(key, now = Date.now()) {
    if (this.remaining(key, now) > 0) return 0;
    return this.windows.get(key).start + this.windowMs - now;
  }
}

module.exports = { FixedWindowLimiter };
