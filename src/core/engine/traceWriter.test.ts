import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { TRACE_SCHEMA_VERSION, type LoopEvent } from './events';
import { TraceWriter } from './traceWriter';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'loopgain-trace-'));
const lines = (path: string): LoopEvent[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as LoopEvent);

const fixedClock = (): (() => Date) => {
  let t = Date.parse('2025-06-01T12:00:00.000Z');
  return () => new Date((t += 1000));
};

describe('TraceWriter', () => {
  it('appends events as JSON lines stamped with v, runId, seq and at, creating the folder', () => {
    const path = join(fresh(), 'runs', 'r1', 'trace.jsonl');
    const trace = new TraceWriter('r1', path, 0, fixedClock());
    const first = trace.emit({ kind: 'iteration.start', iteration: 0 });
    trace.emit({ kind: 'warning', message: 'line\nbreak "quoted"' });
    expect(first).toEqual({ v: TRACE_SCHEMA_VERSION, runId: 'r1', seq: 0, at: '2025-06-01T12:00:01.000Z', kind: 'iteration.start', iteration: 0 });
    const text = readFileSync(path, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n')).toHaveLength(3);
    expect(lines(path)).toEqual([
      { v: 1, runId: 'r1', seq: 0, at: '2025-06-01T12:00:01.000Z', kind: 'iteration.start', iteration: 0 },
      { v: 1, runId: 'r1', seq: 1, at: '2025-06-01T12:00:02.000Z', kind: 'warning', message: 'line\nbreak "quoted"' },
    ]);
    expect(trace.nextSeq).toBe(2);
  });

  it('writes nothing without a path, but still numbers and delivers', () => {
    const trace = new TraceWriter('r2', undefined, 5);
    const seen: number[] = [];
    trace.onEvent((e) => seen.push(e.seq));
    expect(trace.emit({ kind: 'iteration.start', iteration: 1 }).seq).toBe(5);
    expect(trace.emit({ kind: 'iteration.start', iteration: 2 }).seq).toBe(6);
    expect(seen).toEqual([5, 6]);
  });

  it('continues the numbering of an existing trace file', () => {
    const path = join(fresh(), 'trace.jsonl');
    const a = new TraceWriter('r3', path);
    a.emit({ kind: 'iteration.start', iteration: 0 });
    a.emit({ kind: 'iteration.start', iteration: 1 });
    a.emit({ kind: 'iteration.start', iteration: 2 });
    const b = TraceWriter.continuing('r3', path);
    expect(b.nextSeq).toBe(3);
    b.emit({ kind: 'warning', message: 'resumed' });
    expect(lines(path).map((e) => e.seq)).toEqual([0, 1, 2, 3]);
  });

  it('starts at 0 for a missing file and ignores blank lines when continuing', () => {
    const dir = fresh();
    expect(TraceWriter.continuing('r4', join(dir, 'none.jsonl')).nextSeq).toBe(0);
    const path = join(dir, 'blank.jsonl');
    writeFileSync(path, '{"seq":0}\n\n{"seq":1}\n  \n');
    expect(TraceWriter.continuing('r4', path).nextSeq).toBe(2);
  });

  it('delivers events to every listener, until disposed', () => {
    const trace = new TraceWriter('r5', undefined);
    const a: string[] = [];
    const b: string[] = [];
    const subA = trace.onEvent((e) => a.push(e.kind));
    trace.onEvent((e) => b.push(e.kind));
    trace.emit({ kind: 'iteration.start', iteration: 0 });
    subA.dispose();
    trace.emit({ kind: 'warning', message: 'w' });
    trace.dispose();
    trace.emit({ kind: 'iteration.start', iteration: 1 });
    expect(a).toEqual(['iteration.start']);
    expect(b).toEqual(['iteration.start', 'warning']);
  });

  it('a listener that throws stops neither the others nor the file write', () => {
    const path = join(fresh(), 'trace.jsonl');
    const trace = new TraceWriter('r6', path);
    const seen: number[] = [];
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      trace.onEvent(() => {
        throw new Error('listener broke');
      });
      trace.onEvent((e) => seen.push(e.seq));
      expect(() => trace.emit({ kind: 'iteration.start', iteration: 0 })).not.toThrow();
      trace.emit({ kind: 'iteration.start', iteration: 1 });
      expect(seen).toEqual([0, 1]);
      expect(lines(path).map((e) => e.seq)).toEqual([0, 1]);
      expect(consoleError).toHaveBeenCalledTimes(2);
    } finally {
      consoleError.mockRestore();
    }
  });
});
