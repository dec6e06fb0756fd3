#!/usr/bin/env node
/**
 * `typescript-telegram-bot`: prints the library, Bot API and Node.js versions (PTB's
 * `python -m telegram`), e.g. `npx typescript-telegram-bot --version`.
 */
import { parseArgs } from 'node:util';
import { versionReport } from './version.js';

const USAGE = `Usage: typescript-telegram-bot [--version]

Prints the versions of typescript-telegram-bot, the Bot API it implements and Node.js.

Options:
  -v, --version   print the versions (also the default)
  -h, --help      show this help
`;

function main(argv: readonly string[]): number {
  let values: { version?: boolean | undefined; help?: boolean | undefined };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        version: { type: 'boolean', short: 'v' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  if (values.help === true) {
    process.stdout.write(USAGE);
    return 0;
  }
  process.stdout.write(`${versionReport()}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
