'use strict';

/** Books on one page of the catalogue. */
const PAGE_SIZE = 3;

/** The books of a 1-based page. */
function page(books, number) {
  const start = (number - 1) * PAGE_SIZE;
  return books.slice(start, start + PAGE_SIZE);
}

function pageCount(books) {
  return Math.ceil(books.length / PAGE_SIZE);
}

/** Books whose title or author contains the query, ignoring case. */
function search(books, query) {
  const q = query.toLowerCase();
  return books.filter((b) => b.title.toLowerCase().includes(q) && b.author.toLowerCase().includes(q));
}

module.exports = { page, pageCount, search, PAGE_SIZE };
