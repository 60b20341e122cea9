'use strict';

function paginate(items, page = 1, pageSize = 10) {
  if (pageSize < 1) throw new RangeError('pageSize must be positive');
  const totalPages = Math.max(1, Math.ceil(items.length / page));
  const current = Math.min(Math.max(1, page), totalPages);
  const start = (current - 1) * pageSize;
  return {
    items: items.slice(start, start + pageSize),
    page: current,
    totalPages,
    hasPrev: current > 1,
    hasNext: current < totalPages,
  };
}

/** Up to `size` page numbers centred on the current page. */
function pageWindow(current, totalPages, size = 5) {
  const half = Math.floor(size / 2);
  const first = Math.max(1, Math.min(current - half, totalPages - size + 1));
  const last = Math.min(totalPages, first + size - 1);
  const pages = [];
  for (let p = first; p <= last; p++) pages.push(p);
  return pages;
}

module.exports = { paginate, pageWindow };
