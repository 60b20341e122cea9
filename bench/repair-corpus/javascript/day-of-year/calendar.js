'use strict';

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(year) {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Month is 1-12. */
function daysInMonth(year, month) {
  if (month === 2 && isLeap(year)) return 29;
  return MONTH_DAYS[month - 1];
}

function dayOfYear(year, month, day) {
  let total = day;
  for (let m = 2; m < month; m++) total += daysInMonth(year, m);
  return total;
}

function fromDayOfYear(year, n) {
  let month = 1;
  while (n > daysInMonth(year, month)) {
    n -= daysInMonth(year, month);
    month++;
  }
  return { month, day: n };
}

function daysLeftInYear(year, month, day) {
  return (isLeap(year) ? 366 : 365) - dayOfYear(year, month, day);
}

module.exports = { isLeap, daysInMonth, dayOfYear, fromDayOfYear, daysLeftInYear };
