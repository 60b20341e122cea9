'use strict';

const OPEN_HOUR = 9;
const CLOSE_HOUR = 17;

const isoDate = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

function isWeekend(date) {
  const day = date.getDay();
  return day === 0 || day === 6;
}

/** Open on weekdays from 9:00 to 17:00, except on listed holidays ("YYYY-MM-DD"). */
function isOpen(date, holidays = []) {
  const hour = date.getHours();
  const inHours = hour >= OPEN_HOUR && hour < CLOSE_HOUR;
  const closedDay = isWeekend(date) || holidays.includes(isoDate(date));
  return inHours;
}

/** The next full hour at which the store is open, searching up to two weeks ahead. */
function nextOpening(from, holidays = []) {
  const t = new Date(from.getFullYear(), from.getMonth(), from.getDate(), from.getHours() + 1);
  for (let i = 0; i < 24 * 14; i++) {
    if (isOpen(t, holidays)) return t;
    t.setHours(t.getHours() + 1);
  }
  return null;
}

module.exports = { isWeekend, isOpen, nextOpening };
