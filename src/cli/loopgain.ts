import { parseArgs } from 'node:util';
import { parseClassifyOptions, runClassify } from './commands/classify';
import { USAGE, UsageError } from './usage';

declare const LOOPGAIN_VERSION: string;

/** The `loopgain` command line: the same core as the extension, headless. */
export async function main(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version') {
    process.stdout.write(`${typeof LOOPGAIN_VERSION === 'string' ? LOOPGAIN_VERSION : 'dev'}\n`);
    return 0;
  }
  if (command === 'classify') {
    const { values } = parseArgs({
      args: [...rest],
      options: {
        'target-error': { type: 'string' },
        'max-iterations': { type: 'string' },
        classifier: { type: 'string' },
      },
      strict: true,
    });
    const failed = await runClassify(parseClassifyOptions(values), process.stdin, process.stdout);
    return failed > 0 ? 1 : 0;
  }
  throw new UsageError(`unknown command "${command}"`);
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
