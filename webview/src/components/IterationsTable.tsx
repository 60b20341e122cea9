import { memo, useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { IterationView } from '../../../src/protocol';
import { formatDuration, formatError, formatGain, formatNumber, plural, stateWords } from '../words';

const COLUMNS = ['#', 'Failing E(n)', 'Aβ', 'Controller', 'Fixed', 'Newly broken', 'Files', 'Tokens', 'Fixer time', 'Flags'] as const;

/** Every row is this tall (styles.css holds them to it), so a long run renders only the rows in view. */
export const ROW_HEIGHT = 24;
/** Up to this many rows the table renders them all; past it, the visible ones and a margin. */
const WINDOW_FROM = 150;
const OVERSCAN = 20;
const VIEW_HEIGHT = 340;

interface RowProps {
  readonly iteration: IterationView;
  readonly index: number;
  readonly best: boolean;
  readonly selected: boolean;
  readonly focusable: boolean;
  readonly onSelect: (iteration: number) => void;
}

const Row = memo(function Row({ iteration: i, index, best, selected, focusable, onSelect }: RowProps) {
  const label = `Iteration ${i.iteration}: ${formatError(i.error)} failing${best ? ', the best so far' : ''}${i.suspect ? ', suspect' : ''}`;
  return (
    <tr
      data-iteration={i.iteration}
      className={[selected ? 'selected' : '', best ? 'best' : ''].join(' ').trim() || undefined}
      aria-selected={selected}
      aria-label={label}
      aria-rowindex={index + 2}
      tabIndex={focusable ? 0 : -1}
      onClick={() => onSelect(i.iteration)}
    >
      <td className="num">{i.iteration}</td>
      <td className="num">{formatError(i.error)}</td>
      <td className="num">{formatGain(i.gain)}</td>
      <td>{stateWords(i.state)}</td>
      <td className="num" title={i.fixed.join('\n') || undefined}>
        {i.fixed.length}
      </td>
      <td className={`num${i.newlyBroken.length > 0 ? ' bad' : ''}`} title={i.newlyBroken.join('\n') || undefined}>
        {i.newlyBroken.length}
      </td>
      <td className="num" title={i.files.join('\n') || undefined}>
        {i.files.length}
      </td>
      <td className="num">{formatNumber(i.tokens)}</td>
      <td className="num">{i.durationMs > 0 ? formatDuration(i.durationMs) : '—'}</td>
      <td className="flags">
        {best && <span className="flag flag-best">best</span>}
        {i.suspect && (
          <span className="flag flag-suspect" title={i.suspect}>
            suspect
          </span>
        )}
        {i.scope === 'focused' && (
          <span className="flag flag-muted" title="Only the failing tests were re-run">
            focused
          </span>
        )}
      </td>
    </tr>
  );
});

export interface IterationsTableProps {
  readonly iterations: readonly IterationView[];
  readonly bestIteration?: number;
  readonly selected?: number;
  readonly onSelect: (iteration: number) => void;
}

/** The rows to render: all of a short run; of a long one, those in view and a margin either side. */
function rowWindow(count: number, scrollTop: number): { start: number; end: number } {
  if (count <= WINDOW_FROM) return { start: 0, end: count };
  const first = Math.floor(scrollTop / ROW_HEIGHT);
  return { start: Math.max(0, first - OVERSCAN), end: Math.min(count, first + Math.ceil(VIEW_HEIGHT / ROW_HEIGHT) + OVERSCAN) };
}

/**
 * Every iteration, one row each: the chart's data as text. Rows are a single tab stop (the
 * selected or last row); the arrow keys, Page Up/Down, Home and End move between rows, Enter or
 * Space selects.
 */
export function IterationsTable({ iterations, bestIteration, selected, onSelect }: IterationsTableProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const [focused, setFocused] = useState<number | undefined>(undefined);
  const [scrollTop, setScrollTop] = useState(0);
  const last = iterations.at(-1)?.iteration;
  const tabStop = focused ?? selected ?? last;
  const { start, end } = rowWindow(iterations.length, scrollTop);
  // The tab stop must be a rendered row: when it is scrolled out of the window, the first one in it.
  const stopIndex = tabStop === undefined ? -1 : iterations.findIndex((i) => i.iteration === tabStop);
  const focusable = stopIndex >= start && stopIndex < end ? tabStop : iterations[start]?.iteration;

  // Follow the newest row while the user is at the bottom; leave the scroll alone otherwise.
  const atBottom = useRef(true);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el && atBottom.current) el.scrollTop = el.scrollHeight;
  }, [iterations.length]);

  // A row moved to from the keyboard gets the focus once it is rendered.
  const pendingFocus = useRef<number | undefined>(undefined);
  useEffect(() => {
    if (pendingFocus.current === undefined) return;
    const row = scroller.current?.querySelector<HTMLElement>(`tr[data-iteration="${pendingFocus.current}"]`);
    if (row) {
      row.focus();
      pendingFocus.current = undefined;
    }
  });

  const onKeyDown = (event: KeyboardEvent<HTMLTableSectionElement>): void => {
    const current = Number((event.target as HTMLElement).closest('tr')?.dataset.iteration);
    const index = iterations.findIndex((i) => i.iteration === current);
    if (index < 0) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect(current);
      return;
    }
    const page = Math.floor(VIEW_HEIGHT / ROW_HEIGHT) - 1;
    const moves: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, PageDown: index + page, PageUp: index - page, Home: 0, End: iterations.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = Math.max(0, Math.min(iterations.length - 1, moves[event.key] as number));
    const target = (iterations[next] as IterationView).iteration;
    const el = scroller.current;
    if (el) {
      const top = next * ROW_HEIGHT;
      if (top < el.scrollTop + ROW_HEIGHT) el.scrollTop = Math.max(0, top - ROW_HEIGHT);
      else if (top + 2 * ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = top + 2 * ROW_HEIGHT - el.clientHeight;
      setScrollTop(el.scrollTop);
    }
    pendingFocus.current = target;
    setFocused(target);
  };

  return (
    <div
      className="table-scroll"
      ref={scroller}
      onScroll={(e) => {
        const el = e.currentTarget;
        atBottom.current = el.scrollTop + el.clientHeight >= el.scrollHeight - 4;
        if (iterations.length > WINDOW_FROM) setScrollTop(el.scrollTop);
      }}
    >
      <table className="iterations" role="grid" aria-readonly="true" aria-label={`Iterations: ${plural(iterations.length, 'row')}; select one to see its changes`} aria-rowcount={iterations.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            {COLUMNS.map((c) => (
              <th key={c} scope="col" className={c === 'Controller' || c === 'Flags' ? undefined : 'num'}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody onKeyDown={onKeyDown}>
          {start > 0 && <tr className="spacer" style={{ height: start * ROW_HEIGHT }} aria-hidden="true" />}
          {iterations.slice(start, end).map((i, n) => (
            <Row key={i.iteration} iteration={i} index={start + n} best={i.iteration === bestIteration} selected={i.iteration === selected} focusable={i.iteration === focusable} onSelect={onSelect} />
          ))}
          {end < iterations.length && <tr className="spacer" style={{ height: (iterations.length - end) * ROW_HEIGHT }} aria-hidden="true" />}
        </tbody>
      </table>
    </div>
  );
}
