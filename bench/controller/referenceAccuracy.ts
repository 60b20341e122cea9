import { replayTrajectory } from '../../src/core/controller/replay';
import type { ControllerState } from '../../src/core/controller/types';
import { referenceOptions, type ReferenceTrajectory } from '../../test/support/loopgainReference';
import { fixed, mean, percent, printTable } from '../table';

/** The verdict that is right for each integer-set label. */
const RIGHT_VERDICT: Record<string, ControllerState> = {
  reaches_zero: 'TARGET_MET',
  plateau_above_zero: 'STALLING',
  oscillating: 'OSCILLATING',
  diverging: 'DIVERGING',
  late_divergence: 'DIVERGING',
};
const DIVERGING_LABELS = new Set(['DIVERGING', 'diverging', 'late_divergence']);

interface Decision {
  readonly state: string;
  readonly iterations: number;
  readonly bestError: number;
}

type Decider = (t: ReferenceTrajectory) => Decision;

const fromData: Decider = (t) => ({ state: t.loopgain.live.state, iterations: t.loopgain.live.iterationsUsed, bestError: t.loopgain.live.bestError });
const replayWith =
  (classifier: 'loopgain' | 'adaptive'): Decider =>
  (t) => {
    const r = replayTrajectory(t.errors, { ...referenceOptions(t.set), classifier });
    return { state: r.state, iterations: r.iterationsUsed, bestError: r.bestError as number };
  };

const DECIDERS: readonly [string, Decider][] = [
  ['LoopGain 0.6.4 (data)', fromData],
  ['ours, LoopGain-compatible', replayWith('loopgain')],
  ['ours, adaptive', replayWith('adaptive')],
];

/** Per-regime accuracy of the live verdict vs the true label, and mean iterations to the decision. */
export function printReferenceAccuracy(reference: readonly ReferenceTrajectory[]): void {
  for (const set of ['mock', 'integer'] as const) {
    const trajectories = reference.filter((t) => t.set === set);
    const labels = [...new Set(trajectories.map((t) => t.label))];
    const decisions = DECIDERS.map(([, decide]) => trajectories.map(decide));
    const right = (t: ReferenceTrajectory, d: Decision): boolean => d.state === (set === 'mock' ? t.label : RIGHT_VERDICT[t.label]);

    const rows: (string | number)[][] = labels.map((label) => {
      const idx = trajectories.flatMap((t, i) => (t.label === label ? [i] : []));
      return [
        label,
        ...decisions.flatMap((ds) => [
          percent(mean(idx.map((i) => (right(trajectories[i] as ReferenceTrajectory, ds[i] as Decision) ? 1 : 0)))),
          fixed(mean(idx.map((i) => (ds[i] as Decision).iterations))),
        ]),
      ];
    });
    const perLabel = (ds: Decision[], label: string): number =>
      mean(trajectories.flatMap((t, i) => (t.label === label ? [right(t, ds[i] as Decision) ? 1 : 0] : [])));
    rows.push(['macro accuracy', ...decisions.flatMap((ds) => [percent(mean(labels.map((l) => perLabel(ds, l)))), ''])]);
    rows.push([
      'overall (all trajectories)',
      ...decisions.flatMap((ds) => [percent(mean(trajectories.map((t, i) => (right(t, ds[i] as Decision) ? 1 : 0)))), fixed(mean(ds.map((d) => d.iterations)))]),
    ]);
    rows.push([
      'false-stop rate',
      ...decisions.flatMap((ds) => [percent(mean(trajectories.map((t, i) => ((ds[i] as Decision).bestError > Math.min(...t.errors) ? 1 : 0)))), '']),
    ]);
    const diverging = trajectories.flatMap((t, i) => (DIVERGING_LABELS.has(t.label) ? [i] : []));
    rows.push(['missed-divergence rate', ...decisions.flatMap((ds) => [percent(mean(diverging.map((i) => ((ds[i] as Decision).state === 'DIVERGING' ? 0 : 1)))), ''])]);

    const options = set === 'mock' ? 'target none, max none' : 'target 0, max 20';
    printTable(
      `Live verdicts on the reference ${set} set (${trajectories.length} trajectories, ${options}): accuracy vs the true label, mean iterations to the decision`,
      ['regime', ...DECIDERS.flatMap(([name]) => [name, 'iters'])],
      rows,
      set === 'integer'
        ? 'Right verdict per label: reaches_zero → TARGET_MET, plateau_above_zero → STALLING, oscillating → OSCILLATING, (late_)diverging → DIVERGING.\nFalse stop: stopped with a best error above what a later iteration reached.'
        : 'False stop: stopped with a best error above what a later iteration reached.',
    );
  }
}
