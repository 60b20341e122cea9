import type { RunView } from '../../../src/protocol';
import { VscodeButton } from '../elements';
import { useHost } from '../hostContext';
import { controllerWords, iterationProgress, spendPhrases, statusTone, statusWords } from '../words';

function Controls({ view }: { readonly view: RunView }) {
  const host = useHost();
  const runId = view.runId;
  const running = view.status === 'running';
  return (
    <div className="controls" role="toolbar" aria-label="Run controls">
      {running && (
        <VscodeButton onClick={() => host.post({ type: 'stop', runId })} aria-label="Stop the loop after its current step">
          Stop
        </VscodeButton>
      )}
      {!running && view.stop?.resumable && (
        <VscodeButton onClick={() => host.post({ type: 'resume', runId })} aria-label="Resume this run">
          Resume
        </VscodeButton>
      )}
      <VscodeButton secondary onClick={() => host.post({ type: 'openTrace', runId })} aria-label="Open this run's trace file">
        Open trace
      </VscodeButton>
      <VscodeButton secondary onClick={() => host.post({ type: 'explain', runId })} aria-label="Explain this run's decisions">
        Explain
      </VscodeButton>
    </div>
  );
}

export function Header({ view }: { readonly view: RunView }) {
  const spend = spendPhrases(view.spend);
  const tone = statusTone(view.status);
  const words = controllerWords(view);
  const reason = view.controllerReason.toLowerCase() === words.toLowerCase() ? '' : view.controllerReason;
  return (
    <header className="run-header">
      <div className="title-row">
        <h1>
          LoopGain <span className="run-id">run {view.runId}</span>
        </h1>
        <span className={`status status-${tone}`} role="status" aria-label={`Status: ${statusWords(view.status)}`}>
          {statusWords(view.status)}
        </span>
        <Controls view={view} />
      </div>
      <p className="controller" aria-live="polite">
        <span className="muted">Controller: </span>
        <strong className="controller-state">{words}</strong>
        {reason && <span className="controller-reason"> — {reason}</span>}
      </p>
      <dl className="facts">
        <div>
          <dt>Progress</dt>
          <dd className="fact-progress">{iterationProgress(view)}</dd>
        </div>
        <div>
          <dt>Tokens</dt>
          <dd className="fact-tokens">{spend.tokens}</dd>
        </div>
        {spend.usd && (
          <div>
            <dt>Cost</dt>
            <dd className="fact-usd">{spend.usd}</dd>
          </div>
        )}
        <div>
          <dt>Wall clock</dt>
          <dd className="fact-wall">{spend.wall}</dd>
        </div>
        <div>
          <dt>Fixer</dt>
          <dd>{view.fixer}</dd>
        </div>
      </dl>
      {view.stop && (
        <section className={`stop-summary status-${tone}`} aria-label="Why the run stopped">
          <p className="stop-reason">
            <strong>{statusWords(view.stop.status)}</strong>: {view.stop.reason}
          </p>
          <p className="stop-action">
            <strong>Recommended:</strong> {view.stop.recommendedAction}
          </p>
        </section>
      )}
    </header>
  );
}
