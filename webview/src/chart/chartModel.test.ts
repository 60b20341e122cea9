import { describe, expect, it } from 'vitest';
import type { IterationView, RunView } from '../../../src/protocol';
import { recorded } from '../testSupport';
import { reducer } from '../reducer';
import { annotationsOf, bandsOf, chartOptions, chartSummary, markerGroups, rangesOf, seriesOf } from './chartModel';
import { withAlpha, type ThemeColors } from './themeColors';

const colors: ThemeColors = {
  foreground: '#cccccc',
  muted: '#9d9d9d',
  grid: 'rgba(204, 204, 204, 0.25)',
  background: '#1f1f1f',
  errors: '#3794ff',
  gain: '#b180d7',
  bands: { FAST_CONVERGE: 'fc', CONVERGING: 'c', STALLING: 's', OSCILLATING: 'o', DIVERGING: 'd' },
  markers: { best: 'green', rollback: 'orange', approval: 'purple', regression: 'red', stop: 'grey' },
  fontFamily: 'sans-serif',
  fontSize: 13,
  highContrast: false,
};

const rollback = recorded.rollback.reduce<RunView | null>(reducer, null) as RunView;
const row = (iteration: number, state: IterationView['state']): IterationView => ({ iteration, error: 1, state, scope: 'full', fixed: [], newlyBroken: [], files: [], edits: [], tokens: 0, durationMs: 0 });

describe('chart model', () => {
  it('plots E(n) and Aβ per iteration, with gaps where there is no reading', () => {
    const { errors, gains } = seriesOf(rollback.iterations);
    expect(errors.map((p) => p.y)).toEqual([4, 2, 1, 3, 4, 1]);
    expect(gains.map((p) => p.y)).toEqual([null, 0.5, 0.5, 1.75, expect.closeTo(1.5417, 3), null]);
    expect(seriesOf([{ ...row(0, 'INIT'), error: null }]).errors).toEqual([{ x: 0, y: null }]);
  });

  it('colours runs of controller states, skipping states without a band and breaking on gaps', () => {
    expect(bandsOf([row(0, 'INIT'), row(1, 'CONVERGING'), row(2, 'CONVERGING'), row(3, 'STALLING'), row(4, 'TARGET_MET'), row(5, 'STALLING'), row(7, 'STALLING')])).toEqual([
      { state: 'CONVERGING', from: 1, to: 2 },
      { state: 'STALLING', from: 3, to: 3 },
      { state: 'STALLING', from: 5, to: 5 },
      { state: 'STALLING', from: 7, to: 7 },
    ]);
  });

  it('groups the markers of one iteration under the most telling one', () => {
    expect(markerGroups(rollback.markers)).toEqual([
      { iteration: 3, kind: 'regression', label: '2 newly broken' },
      { iteration: 4, kind: 'rollback', label: '1 newly broken · rolled back to #2 · CONVERGED_SHORT' },
      { iteration: 5, kind: 'stop', label: 'approval requested · AWAITING_APPROVAL' },
    ]);
  });

  it('annotates bands, the Aβ = 1 line, the markers and the best point in theme colours', () => {
    const a = annotationsOf(rollback, colors);
    expect(a.band0).toMatchObject({ type: 'box', xMin: 0.5, xMax: 3.5, backgroundColor: 'c' });
    expect(a.band1).toMatchObject({ type: 'box', xMin: 3.5, xMax: 4.5, backgroundColor: 'd' });
    expect(a.unityGain).toMatchObject({ type: 'line', yScaleID: 'gain', yMin: 1, yMax: 1 });
    expect(a.marker0).toMatchObject({ xMin: 3, borderColor: 'red', borderDash: [5, 3], label: { content: 'regression', display: true } });
    expect(a.marker1).toMatchObject({ xMin: 4, borderColor: 'orange', borderDash: [5, 3], label: { content: 'rollback' } });
    expect(a.marker2).toMatchObject({ xMin: 5, borderColor: 'grey', borderDash: [], label: { content: 'stop' } });
    expect(a.best).toMatchObject({ type: 'point', xValue: 2, yValue: 1, borderColor: 'green' });
  });

  it('leaves the marker lines unlabelled on long runs', () => {
    const long = { ...rollback, iterations: Array.from({ length: 100 }, (_, n) => row(n, 'CONVERGING')) };
    expect(annotationsOf(long, colors).marker0).toMatchObject({ label: { display: false } });
  });

  it('never animates, and scales its axes to the run', () => {
    const o = chartOptions(rollback, colors, () => undefined);
    expect(o.animation).toBe(false);
    expect(o.scales?.x).toMatchObject({ min: -0.5, max: 5.5 });
    expect(o.scales?.errors).toMatchObject({ position: 'left', min: 0, max: 5 });
    expect(o.scales?.gain).toMatchObject({ position: 'right', min: 0, max: 2 });
    expect(rangesOf({ ...rollback, iterations: [row(0, 'INIT'), { ...row(9, 'DIVERGING'), error: 100, gain: 3.2 }] })).toEqual({ xMax: 9.5, errorsMax: 105, gainMax: 3.5 });
  });

  it('names the iteration under the tooltip from the latest view', () => {
    const title = chartOptions(rollback, colors, (n) => rollback.iterations[n]).plugins?.tooltip?.callbacks?.title as unknown as (items: { parsed: { x: number } }[]) => string;
    expect(title([{ parsed: { x: 4 } }])).toBe('Iteration 4 · Diverging');
    expect(title([{ parsed: { x: 40 } }])).toBe('Iteration 40');
  });

  it('sums the chart up in words for screen readers', () => {
    expect(chartSummary(rollback)).toBe(
      'Convergence chart: failing tests went from 4 at iteration 0 to 1 at iteration 5; the best is iteration 2 with 1 failing; markers: 2 newly broken at 3; 1 newly broken · rolled back to #2 · CONVERGED_SHORT at 4; approval requested · AWAITING_APPROVAL at 5. The iterations table below has every value.',
    );
    expect(chartSummary({ ...rollback, iterations: [] })).toBe('Convergence chart: no readings yet.');
  });

  it('scales the alpha of theme colours in any CSS notation', () => {
    expect(withAlpha('#3794ff', 0.5)).toBe('rgba(55, 148, 255, 0.5)');
    expect(withAlpha('#fff', 0.2)).toBe('rgba(255, 255, 255, 0.2)');
    expect(withAlpha('#00000080', 0.5)).toBe('rgba(0, 0, 0, 0.251)');
    expect(withAlpha('rgba(204, 204, 204, 0.5)', 0.5)).toBe('rgba(204, 204, 204, 0.25)');
    expect(withAlpha('rgb(1 2 3)', 1)).toBe('rgba(1, 2, 3, 1)');
    expect(withAlpha('transparent', 0.5)).toBe('transparent');
  });
});
