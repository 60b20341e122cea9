import type { ChartOptions } from 'chart.js';
import type { AnnotationOptions } from 'chartjs-plugin-annotation';
import type { IterationView, Marker, RunView } from '../../../src/protocol';
import { stateWords } from '../words';
import { BAND_STATES, withAlpha, type BandState, type ThemeColors } from './themeColors';

/** What the convergence chart draws, derived from the run view alone (pure: unit-tested). */

export interface Point {
  readonly x: number;
  /** null: no reading (the tests gave no verdict, or no gain yet); the line has a gap there. */
  readonly y: number | null;
}

export function seriesOf(iterations: readonly IterationView[]): { errors: Point[]; gains: Point[] } {
  return {
    errors: iterations.map((i) => ({ x: i.iteration, y: i.error })),
    gains: iterations.map((i) => ({ x: i.iteration, y: i.gain ?? null })),
  };
}

export interface Band {
  readonly state: BandState;
  readonly from: number;
  readonly to: number;
}

/** Runs of consecutive iterations in the same controller state (the states that have a colour). */
export function bandsOf(iterations: readonly IterationView[]): Band[] {
  const bands: Band[] = [];
  for (const i of iterations) {
    if (!(BAND_STATES as readonly string[]).includes(i.state)) continue;
    const last = bands.at(-1);
    if (last && last.state === i.state && last.to === i.iteration - 1) bands[bands.length - 1] = { ...last, to: i.iteration };
    else bands.push({ state: i.state as BandState, from: i.iteration, to: i.iteration });
  }
  return bands;
}

/** Short names for the lines; the full labels are in the key under the chart. */
export const MARKER_WORDS: Readonly<Record<Marker['kind'], string>> = { stop: 'stop', rollback: 'rollback', regression: 'regression', approval: 'approval', best: 'best' };

/** Past this many iterations the lines go unlabelled: the labels would only collide. */
const LABELLED_UP_TO = 40;

/** The marker that speaks for an iteration when several fall on it (a rollback says the most: the stop is in the header). */
const MARKER_PRIORITY: readonly Marker['kind'][] = ['rollback', 'stop', 'regression', 'approval', 'best'];

export interface MarkerGroup {
  readonly iteration: number;
  readonly kind: Marker['kind'];
  readonly label: string;
}

/** One vertical line per iteration that has markers, labelled with all of them. */
export function markerGroups(markers: readonly Marker[]): MarkerGroup[] {
  const byIteration = new Map<number, Marker[]>();
  for (const m of markers) byIteration.set(m.iteration, [...(byIteration.get(m.iteration) ?? []), m]);
  return [...byIteration]
    .sort(([a], [b]) => a - b)
    .map(([iteration, ms]) => ({
      iteration,
      kind: MARKER_PRIORITY.find((k) => ms.some((m) => m.kind === k)) ?? 'stop',
      label: [...new Set(ms.map((m) => m.label))].join(' · '),
    }));
}

export function annotationsOf(view: RunView, colors: ThemeColors): Record<string, AnnotationOptions> {
  const annotations: Record<string, AnnotationOptions> = {};
  for (const [n, band] of bandsOf(view.iterations).entries()) {
    annotations[`band${n}`] = {
      type: 'box',
      drawTime: 'beforeDatasetsDraw',
      xMin: band.from - 0.5,
      xMax: band.to + 0.5,
      backgroundColor: colors.bands[band.state],
      borderWidth: 0,
    };
  }
  annotations.unityGain = {
    type: 'line',
    yScaleID: 'gain',
    yMin: 1,
    yMax: 1,
    borderColor: withAlpha(colors.gain, 0.7),
    borderWidth: 1,
    borderDash: [4, 4],
    label: { display: true, content: 'Aβ = 1', position: 'end', color: colors.gain, backgroundColor: 'transparent', font: { size: colors.fontSize - 2 }, padding: 2, yAdjust: -9 },
  };
  const groups = markerGroups(view.markers);
  const labelled = view.iterations.length <= LABELLED_UP_TO;
  for (const [n, g] of groups.entries()) {
    annotations[`marker${n}`] = {
      type: 'line',
      xMin: g.iteration,
      xMax: g.iteration,
      borderColor: colors.markers[g.kind],
      borderWidth: colors.highContrast ? 2 : 1.5,
      borderDash: g.kind === 'stop' ? [] : [5, 3],
      label: {
        display: labelled,
        content: MARKER_WORDS[g.kind],
        position: 'start',
        color: colors.markers[g.kind],
        backgroundColor: withAlpha(colors.background, 0.85),
        font: { size: colors.fontSize - 2 },
        padding: 2,
      },
    };
  }
  const best = view.iterations.find((i) => i.iteration === view.bestIteration);
  if (best && best.error !== null) {
    annotations.best = {
      type: 'point',
      xValue: best.iteration,
      yValue: best.error,
      yScaleID: 'errors',
      radius: 7,
      borderColor: colors.markers.best,
      borderWidth: 2,
      backgroundColor: 'transparent',
    };
  }
  return annotations;
}

