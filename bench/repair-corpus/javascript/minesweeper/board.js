'use strict';

function parseBoard(text) {
  return text.trim().split('\n').map((row) => [...row.trim()]);
}

/** Number of mines ('*') in the eight cells around (row, col). */
function countAdjacent(board, row, col) {
  let count = 0;
  for (let dr = -1; dr <= 1; dr++) {
    for (let dc = -1; dc <= 1; dc++) {
      if (dr === 0 && dc === 0) continue;
      const r = row + dr;
      const c = col + dc;
      if (r >= 0 && r < board.length && c >= 0 && c < board[0].length && board[c][r] === '*') count++;
    }
  }
  return count;
}

/** Replace every empty cell with its mine count ('.' for zero). */
function annotate(text) {
  const board = parseBoard(text);
  return board
    .map((cells, r) => cells.map((cell, c) => (cell === '*' ? '*' : String(countAdjacent(board, r, c) || '.'))).join(''))
    .join('\n');
}

module.exports = { parseBoard, countAdjacent, annotate };
