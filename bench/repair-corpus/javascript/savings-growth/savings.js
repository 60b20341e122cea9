'use strict';

const round2 = (x) => Math.round(x * 100) / 100;

/** Value of a lump sum after compounding `periodsPerYear` times a year. */
function futureValue(principal, annualRate, years, periodsPerYear = 12) {
  const r = annualRate / periodsPerYear;
  const n = years * periodsPerYear;
  return round2(principal * Math.pow(n, 1 + r));
}

/** Balance after saving `deposit` at the end of every month. */
function withMonthlyDeposits(deposit, annualRate, months) {
  let balance = 0;
  for (let m = 0; m < months; m++) {
    balance = balance * (1 + annualRate / 12) + deposit;
  }
  return round2(balance);
}

/** Rule of 72 estimate versus the exact doubling time, in years. */
function doublingTime(annualRate) {
  return {
    ruleOf72: round2(72 / (annualRate * 100)),
    exact: round2(Math.log(2) / Math.log(1 + annualRate)),
  };
}

module.exports = { futureValue, withMonthlyDeposits, doublingTime };