/** What changes with every event: the axes' ranges and the annotations (set on the live chart in place). */
export interface ViewRanges {
  readonly xMax: number;
  readonly errorsMax: number;
  readonly gainMax: number;
}

/** Explicit ranges (Chart.js then skips scanning the data for them): a little headroom, whole tests. */
export function rangesOf(view: RunView): ViewRanges {
  let errors = 1;
  let gain = 2;
  for (const i of view.iterations) {
    if (i.error !== null && i.error > errors) errors = i.error;
    if (i.gain !== undefined && i.gain > gain) gain = i.gain;
  }
  return { xMax: (view.iterations.at(-1)?.iteration ?? 0) + 0.5, errorsMax: Math.ceil(errors * 1.05), gainMax: Math.min(Math.ceil(gain * 2) / 2, 4) };
}

/**
 * The chart's options for a view in a theme. `iterationAt` looks up the iteration under the
 * tooltip in the latest view (the options outlive the view they were made with).
 */
export function chartOptions(view: RunView, colors: ThemeColors, iterationAt: (n: number) => IterationView | undefined): ChartOptions<'line'> {
  const ranges = rangesOf(view);
  const font = { family: colors.fontFamily, size: colors.fontSize - 1 };
  const ticks = { color: colors.muted, font, sampleSize: 8 };
  return {
    animation: false,
    responsive: true,
    maintainAspectRatio: false,
    parsing: false,
    normalized: true,
    interaction: { mode: 'index', intersect: false },
    scales: {
      x: { type: 'linear', min: -0.5, max: ranges.xMax, ticks: { ...ticks, precision: 0, stepSize: 1, autoSkip: true, maxTicksLimit: 20, includeBounds: false }, grid: { color: colors.grid }, title: { display: true, text: 'iteration', color: colors.muted, font } },
      errors: { type: 'linear', position: 'left', min: 0, max: ranges.errorsMax, ticks: { ...ticks, precision: 0 }, grid: { color: colors.grid }, title: { display: true, text: 'failing tests E(n)', color: colors.errors, font } },
      gain: { type: 'linear', position: 'right', min: 0, max: ranges.gainMax, ticks, grid: { display: false }, title: { display: true, text: 'smoothed loop gain Aβ', color: colors.gain, font } },
    },
    plugins: {
      legend: { display: true, position: 'top', align: 'end', labels: { color: colors.foreground, font, boxWidth: 12, boxHeight: 2 } },
      tooltip: {
        animation: false,
        callbacks: {
          title: (items) => {
            const n = items[0]?.parsed.x ?? 0;
            const it = iterationAt(n);
            return it ? `Iteration ${n} · ${stateWords(it.state)}` : `Iteration ${n}`;
          },
        },
      },
      annotation: { annotations: annotationsOf(view, colors) },
    },
  };
}

/** Points are drawn on short runs only: on long ones they would be a blur (and cost time). */
export const pointRadius = (iterations: number): number => (iterations <= 60 ? 3 : 0);

export function datasetsOf(view: RunView, colors: ThemeColors) {
  const { errors, gains } = seriesOf(view.iterations);
  const points = pointRadius(view.iterations.length);
  return [
    { label: 'failing tests E(n)', data: errors, yAxisID: 'errors', borderColor: colors.errors, backgroundColor: colors.errors, borderWidth: colors.highContrast ? 3 : 2, pointRadius: points, pointHoverRadius: 4, spanGaps: false },
    { label: 'smoothed Aβ', data: gains, yAxisID: 'gain', borderColor: colors.gain, backgroundColor: colors.gain, borderWidth: 1.5, borderDash: [6, 3], pointRadius: points > 0 ? 2 : 0, pointHoverRadius: 3, spanGaps: false },
  ];
}

/** The chart in one sentence, for screen readers (the table below has every number). */
export function chartSummary(view: RunView): string {
  const readings = view.iterations.filter((i) => i.error !== null);
  if (readings.length === 0) return 'Convergence chart: no readings yet.';
  const first = readings[0] as IterationView;
  const last = readings.at(-1) as IterationView;
  const best = view.iterations.find((i) => i.iteration === view.bestIteration);
  const parts = [`Convergence chart: failing tests went from ${first.error} at iteration ${first.iteration} to ${last.error} at iteration ${last.iteration}`];
  if (best) parts.push(`the best is iteration ${best.iteration} with ${best.error ?? 'no verdict'} failing`);
  const markers = markerGroups(view.markers);
  if (markers.length > 0) parts.push(`markers: ${markers.map((m) => `${m.label} at ${m.iteration}`).join('; ')}`);
  return `${parts.join('; ')}. The iterations table below has every value.`;
}
