// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IterationView } from '../../../src/protocol';
import { IterationsTable, ROW_HEIGHT } from './IterationsTable';

afterEach(cleanup);

const iterations = (n: number): IterationView[] =>
  Array.from({ length: n }, (_, i) => ({ iteration: i, error: n - i, state: 'CONVERGING', scope: 'full', fixed: [], newlyBroken: [], files: [], edits: [], tokens: 0, durationMs: 0 }));
const rendered = (): number[] => [...document.querySelectorAll('tbody tr[data-iteration]')].map((r) => Number(r.getAttribute('data-iteration')));

describe('IterationsTable', () => {
  it('renders every row of a short run, with one tab stop: the last row', () => {
    render(<IterationsTable iterations={iterations(12)} onSelect={() => undefined} />);
    expect(rendered()).toHaveLength(12);
    expect([...document.querySelectorAll('tbody tr[tabindex="0"]')].map((r) => r.getAttribute('data-iteration'))).toEqual(['11']);
  });

  it('renders only a window of a long run, declaring every row, with spacers for the rest', () => {
    render(<IterationsTable iterations={iterations(1000)} onSelect={() => undefined} />);
    expect(document.querySelector('table')?.getAttribute('aria-rowcount')).toBe('1001');
    expect(rendered().length).toBeLessThan(80);
    const spacers = [...document.querySelectorAll<HTMLElement>('tr.spacer')];
    const spacerRows = spacers.reduce((n, s) => n + Number.parseFloat(s.style.height) / ROW_HEIGHT, 0);
    expect(spacerRows + rendered().length).toBe(1000);
  });

  it('moves through a long run from the keyboard: End reaches the last row, Home the first', () => {
    const onSelect = vi.fn();
    render(<IterationsTable iterations={iterations(1000)} onSelect={onSelect} />);
    const first = document.querySelector<HTMLElement>('tbody tr[data-iteration]') as HTMLElement;
    act(() => {
      fireEvent.keyDown(first, { key: 'End' });
    });
    expect(rendered()).toContain(999);
    expect(document.activeElement?.getAttribute('data-iteration')).toBe('999');
    act(() => {
      fireEvent.keyDown(document.activeElement as HTMLElement, { key: 'Home' });
    });
    expect(document.activeElement?.getAttribute('data-iteration')).toBe('0');
    fireEvent.keyDown(document.activeElement as HTMLElement, { key: ' ' });
    expect(onSelect).toHaveBeenCalledWith(0);
  });
});
