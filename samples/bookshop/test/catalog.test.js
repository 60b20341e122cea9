'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { page, pageCount, search } = require('../src/catalog');

const books = [
  { title: 'Dune', author: 'Frank Herbert' },
  { title: 'Emma', author: 'Jane Austen' },
  { title: 'Persuasion', author: 'Jane Austen' },
  { title: 'Ulysses', author: 'James Joyce' },
  { title: 'Dubliners', author: 'James Joyce' },
];

test('the first page holds the first books', () => {
  assert.deepEqual(page(books, 1).map((b) => b.title), ['Dune', 'Emma', 'Persuasion']);
});

test('the last page holds the rest', () => {
  assert.deepEqual(page(books, 2).map((b) => b.title), ['Ulysses', 'Dubliners']);
});

test('page count rounds up', () => {
  assert.equal(pageCount(books), 2);
});

test('search matches authors', () => {
  assert.deepEqual(search(books, 'austen').map((b) => b.title), ['Emma', 'Persuasion']);
});

test('search matches titles, ignoring case', () => {
  assert.deepEqual(search(books, 'DUNE').map((b) => b.title), ['Dune']);
});
