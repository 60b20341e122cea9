import type { HostToWebview, IterationView, Marker, MonitorEvent, RunView } from '../../src/protocol';

/**
 * The panel's whole run state follows from the host's messages: a snapshot replaces it, an event
 * updates it. Pure: it never mutates `view`, and returns the same object when nothing changed (so
 * React skips the render).
 */
export function reducer(view: RunView | null, message: HostToWebview): RunView | null {
  switch (message.type) {
    case 'didSnapshot':
      return message.run;
    case 'didEvent':
      if (!view || view.runId !== message.runId) return view;
      return applyEvent(view, message.event);
    case 'didIterationDiff':
    case 'didFail':
      return view;
    default: {
      const unknown: never = message;
      return unknown;
    }
  }
}

const RUNNING = 'running';

function applyEvent(view: RunView, event: MonitorEvent): RunView {
  switch (event.kind) {
    case 'iteration': {
      const iterations = upsert(view.iterations, event.iteration);
      // While the loop runs the best is provisional, by the engine's rule; the stop names the real one.
      const bestIteration = view.status === RUNNING ? (bestIterationOf(iterations) ?? view.bestIteration) : view.bestIteration;
      return { ...view, iterations, bestIteration };
    }
    case 'status':
      if (event.status === RUNNING) {
        const { stop: _stop, ...running } = view;
        return { ...running, status: RUNNING, controllerReason: event.controllerReason };
      }
      return { ...view, status: event.status, controllerReason: event.controllerReason };
    case 'spend':
      return { ...view, spend: event.spend };
    case 'marker':
      return view.markers.some((m) => sameMarker(m, event.marker)) ? view : { ...view, markers: [...view.markers, event.marker] };
    case 'approvalRequested':
      return { ...view, pendingApproval: event.approval };
    case 'approvalResolved': {
      if (view.pendingApproval?.requestId !== event.requestId) return view;
      const { pendingApproval: _resolved, ...rest } = view;
      return rest;
    }
    case 'stopped':
      return { ...view, status: event.stop.status, stop: event.stop, bestIteration: event.bestIteration };
    case 'bestDiff':
      return { ...view, bestIteration: event.bestIteration, bestDiff: event.files };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** Replaces the row of the same iteration, or inserts it in order (almost always: appends). */
function upsert(iterations: readonly IterationView[], next: IterationView): IterationView[] {
  const last = iterations.at(-1);
  if (!last || last.iteration < next.iteration) return [...iterations, next];
  const at = iterations.findIndex((i) => i.iteration >= next.iteration);
  const copy = [...iterations];
  if (copy[at]?.iteration === next.iteration) copy[at] = next;
  else copy.splice(at, 0, next);
  return copy;
}

const sameMarker = (a: Marker, b: Marker): boolean => a.iteration === b.iteration && a.kind === b.kind && a.label === b.label;

/** Lowest error, never a suspect iteration, first of equals (the engine's rule). */
export function bestIterationOf(iterations: readonly IterationView[]): number | undefined {
  let best: IterationView | undefined;
  for (const i of iterations) if (!i.suspect && i.error !== null && (best === undefined || i.error < (best.error as number))) best = i;
  return best?.iteration;
}
