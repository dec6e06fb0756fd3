#!/usr/bin/env node
/**
 * `tg-emulator`: runs the Bot API emulator as a standalone server for bots written with any
 * library, printing the API base URL and a bot token. Stops on SIGINT or SIGTERM. With `--run`,
 * it also starts a bot file against itself and lets the terminal chat with it.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { BotProcess, botEnvironment } from './bot-process.js';
import { Emulator } from './emulator.js';
import { TerminalChat } from './terminal-chat.js';
import type { BotInfo, SimulatedUser } from './users.js';

const USAGE = `Usage: tg-emulator [options]
       tg-emulator --run <bot file> [options]

Runs an in-memory Telegram Bot API on loopback.

Options:
  --port <n>          port to listen on (default: 8081; 0 picks a free one)
  --host <address>    interface to listen on (default: 127.0.0.1)
  --bot <username>    create a bot with this username (repeatable; default: one bot, test_bot)
  --user <name>       create a simulated user with this first name (repeatable)
  --flood             enforce Telegram's flood limits (429 with retry_after); off by default
  --ui                serve the web chat at <address>/ui/: chat with the bot as any simulated
                      user in a browser, and see every update and API call (with --run too)
  --run <file>        start this bot program against the emulator (.ts through tsx, .js through
                      node, anything else executed), with the first bot's token in BOT_TOKEN and
                      TELEGRAM_BOT_TOKEN and the emulator's URLs in BOT_API_BASE_URL and
                      BOT_API_FILE_URL; then each line typed is a message from the first user
                      (Alice unless --user names one) to the bot, [text] presses a button, and
                      the chat is printed. Ctrl-D or Ctrl-C stops both; so does the bot exiting.
  -h, --help          show this help
`;

/** How long a bot started with --run may take to begin polling (tsx compiling it included). */
const READY_MS = 30_000;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8081' },
      host: { type: 'string', default: '127.0.0.1' },
      bot: { type: 'string', multiple: true },
      user: { type: 'string', multiple: true },
      flood: { type: 'boolean', default: false },
      ui: { type: 'boolean', default: false },
      run: { type: 'string' },
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
    ui: values.ui,
  });
  const lines = [`Telegram Bot API emulator listening on ${emu.origin}`, `API base URL:  ${emu.baseUrl}`];
  lines.push(`File base URL: ${emu.fileBaseUrl}`, `Control API:   ${emu.origin}/_emulator/`);
  if (emu.uiUrl !== undefined) lines.push(`Web chat:      ${emu.uiUrl}`);
  const bots = [];
  for (const username of values.bot ?? ['test_bot']) {
    const bot = await emu.createBot({ username });
    bots.push(bot);
    lines.push(`Bot @${bot.username} (id ${bot.id}) token: ${bot.token}`);
  }
  const users = [];
  // A chat needs someone to talk: --run and --ui start with Alice unless --user names others.
  const names = values.user ?? (values.run === undefined && !values.ui ? [] : ['Alice']);
  for (const firstName of names) {
    const user = await emu.createUser({ firstName });
    users.push(user);
    lines.push(`User ${user.firstName} id: ${user.id}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  if (values.run !== undefined) {
    const [bot] = bots;
    const [user] = users;
    if (bot === undefined || user === undefined) throw new Error('--run needs a bot and a user');
    await runBot(emu, values.run, bot, user);
    return;
  }
  const shutdown = (): void => {
    emu.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

/** `--run`: the bot file as a child process, and the terminal as the user's chat with it. */
async function runBot(emu: Emulator, file: string, bot: BotInfo, user: SimulatedUser): Promise<void> {
  const print = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  if (!existsSync(file)) throw new Error(`--run ${file}: no such file`);
  const child = new BotProcess(file, {
    env: botEnvironment(emu, bot.token),
    // The bot's own logging, kept apart from the chat.
    onOutput: (text) => process.stderr.write(text.replace(/^(?=.)/gm, 'bot | ')),
  });
  print(`Starting ${file} as @${bot.username}...`);
  try {
    // Lines typed meanwhile wait in stdin until the chat reads them.
    await child.waitUntilReady(emu.control, bot.id, READY_MS);
  } catch (error) {
    await child.stop();
    await emu.stop();
    throw error;
  }
  print(`Type a message to @${bot.username} as ${user.firstName} and press Enter; [text] presses a button.`);
  print('Ctrl-D or Ctrl-C stops.');
  let stopping = false;
  const stop = async (code: number): Promise<never> => {
    if (!stopping) {
      stopping = true;
      await chat.stop();
      await child.stop();
      await emu.stop();
    }
    process.exit(code);
  };
  const chat = new TerminalChat({
    control: emu.control,
    bot,
    user,
    input: process.stdin,
    print,
    onEnd: () => void stop(0),
  });
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
  const exit = await child.exited;
  if (stopping) return;
  const how = exit.signal !== null ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
  process.stderr.write(`tg-emulator: ${file} ${how}\n`);
  await stop(exit.code === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  process.stderr.write(`tg-emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
