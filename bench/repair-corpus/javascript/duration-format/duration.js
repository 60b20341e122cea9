'use strict';

function splitDuration(totalSeconds) {
  const s = Math.floor(Math.abs(totalSeconds));
  return {
    hours: Math.floor(s / 3600),
    minutes: Math.floor((s % 3600) / 60),
    seconds: s / 60,
  };
}

const pad = (n) => String(n).padStart(2, '0');

/** "1:02:05" for an hour or more, otherwise "2:05". */
function formatClock(totalSeconds) {
  const { hours, minutes, seconds } = splitDuration(totalSeconds);
  const sign = totalSeconds < 0 ? '-' : '';
  return hours ? `${sign}${hours}:${pad(minutes)}:${pad(seconds)}` : `${sign}${minutes}:${pad(seconds)}`;
}

/** "2h 5m", "45s"; zero parts are left out. */
function humanize(totalSeconds) {
  const { hours, minutes, seconds } = splitDuration(totalSeconds);
  const parts = [];
  if (hours) parts.push(`${hours}h`);
  if (minutes) parts.push(`${minutes}m`);
  if (seconds || parts.length === 0) parts.push(`${seconds}s`);
  return parts.join(' ');
}

function parseClock(text) {
  return text.split(':').map(Number).reduce((total, part) => total * 60 + part, 0);
}

module.exports = { splitDuration, formatClock, humanize, parseClock };
