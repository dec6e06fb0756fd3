/**
 * `npm start [-- <example>]`: runs one of examples/ (echobot by default).
 *
 * Without a token it is an offline demo: the built-in emulator starts in this process, the example
 * runs as a child process against it, a simulated user walks the example's main path, the chat
 * is printed as it happens, everything stops and the exit code is 0 (1 with the reason when
 * something fails, 2 for an unknown example). With TELEGRAM_BOT_TOKEN (or BOT_TOKEN) set, the
 * example runs against Telegram until Ctrl-C. With `--ui` the offline demo does not stop at the
 * end: the emulator's web chat shows the demo's chat in a browser, and the bot keeps running for
 * whoever goes on talking to it there, until Ctrl-C.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BotProcess, botCommand, botEnvironment } from '../src/testing/bot-process.js';
import { Emulator } from '../src/testing/index.js';
import { DemoChat } from './demo/chat.js';
import { DEMOS } from './demo/demos.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const EXAMPLES = join(ROOT, 'examples');
/** The whole demo, startup included, never takes longer than this. */
const DEMO_LIMIT_MS = 90_000;
/** Starting a TypeScript bot (tsx compiling it) may take a few seconds on a cold machine. */
const STARTUP_MS = 30_000;

function examples(): string[] {
  return readdirSync(EXAMPLES)
    .filter((file) => file.endsWith('.ts'))
    .map((file) => file.slice(0, -3))
    .sort();
}

function usage(): string {
  const offline = Object.keys(DEMOS).sort().join(', ');
  return [
    'Usage: npm start [-- <example>] [--ui]     (echobot by default)',
    '',
    '--ui: after the offline demo, keep the bot running and chat with it in the browser (web chat).',
    `Examples: ${examples().join(', ')}`,
    `Offline demos (no token needed): ${offline}`,
    'With TELEGRAM_BOT_TOKEN=<token from @BotFather> the example runs against Telegram instead.',
  ].join('\n');
}

/** Runs the example against Telegram with the user's token until it stops. */
function runOnline(file: string, token: string): Promise<number> {
  const { command, args } = botCommand(file);
  process.stdout.write(`Running ${relative(ROOT, file)} against Telegram; Ctrl-C stops it.\n`);
  const child = spawn(command, args, { env: { ...process.env, BOT_TOKEN: token }, stdio: 'inherit' });
  // Ctrl-C reaches the child too (same process group); SIGTERM sent to this process is passed on.
  const forward = (signal: NodeJS.Signals): void => {
    child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  return new Promise((resolve) => {
    child.once('error', (error) => {
      process.stderr.write(`npm start: ${error.message}\n`);
      resolve(1);
    });
    child.once('close', (code, signal) =>
      resolve(code ?? (signal === 'SIGINT' || signal === 'SIGTERM' ? 0 : 1)),
    );
  });
}

/** Resolves on Ctrl-C or SIGTERM, or when the bot process ends (with its exit code). */
function untilStopped(bot: BotProcess): Promise<number | undefined> {
  return new Promise((resolve) => {
    let stopping = false;
    const stop = (): void => {
      stopping = true;
      resolve(undefined);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    void bot.exited.then((exit) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      if (stopping) return;
      process.stderr.write(`npm start: the bot stopped (exit code ${exit.code ?? exit.signal})\n`);
      resolve(exit.code === 0 ? 0 : 1);
    });
  });
}

/** The offline demo; resolves to the exit code. With `ui`, the web chat stays up until Ctrl-C. */
async function runOffline(name: string, file: string, ui: boolean): Promise<number> {
  const demo = DEMOS[name];
  if (demo === undefined) {
    process.stderr.write(
      `${name} has no offline demo (it needs several users in a group, a Passport key or a public webhook).\n` +
        `Run it against Telegram: TELEGRAM_BOT_TOKEN=<token> npm start -- ${name}\n` +
        `Offline demos: ${Object.keys(DEMOS).sort().join(', ')}\n`,
    );
    return 1;
  }
  const print = (line: string): void => {
    process.stdout.write(`${line}\n`);
  };
  const emu = await Emulator.start({ ui });
  let bot: BotProcess | undefined;
  const limit = setTimeout(() => {
    process.stderr.write(`npm start: the ${name} demo did not finish within ${DEMO_LIMIT_MS / 1000} s\n`);
    void bot?.stop(1000).finally(() => process.exit(1));
  }, DEMO_LIMIT_MS);
  try {
    const info = await emu.createBot({ username: demo.bot });
    const user = await emu.createUser({ firstName: 'Alice', username: 'alice' });
    print(`Offline demo: ${relative(ROOT, file)} runs against the built-in Telegram emulator (no token).`);
    print(`Alice, a simulated user, talks to @${info.username}:`);
    print('');
    bot = new BotProcess(file, { env: { ...botEnvironment(emu, info.token), ...demo.env?.(user) } });
    await bot.waitUntilReady(emu.control, info.id, STARTUP_MS);
    const chat = new DemoChat(emu, info, user, (line) => print(line === '' ? '' : `  ${line}`));
    try {
      await demo.script(chat);
    } finally {
      await chat.flush();
    }
    if (ui) {
      clearTimeout(limit);
      print('');
      print(`The ${name} demo finished. Go on talking to @${info.username} in the browser:`);
      print(`  Web chat: ${emu.uiUrl}`);
      print('Ctrl-C stops the bot and the emulator.');
      // The bot stops in the finally block below, the same way after Ctrl-C as after the demo.
      return (await untilStopped(bot)) ?? 0;
    }
    const exit = await bot.stop();
    if (exit.code !== 0 && exit.signal !== 'SIGTERM') {
      throw new Error(
        `${relative(ROOT, file)} did not stop cleanly (exit code ${exit.code}):\n${bot.output.trim()}`,
      );
    }
    print('');
    print(`The ${name} demo finished: the bot answered every step.`);
    print(`Run it against Telegram: TELEGRAM_BOT_TOKEN=<token from @BotFather> npm start -- ${name}`);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const output = bot?.output.trim() ?? '';
    process.stderr.write(`\nnpm start: the ${name} demo failed: ${message}\n`);
    if (output !== '' && !message.includes(output)) process.stderr.write(`The bot printed:\n${output}\n`);
    return 1;
  } finally {
    clearTimeout(limit);
    await bot?.stop(2000);
    await emu.stop();
  }
}

async function main(args: readonly string[]): Promise<number> {
  let argv = args;
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  const ui = argv.includes('--ui');
  argv = argv.filter((arg) => arg !== '--ui');
  if (argv.length > 1) {
    process.stderr.write(`npm start: one example at a time, got ${argv.join(' ')}\n\n${usage()}\n`);
    return 2;
  }
  const name = (argv[0] ?? 'echobot').replace(/^examples\//, '').replace(/\.ts$/, '');
  if (!examples().includes(name)) {
    process.stderr.write(`npm start: there is no example "${name}".\n\n${usage()}\n`);
    return 2;
  }
  const file = join(EXAMPLES, `${name}.ts`);
  const token = process.env.TELEGRAM_BOT_TOKEN || process.env.BOT_TOKEN;
  if (token && ui) {
    process.stderr.write('npm start: --ui is for the offline demo; unset TELEGRAM_BOT_TOKEN to use it\n');
    return 2;
  }
  return token ? runOnline(file, token) : runOffline(name, file, ui);
}

process.exit(await main(process.argv.slice(2)));
