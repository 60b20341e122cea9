import { Chart, Legend, LinearScale, LineController, LineElement, PointElement, Tooltip } from 'chart.js';
import annotationPlugin from 'chartjs-plugin-annotation';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { IterationView, RunView } from '../../../src/protocol';
import { annotationsOf, bandsOf, chartOptions, chartSummary, datasetsOf, markerGroups, pointRadius, rangesOf, seriesOf, type Point } from '../chart/chartModel';
import { readThemeColors, type ThemeColors } from '../chart/themeColors';
import { exposeForTests } from '../testHooks';
import { stateWords } from '../words';

// Only the parts the chart uses: a line chart on linear scales, its legend and tooltip, annotations.
Chart.register(LineController, LineElement, PointElement, LinearScale, Legend, Tooltip, annotationPlugin);

/** Re-reads the theme's colours whenever VS Code switches theme (it changes the body class and the variables). */
function useThemeColors(): ThemeColors {
  const [colors, setColors] = useState(() => readThemeColors());
  useEffect(() => {
    const observer = new MutationObserver(() => setColors(readThemeColors()));
    observer.observe(document.body, { attributes: true, attributeFilter: ['class', 'style'] });
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'style'] });
    return () => observer.disconnect();
  }, []);
  return colors;
}

/** The key lists the latest markers in full; a long run's older ones are in the table. */
const MAX_KEYED_MARKERS = 8;

export function ConvergenceChart({ view }: { readonly view: RunView }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const chart = useRef<Chart<'line', Point[]> | null>(null);
  const colors = useThemeColors();

  useLayoutEffect(() => {
    const element = canvas.current;
    // No 2D context (a DOM without canvas, as in component tests): the table still has every number.
    if (!element || !element.getContext('2d')) return;
    const created = new Chart<'line', Point[]>(element, { type: 'line', data: { datasets: [] }, options: { animation: false } });
    chart.current = created;
    exposeForTests('__loopgainChart', created);
    return () => {
      created.destroy();
      chart.current = null;
    };
  }, []);

  // The latest view, for the tooltip (its callback outlives the render that made it).
  const latest = useRef(view);
  useLayoutEffect(() => {
    latest.current = view;
  });
  const iterationAt = useCallback((n: number): IterationView | undefined => {
    const its = latest.current.iterations;
    return its[n]?.iteration === n ? its[n] : its.find((i) => i.iteration === n);
  }, []);

  // A theme (and the first view): every option and dataset anew.
  useLayoutEffect(() => {
    const c = chart.current;
    if (!c) return;
    c.data.datasets = datasetsOf(latest.current, colors);
    c.options = chartOptions(latest.current, colors, iterationAt);
    c.update('none');
  }, [colors, iterationAt]);

  // Every streamed event lands here: new data, ranges and annotations set in place (re-resolving
  // every option would cost more than the drawing), drawn at once without animation.
  useLayoutEffect(() => {
    const c = chart.current;
    const [errors, gains] = c?.data.datasets ?? [];
    if (!c || !errors || !gains) return;
    const series = seriesOf(view.iterations);
    const radius = pointRadius(view.iterations.length);
    Object.assign(errors, { data: series.errors, pointRadius: radius });
    Object.assign(gains, { data: series.gains, pointRadius: radius > 0 ? 2 : 0 });
    const ranges = rangesOf(view);
    const scales = c.options.scales as Record<'x' | 'errors' | 'gain', { max?: number }>;
    scales.x.max = ranges.xMax;
    scales.errors.max = ranges.errorsMax;
    scales.gain.max = ranges.gainMax;
    (c.options.plugins as { annotation: { annotations: unknown } }).annotation.annotations = annotationsOf(view, colors);
    c.update('none');
    // colors: a theme change redraws through the effect above.
  }, [view.iterations, view.markers, view.bestIteration]);

  const summary = useMemo(() => chartSummary(view), [view.iterations, view.markers, view.bestIteration]);
  const bands = useMemo(() => [...new Set(bandsOf(view.iterations).map((b) => b.state))], [view.iterations]);
  const markers = useMemo(() => markerGroups(view.markers), [view.markers]);

  return (
    <figure className="chart">
      <div className="chart-canvas">
        <canvas ref={canvas} role="img" aria-label={summary} />
      </div>
      <figcaption className="chart-key">
        {bands.map((state) => (
          <span key={state} className="key-item">
            <span className={`swatch band-${state.toLowerCase()}`} style={{ backgroundColor: colors.bands[state] }} aria-hidden="true" />
            {stateWords(state)}
          </span>
        ))}
        {view.bestIteration !== undefined && (
          <span className="key-item">
            <span className="swatch ring" style={{ borderColor: colors.markers.best }} aria-hidden="true" />
            best iteration
          </span>
        )}
      </figcaption>
      {markers.length > 0 && (
        <ul className="marker-key" aria-label="Markers">
          {markers.slice(-MAX_KEYED_MARKERS).map((m) => (
            <li key={m.iteration} className="key-item">
              <span className={`swatch line${m.kind === 'stop' ? ' solid' : ''}`} style={{ borderColor: colors.markers[m.kind] }} aria-hidden="true" />
              <span>
                #{m.iteration}: {m.label}
              </span>
            </li>
          ))}
          {markers.length > MAX_KEYED_MARKERS && <li className="key-item muted">and {markers.length - MAX_KEYED_MARKERS} earlier (see the table)</li>}
        </ul>
      )}
    </figure>
  );
}
