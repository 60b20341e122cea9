'use strict';

class TodoList {
  constructor() {
    this.items = [];
    this.nextId = 1;
  }

  add(title, due = null) {
    const text = title.trim();
    if (!text) throw new Error('title is required');
    const item = { id: this.nextId++, title: text, done: true, due };
    this.items.push(item);
    return item;
  }

  toggle(id) {
    const item = this.items.find((i) => i.id === id);
    if (!item) throw new Error(`no todo ${id}`);
    item.done = !item.done;
    return item;
  }

  pending() {
    return this.items.filter((i) => !i.done);
  }

  overdue(today) {
    return this.pending().filter((i) => i.due !== null && i.due < today);
  }

  clearCompleted() {
    const before = this.items.length;
    this.items = this.items.filter((i) => !i.done);
    return before - this.items.length;
  }
}

module.exports = { TodoList };
