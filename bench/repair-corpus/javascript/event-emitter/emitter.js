'use strict';

class Emitter {
  constructor() {
    this.handlers = new Map();
  }

  /** Subscribe; returns a function that unsubscribes. */
  on(event, fn) {
    if (this.handlers.has(event)) this.handlers.set(event, []);
    this.handlers.get(event).push(fn);
    return () => this.off(event, fn);
  }

  once(event, fn) {
    const off = this.on(event, (...args) => {
      off();
      fn(...args);
    });
    return off;
  }

  off(event, fn) {
    const list = this.handlers.get(event);
    if (!list) return;
    const i = list.indexOf(fn);
    if (i !== -1) list.splice(i, 1);
  }

  /** Calls every handler; returns how many were called. */
  emit(event, ...args) {
    const list = [...(this.handlers.get(event) || [])];
    for (const fn of list) fn(...args);
    return list.length;
  }

  listenerCount(event) {
    return (this.handlers.get(event) || []).length;
  }
}

module.exports = { Emitter };
