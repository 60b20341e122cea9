import { parseArgs } from 'node:util';
import { parseClassifyOptions, runClassify } from './commands/classify';
import { runFix } from './commands/fix';
import { explainRun, exportRun, listRuns, showRun, storeAt } from './commands/history';
import { runRestore } from './commands/restore';
import { runResume } from './commands/resume';
import { USAGE, UsageError } from './usage';

declare const LOOPGAIN_VERSION: string;

/** Ctrl-C once: stop cleanly (the workspace stays consistent, the run stays resumable). Twice: exit now. */
function cancellation(): AbortSignal {
  const controller = new AbortController();
  process.on('SIGINT', () => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write('\nloopgain: stopping after the current step (Ctrl-C again to quit at once)\n');
    controller.abort();
  });
  process.on('SIGTERM', () => controller.abort());
  return controller.signal;
}

function historyArgs(rest: readonly string[]): { id?: string; cwd?: string } {
  const { values, positionals } = parseArgs({ args: [...rest], options: { cwd: { type: 'string' }, json: { type: 'boolean' } }, allowPositionals: true, strict: true });
  return { id: positionals[0], cwd: values.cwd };
}

/** The `loopgain` command line: the same core as the extension, headless. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
      process.stdout.write(`${USAGE}\n`);
      return 2;
    case '--help':
    case '-h':
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case '--version':
      process.stdout.write(`${typeof LOOPGAIN_VERSION === 'string' ? LOOPGAIN_VERSION : 'dev'}\n`);
      return 0;
    case 'fix':
      return runFix(rest, cancellation());
    case 'resume':
      return runResume(rest, cancellation());
    case 'restore':
      return runRestore(rest);
    case 'runs':
      return listRuns(storeAt(historyArgs(rest).cwd));
    case 'show':
    case 'export':
    case 'explain': {
      const { id, cwd } = historyArgs(rest);
      const store = storeAt(cwd);
      if (command === 'show') return showRun(store, id ?? '');
      if (command === 'export') return exportRun(store, id ?? '');
      return explainRun(store, id ?? '');
    }
    case 'classify': {
      const { values } = parseArgs({
        args: [...rest],
        options: { 'target-error': { type: 'string' }, 'max-iterations': { type: 'string' }, classifier: { type: 'string' } },
        strict: true,
      });
      const failed = await runClassify(parseClassifyOptions(values), process.stdin, process.stdout);
      return failed > 0 ? 1 : 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    process.stderr.write(`loopgain: ${(error as Error).message}\n${usage ? `\n${USAGE}\n` : ''}`);
    process.exitCode = usage ? 2 : 1;
  },
);
