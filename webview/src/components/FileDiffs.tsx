import { memo } from 'react';
import type { FileDiff } from '../../../src/protocol';

type LineKind = 'add' | 'del' | 'hunk' | 'meta' | 'context';

/** Very long diffs are cut: the panel stays fast, and the whole diff is one click away (Open trace). */
const MAX_LINES = 1500;

function lineKind(line: string): LineKind | undefined {
  if (line.startsWith('====') || line.startsWith('Index: ')) return undefined;
  if (line.startsWith('+++') || line.startsWith('---') || line.startsWith('\\')) return 'meta';
  if (line.startsWith('@@')) return 'hunk';
  if (line.startsWith('+')) return 'add';
  if (line.startsWith('-')) return 'del';
  return 'context';
}

export function diffStats(diff: string): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  for (const line of diff.split('\n')) {
    const kind = lineKind(line);
    if (kind === 'add') added++;
    else if (kind === 'del') removed++;
  }
  return { added, removed };
}

/** A unified diff with each line coloured by what it is (added, removed, hunk header, file header). */
export const DiffText = memo(function DiffText({ diff, label }: { readonly diff: string; readonly label: string }) {
  const lines = diff.replace(/\n$/, '').split('\n');
  const shown = lines.slice(0, MAX_LINES);
  return (
    <pre className="diff" aria-label={label} tabIndex={0}>
      <code>
        {shown.map((line, n) => {
          const kind = lineKind(line);
          return kind === undefined ? null : (
            <span key={n} className={`diff-line diff-${kind}`}>
              {line}
              {'\n'}
            </span>
          );
        })}
        {lines.length > MAX_LINES && <span className="diff-line diff-meta">{`… ${lines.length - MAX_LINES} more lines\n`}</span>}
      </code>
    </pre>
  );
});

/**
 * One file's diff, folded. A native <details> rather than vscode-collapsible: that one titles its
 * header in capitals (a sidebar section style, wrong for case-sensitive paths) and gives the header
 * no button role or expanded state; <summary> has both, and the keyboard, for free.
 */
function FileDiffItem({ file, open, onToggle }: { readonly file: FileDiff; readonly open: boolean; readonly onToggle: (open: boolean) => void }) {
  const { added, removed } = diffStats(file.diff);
  return (
    <details className="file-diff" open={open} onToggle={(e) => e.currentTarget.open !== open && onToggle(e.currentTarget.open)} data-path={file.path}>
      <summary>
        <span className="file-path">{file.path}</span>
        <span className="diff-count" aria-label={`${added} lines added, ${removed} removed`}>
          <span className="count-add">+{added}</span> <span className="count-del">−{removed}</span>
        </span>
      </summary>
      {open && <DiffText diff={file.diff} label={`Changes to ${file.path}`} />}
    </details>
  );
}

export interface FileDiffsProps {
  readonly files: readonly FileDiff[];
  /** Keys of the open files (`scope:path`), kept across reloads by the panel. */
  readonly expanded: ReadonlySet<string>;
  readonly scope: string;
  readonly onToggle: (key: string, open: boolean) => void;
}

/** One collapsible per file; only open ones render their diff. */
export function FileDiffs({ files, expanded, scope, onToggle }: FileDiffsProps) {
  return (
    <div className="file-diffs">
      {files.map((file) => {
        const key = `${scope}:${file.path}`;
        return <FileDiffItem key={key} file={file} open={expanded.has(key)} onToggle={(open) => onToggle(key, open)} />;
      })}
    </div>
  );
}
