import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { replayTrajectory } from '../../core/controller/replay';
import { CLASSIFIER_NAMES, type ClassifierName } from '../../core/controller/types';
import { numberOrNone, UsageError } from '../usage';

export interface ClassifyOptions {
  readonly targetError: number | null;
  readonly maxIterations: number | null;
  readonly classifier: ClassifierName;
}

export function parseClassifyOptions(values: Record<string, string | boolean | undefined>): ClassifyOptions {
  const classifier = (values.classifier as string | undefined) ?? 'adaptive';
  if (!(CLASSIFIER_NAMES as readonly string[]).includes(classifier)) {
    throw new UsageError(`--classifier must be one of ${CLASSIFIER_NAMES.join(', ')}, got "${classifier}"`);
  }
  return {
    targetError: numberOrNone('--target-error', values['target-error'] as string | undefined, 0, false),
    maxIterations: numberOrNone('--max-iterations', values['max-iterations'] as string | undefined, 50, true),
    classifier: classifier as ClassifierName,
  };
}

/** One input line → one output line. Bad input becomes {"id"?, "line", "error"}, never a crash. */
export function classifyLine(line: string, lineNumber: number, options: ClassifyOptions): { output: object; ok: boolean } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch (e) {
    return { ok: false, output: { line: lineNumber, error: `not JSON: ${(e as Error).message}` } };
  }
  const record = parsed as { id?: unknown; errors?: unknown };
  const id = typeof record === 'object' && record !== null ? record.id : undefined;
  const errors = record?.errors;
  if (!Array.isArray(errors) || errors.length === 0 || !errors.every((e) => typeof e === 'number')) {
    return { ok: false, output: { id, line: lineNumber, error: '"errors" must be a non-empty array of numbers' } };
  }
  try {
    const r = replayTrajectory(errors as number[], options);
    return {
      ok: true,
      output: { id, state: r.state, outcome: r.outcome, iterationsUsed: r.iterationsUsed, bestIndex: r.bestIndex, bestError: r.bestError },
    };
  } catch (e) {
    return { ok: false, output: { id, line: lineNumber, error: (e as Error).message } };
  }
}

/** Streams JSON lines from `input` to `output`; resolves to the number of lines that failed. */
export async function runClassify(options: ClassifyOptions, input: Readable, output: Writable): Promise<number> {
  let failed = 0;
  let lineNumber = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber++;
    if (line.trim() === '') continue;
    const { output: out, ok } = classifyLine(line, lineNumber, options);
    if (!ok) failed++;
    output.write(`${JSON.stringify(out)}\n`);
  }
  return failed;
}
