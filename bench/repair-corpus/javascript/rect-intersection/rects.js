'use strict';

/** Overlap of two rectangles { x, y, width, height }, or null if they do not overlap. */
function intersect(a, b) {
  const left = Math.max(a.x, b.x);
  const top = Math.max(a.y, b.y);
  const right = Math.min(a.x + a.height, b.x + b.width);
  const bottom = Math.min(a.y + a.width, b.y + b.height);
  if (right <= left || bottom <= top) return null;
  return { x: left, y: top, width: right - left, height: bottom - top };
}

function area(r) {
  return r ? r.width * r.height : 0;
}

/** Intersection over union, as used to compare bounding boxes. */
function iou(a, b) {
  const shared = area(intersect(a, b));
  return shared / (area(a) + area(b) - shared);
}

module.exports = { intersect, area, iou };
