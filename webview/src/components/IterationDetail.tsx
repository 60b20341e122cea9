import type { FileDiff, IterationView, RunView } from '../../../src/protocol';
import { VscodeButton } from '../elements';
import { useHost } from '../hostContext';
import { formatError, plural, stateWords } from '../words';
import { FileDiffs } from './FileDiffs';

export interface IterationDetailProps {
  readonly view: RunView;
  readonly iteration: IterationView;
  /** The iteration's own changes, once the host has sent them. */
  readonly files?: readonly FileDiff[];
  readonly expanded: ReadonlySet<string>;
  readonly onToggle: (key: string, open: boolean) => void;
}

/** One iteration up close: what its tests said, what was changed after them, and a way back to it. */
export function IterationDetail({ view, iteration: i, files, expanded, onToggle }: IterationDetailProps) {
  const host = useHost();
  const running = view.status === 'running';
  return (
    <section className="panel-section iteration-detail" aria-labelledby="iteration-detail-title">
      <div className="section-title-row">
        <h2 id="iteration-detail-title">
          Iteration {i.iteration}: {formatError(i.error)} failing · {stateWords(i.state)}
        </h2>
        <VscodeButton
          secondary
          disabled={running}
          onClick={() => !running && host.post({ type: 'restore', runId: view.runId, iteration: i.iteration })}
          aria-label={`Restore iteration ${i.iteration}: put the files the loop touched back as its tests saw them`}
        >
          Restore this iteration
        </VscodeButton>
      </div>
      {running && <p className="muted">Stop the run to restore an iteration.</p>}
      {i.suspect && <p className="warning-text">Suspect: {i.suspect}. It can never be the best iteration.</p>}
      {i.fixed.length > 0 && <TestList title={`Fixed (${i.fixed.length})`} tests={i.fixed} />}
      {i.newlyBroken.length > 0 && <TestList title={`Newly broken (${i.newlyBroken.length})`} tests={i.newlyBroken} bad />}
      {i.edits.length > 0 && (
        <p>
          <strong>Edits after its tests:</strong> {i.edits.join('; ')}
        </p>
      )}
      <h3>Changes made after its tests</h3>
      {files === undefined ? (
        <p className="muted">Loading the changes…</p>
      ) : files.length === 0 ? (
        <p className="muted">No file was changed after this iteration's tests.</p>
      ) : (
        <>
          <p className="muted">{plural(files.length, 'file')} changed.</p>
          <FileDiffs files={files} expanded={expanded} scope={`iteration${i.iteration}`} onToggle={onToggle} />
        </>
      )}
    </section>
  );
}

function TestList({ title, tests, bad = false }: { readonly title: string; readonly tests: readonly string[]; readonly bad?: boolean }) {
  return (
    <div className="test-list">
      <h3 className={bad ? 'bad' : undefined}>{title}</h3>
      <ul>
        {tests.map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
    </div>
  );
}
