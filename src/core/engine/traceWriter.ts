import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Emitter } from '../events';
import { TRACE_SCHEMA_VERSION, type LoopEvent, type LoopEventBody } from './events';

/**
 * Numbers, stamps and delivers every loop event: appended to the run's JSONL trace as it happens
 * (so a crash loses nothing already done) and fired to listeners (panel, status bar, CLI).
 */
export class TraceWriter {
  private readonly emitter = new Emitter<LoopEvent>();
  readonly onEvent = this.emitter.event;
  private seq: number;

  constructor(
    private readonly runId: string,
    private readonly path: string | undefined,
    firstSeq = 0,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.seq = firstSeq;
    if (path) mkdirSync(dirname(path), { recursive: true });
  }

  /** A writer that continues an existing trace file, numbering after its last event. */
  static continuing(runId: string, path: string, now?: () => Date): TraceWriter {
    const existing = existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter((l) => l.trim() !== '').length : 0;
    return new TraceWriter(runId, path, existing, now);
  }

  emit(body: LoopEventBody): LoopEvent {
    const event = { v: TRACE_SCHEMA_VERSION, runId: this.runId, seq: this.seq++, at: this.now().toISOString(), ...body } as LoopEvent;
    if (this.path) appendFileSync(this.path, `${JSON.stringify(event)}\n`);
    this.emitter.fire(event);
    return event;
  }

  get nextSeq(): number {
    return this.seq;
  }

  dispose(): void {
    this.emitter.dispose();
  }
}
