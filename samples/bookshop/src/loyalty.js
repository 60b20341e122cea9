'use strict';

/** Points earned per whole euro spent. */
const POINTS_PER_EURO = 10;

function pointsFor(amount) {
  return Math.floor(amount) * POINTS_PER_EURO;
}

/** Members reach a tier when their points are at or above its threshold. */
const TIERS = [
  { name: 'gold', from: 5000 },
  { name: 'silver', from: 1000 },
  { name: 'bronze', from: 0 },
];

function tier(points) {
  return TIERS.find((t) => points >= t.from).name;
}

/** Points left after redeeming: never negative. */
function redeem(points, cost) {
  if (cost > points) throw new RangeError(`not enough points: ${points} < ${cost}`);
  return cost - points;
}

module.exports = { pointsFor, tier, redeem };
