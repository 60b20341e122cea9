'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const cal = require('./calendar');

describe('dayOfYear', () => {
  it('is the day number in January', () => {
    assert.equal(cal.dayOfYear(2023, 1, 17), 17);
  });
  it('counts January when in February', () => {
    assert.equal(cal.dayOfYear(2023, 2, 1), 32);
  });
  it('counts the leap day', () => {
    assert.equal(cal.dayOfYear(2024, 12, 31), 366);
  });
});

describe('fromDayOfYear', () => {
  it('finds 1 March in a leap year', () => {
    assert.deepEqual(cal.fromDayOfYear(2024, 61), { month: 3, day: 1 });
  });
});

describe('daysInMonth', () => {
  it('handles February', () => {
    assert.deepEqual([cal.daysInMonth(2023, 2), cal.daysInMonth(2000, 2)], [28, 29]);
  });
});

describe('daysLeftInYear', () => {
  it('counts the days after the given one', () => {
    assert.equal(cal.daysLeftInYear(2023, 11, 30), 31);
  });
});
