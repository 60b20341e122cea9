import { useCallback, useEffect, useMemo, useReducer, useState } from 'react';
import { PROTOCOL_VERSION, type RunView } from '../../src/protocol';
import { ApprovalPanel } from './components/ApprovalPanel';
import { BestDiff } from './components/BestDiff';
import { ConvergenceChart } from './components/ConvergenceChart';
import { EmptyState } from './components/EmptyState';
import { Header } from './components/Header';
import { IterationDetail } from './components/IterationDetail';
import { IterationsTable } from './components/IterationsTable';
import { Notices } from './components/Notices';
import type { HostClient } from './hostClient';
import { HostContext, useHost } from './hostContext';
import { INITIAL_MODEL, panelReducer, type PanelModel } from './panelModel';

/**
 * The panel's own choices, kept across reloads through the host client's state. A selection
 * belongs to the run it was made in (a saved one, to the first run shown): a new run starts with none.
 */
function usePanelChoices(client: HostClient) {
  const saved = useMemo(() => client.getState(), [client]);
  const [selection, setSelection] = useState<{ iteration: number; runId?: string } | undefined>(saved?.selectedIteration === undefined ? undefined : { iteration: saved.selectedIteration });
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(saved?.expandedFiles ?? []));
  useEffect(() => client.setState({ selectedIteration: selection?.iteration, expandedFiles: [...expanded] }), [client, selection, expanded]);
  const selectedIn = useCallback((runId: string) => (selection && (selection.runId ?? runId) === runId ? selection.iteration : undefined), [selection]);
  const select = useCallback((runId: string, iteration: number) => setSelection({ iteration, runId }), []);
  /** A saved selection is the first run's: bind it to that run once it is shown. */
  const bind = useCallback((runId: string) => setSelection((s) => (s && s.runId === undefined ? { ...s, runId } : s)), []);
  const toggle = useCallback((key: string, open: boolean) => {
    setExpanded((current) => {
      if (current.has(key) === open) return current;
      const next = new Set(current);
      if (open) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);
  return { selectedIn, select, bind, expanded, toggle };
}

export interface AppProps {
  readonly client: HostClient;
}

export function App({ client }: AppProps) {
  const [model, dispatch] = useReducer(panelReducer, INITIAL_MODEL);
  const choices = usePanelChoices(client);

  useEffect(() => {
    const unsubscribe = client.subscribe({
      message: (message) => dispatch({ type: 'host', message }),
      invalid: (error) => dispatch({ type: 'invalid', error }),
    });
    client.post({ type: 'ready', protocolVersion: PROTOCOL_VERSION });
    return unsubscribe;
  }, [client]);

  return (
    <HostContext.Provider value={client}>
      <Notices notices={model.notices} onDismiss={(id) => dispatch({ type: 'dismiss', id })} />
      {!model.connected ? (
        <p className="connecting muted">Connecting to LoopGain…</p>
      ) : model.view === null ? (
        <EmptyState />
      ) : (
        <RunPanel view={model.view} model={model} {...choices} />
      )}
    </HostContext.Provider>
  );
}

interface RunPanelProps extends ReturnType<typeof usePanelChoices> {
  readonly view: RunView;
  readonly model: PanelModel;
}

function RunPanel({ view, model, selectedIn, select, bind, expanded, toggle }: RunPanelProps) {
  const client = useHost();
  const runId = view.runId;
  const selected = selectedIn(runId);
  const selectedIteration = view.iterations.find((i) => i.iteration === selected);
  const onSelect = useCallback((iteration: number) => select(runId, iteration), [select, runId]);
  useEffect(() => bind(runId), [bind, runId]);

  // A selection (a click, or one restored after a reload) asks the host for that iteration's changes.
  const known = selectedIteration !== undefined;
  useEffect(() => {
    if (selected !== undefined && known) client.post({ type: 'selectIteration', runId, iteration: selected });
  }, [client, runId, selected, known]);

  const diff = model.iterationDiff;
  const files = diff && diff.runId === runId && diff.iteration === selected ? diff.files : undefined;
  const failedAt = model.failedCommand?.command === 'decideApproval' ? model.failedCommand.at : undefined;

  return (
    <main className="run">
      <Header view={view} />
      {view.pendingApproval && <ApprovalPanel runId={runId} approval={view.pendingApproval} failedAt={failedAt} />}
      <section className="panel-section" aria-labelledby="convergence-title">
        <h2 id="convergence-title">Convergence</h2>
        <ConvergenceChart view={view} />
      </section>
      <section className="panel-section" aria-labelledby="iterations-title">
        <h2 id="iterations-title">Iterations</h2>
        {view.iterations.length === 0 ? (
          <p className="muted">The first test run is under way.</p>
        ) : (
          <IterationsTable iterations={view.iterations} bestIteration={view.bestIteration} selected={selected} onSelect={onSelect} />
        )}
      </section>
      {selectedIteration && <IterationDetail view={view} iteration={selectedIteration} files={files} expanded={expanded} onToggle={toggle} />}
      <BestDiff view={view} expanded={expanded} onToggle={toggle} />
    </main>
  );
}
