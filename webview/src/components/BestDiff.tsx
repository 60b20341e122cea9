import type { RunView } from '../../../src/protocol';
import { VscodeButton } from '../elements';
import { useHost } from '../hostContext';
import { formatError, plural } from '../words';
import { FileDiffs } from './FileDiffs';

export interface BestDiffProps {
  readonly view: RunView;
  readonly expanded: ReadonlySet<string>;
  readonly onToggle: (key: string, open: boolean) => void;
}

/** The best iteration against the workspace now: exactly what "Restore best" would change. */
export function BestDiff({ view, expanded, onToggle }: BestDiffProps) {
  const host = useHost();
  const best = view.iterations.find((i) => i.iteration === view.bestIteration);
  if (!best) return null;
  const files = view.bestDiff;
  const running = view.status === 'running';
  const count = plural(files.length, 'file');
  return (
    <section className="panel-section best-diff" aria-labelledby="best-diff-title">
      <div className="section-title-row">
        <h2 id="best-diff-title">
          Best so far: iteration {best.iteration} · {formatError(best.error)} failing
        </h2>
        {files.length > 0 && (
          <VscodeButton
            disabled={running}
            onClick={() => !running && host.post({ type: 'restore', runId: view.runId, iteration: 'best' })}
            aria-label={`Restore the best iteration, ${best.iteration}: changes ${count}`}
          >
            Restore best ({count})
          </VscodeButton>
        )}
      </div>
      {files.length === 0 ? (
        <p className="muted">The workspace matches the best iteration: there is nothing to restore.</p>
      ) : (
        <>
          <p className="muted">
            {running ? 'Stop the run to restore it. ' : ''}Restoring it changes {count}, as below.
          </p>
          <FileDiffs files={files} expanded={expanded} scope="best" onToggle={onToggle} />
        </>
      )}
    </section>
  );
}
