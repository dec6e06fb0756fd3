#!/usr/bin/env node
/**
 * `tg-emulator`: runs the Bot API emulator as a standalone server for bots written with any
 * library, printing the API base URL and a bot token. Stops on SIGINT or SIGTERM.
 */
import { parseArgs } from 'node:util';
import { Emulator } from './emulator.js';

const USAGE = `Usage: tg-emulator [options]

Runs an in-memory Telegram Bot API on loopback.

Options:
  --port <n>          port to listen on (default: 8081; 0 picks a free one)
  --host <address>    interface to listen on (default: 127.0.0.1)
  --bot <username>    create a bot with this username (repeatable; default: one bot, test_bot)
  --user <name>       create a simulated user with this first name (repeatable)
  --flood             enforce Telegram's flood limits (429 with retry_after); off by default
  -h, --help          show this help
`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8081' },
      host: { type: 'string', default: '127.0.0.1' },
      bot: { type: 'string', multiple: true },
      user: { type: 'string', multiple: true },
      flood: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port ${values.port}`);
  const emu = await Emulator.start({
    port,
    host: values.host,
    floodLimits: values.flood,
  });
  const lines = [`Telegram Bot API emulator listening on ${emu.origin}`, `API base URL:  ${emu.baseUrl}`];
  lines.push(`File base URL: ${emu.fileBaseUrl}`, `Control API:   ${emu.origin}/_emulator/`);
  for (const username of values.bot ?? ['test_bot']) {
    const bot = await emu.createBot({ username });
    lines.push(`Bot @${bot.username} (id ${bot.id}) token: ${bot.token}`);
  }
  for (const firstName of values.user ?? []) {
    const user = await emu.createUser({ firstName });
    lines.push(`User ${user.firstName} id: ${user.id}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  const shutdown = (): void => {
    emu.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  process.stderr.write(`tg-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
