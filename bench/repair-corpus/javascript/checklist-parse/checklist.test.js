'use strict';
const { test } = require('node:test');
const assert = require('node:assert/strict');
const { parseChecklist, progress, toMarkdown } = require('./checklist');

const NOTES = `# Release
- [x] bump version
- [ ] update changelog

* [X] tag commit
Some prose that is not a task.`;

test('empty document', () => {
  assert.deepEqual(parseChecklist(''), []);
});

test('parses ticked and unticked items', () => {
  assert.deepEqual(parseChecklist(NOTES), [
    { text: 'bump version', done: true },
    { text: 'update changelog', done: false },
    { text: 'tag commit', done: true },
  ]);
});

test('progress of a parsed list', () => {
  assert.deepEqual(progress(parseChecklist(NOTES)), { done: 2, total: 3, percent: 67 });
});

test('empty list counts as complete', () => {
  assert.equal(progress([]).percent, 100);
});

test('round trip back to markdown', () => {
  assert.equal(toMarkdown([{ text: 'a', done: false }, { text: 'b', done: true }]), '- [ ] a\n- [x] b');
});
