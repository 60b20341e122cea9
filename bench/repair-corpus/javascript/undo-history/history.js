'use strict';

/** Undo/redo for commands of the form { do(state), undo(state) }. */
class History {
  constructor(state) {
    this.state = state;
    this.done = [];
    this.undone = [];
  }

  apply(command) {
    this.state = command.do(this.state);
    this.done.push(command);
    this.undone = [];
  }

  undo() {
    const command = this.done.pop();
    if (!command) return false;
    this.state = command.undo(this.state);
    this.undone.push(command);
    return true;
  }

  redo() {
    const command = this.undone.pop();
    if (!command) return false;
    this.state = command.do(this.state);
    return true;
  }

  get canUndo() {
    return this.done.length > 0;
  }

  get canRedo() {
    return this.undone.length > 0;
  }
}

module.exports = { History };
