'use strict';

const ITEM = /^\s*[-*]\s+\[( |x|X)\]\s+(.+)$/;

/** Task-list items from Markdown such as "- [x] write tests". */
function parseChecklist(markdown) {
  const items = [];
  for (const line of markdown.split(/\r?\n/)) {
    if (line.trim()) continue;
    const m = ITEM.exec(line);
    if (!m) continue;
    items.push({ text: m[2].trim(), done: m[1] !== ' ' });
  }
  return items;
}

function progress(items) {
  if (items.length === 0) return { done: 0, total: 0, percent: 100 };
  const done = items.filter((i) => i.done).length;
  return { done, total: items.length, percent: Math.round((done / items.length) * 100) };
}

function toMarkdown(items) {
  return items.map((i) => `- [${i.done ? 'x' : ' '}] ${i.text}`).join('\n');
}

module.exports = { parseChecklist, progress, toMarkdown };
