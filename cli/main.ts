/**
 * The engine's command line, for people and scripts:
 *
 *     npm run --silent cli -- parity tests/fixtures/parity-lstm-plain.json
 *     npm run --silent cli -- train --cell lstm --task recall --lag 20 --json
 *     npm run --silent cli -- bench [--json] [--seconds S]
 *
 * Results go to stdout, progress and errors to stderr. Exit codes: 0 done (a diverged run is a result,
 * reported in its output), 2 bad usage or bad input (one message, never a stack trace), 1 a bug.
 */
import { ConfigError } from '../engine/configProblem.ts';
import { UsageError } from './args.ts';
import { BENCH_USAGE, benchCommand } from './bench.ts';
import { PARITY_USAGE, parityCommand } from './parity.ts';
import { TRAIN_USAGE, trainCommand } from './train.ts';

const USAGE = [
  'usage: unroll <command> [options]     (npm run --silent cli -- <command> ...)',
  '',
  `  ${PARITY_USAGE}`,
  `  ${TRAIN_USAGE}`,
  `  ${BENCH_USAGE}`,
  '',
  'Each command takes --help.',
].join('\n');

/** Exits once everything written to stdout and stderr has been handed to the OS. */
function exit(code: number): void {
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
}

async function main(argv: readonly string[]): Promise<void> {
  const [command, ...rest] = argv;
  try {
    let output: string;
    if (command === 'parity') output = parityCommand(rest);
    else if (command === 'train') output = await trainCommand(rest);
    else if (command === 'bench') output = await benchCommand(rest);
    else if (command === undefined || command === 'help' || command === '--help' || command === '-h')
      output = USAGE;
    else throw new UsageError(`Unknown command "${command}".\n${USAGE}`);
    if (output !== '') process.stdout.write(`${output}\n`);
    exit(0);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) {
      process.stderr.write(`unroll ${command}: ${error.message}\n`);
      exit(2);
    } else {
      process.stderr.write(
        `unroll ${command}: internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
      exit(1);
    }
  }
}

await main(process.argv.slice(2));
