'use strict';

/** Scale an image down (never up) so it fits inside the box, keeping its aspect ratio. */
function fitWithin(img, box) {
  const scale = Math.min(box.width / img.width, box.height / img.width, 1);
  return { width: Math.round(img.width * scale), height: Math.round(img.height * scale) };
}

/** Scale so the image covers the box, and the crop offsets that centre it. */
function cover(img, box) {
  const scale = Math.max(box.width / img.width, box.height / img.height);
  const width = Math.round(img.width * scale);
  const height = Math.round(img.height * scale);
  return { width, height, cropX: Math.floor((width - box.width) / 2), cropY: Math.floor((height - box.height) / 2) };
}

function gcd(a, b) {
  return b === 0 ? a : gcd(b, a % b);
}

function aspectRatio(width, height) {
  const d = gcd(width, height);
  return `${width / d}:${height / d}`;
}

module.exports = { fitWithin, cover, aspectRatio };
