/**
 * A bot program run as a child process against an emulator: how to start a bot file, the
 * environment that points it at the emulator, waiting until it polls, and stopping it.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { extname } from 'node:path';
import type { ControlClient } from './client.js';

/**
 * The environment a bot gets to talk to an emulator: the token as `BOT_TOKEN` (what this
 * project's examples read) and `TELEGRAM_BOT_TOKEN`, the Bot API base URL as `BOT_API_BASE_URL`
 * (`http://127.0.0.1:<port>/bot`, the token goes right after it) and the file base URL as
 * `BOT_API_FILE_URL`.
 *
 * @example
 * spawn('node', ['bot.js'], { env: { ...process.env, ...botEnvironment(emu, bot.token) } });
 */
export function botEnvironment(
  emulator: { readonly baseUrl: string; readonly fileBaseUrl: string },
  token: string,
): Record<string, string> {
  return {
    BOT_TOKEN: token,
    TELEGRAM_BOT_TOKEN: token,
    BOT_API_BASE_URL: emulator.baseUrl,
    BOT_API_FILE_URL: emulator.fileBaseUrl,
  };
}

/**
 * The command that runs a bot file: TypeScript (`.ts`, `.mts`, `.cts`) through Node with tsx
 * (which must be installed where the command runs), JavaScript through Node, anything else
 * executed as it is (a script with a `#!` line, a binary).
 */
export function botCommand(file: string): { command: string; args: string[] } {
  const extension = extname(file).toLowerCase();
  if (['.ts', '.mts', '.cts', '.tsx'].includes(extension)) {
    return { command: process.execPath, args: ['--import', 'tsx', file] };
  }
  if (['.js', '.mjs', '.cjs'].includes(extension)) return { command: process.execPath, args: [file] };
  return { command: file, args: [] };
}

/**
 * Preloaded into Node bots started by {@link BotProcess}: exits when the process that started
 * the bot is gone (killed without the chance to stop it), so no bot keeps polling a dead emulator.
 */
const ORPHAN_GUARD =
  'data:text/javascript,const parent=process.ppid;' +
  'setInterval(()=>{if(process.ppid!==parent)process.exit(1)},500).unref();';

/** How a {@link BotProcess} ended. */
export interface BotExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** Options of the {@link BotProcess} constructor. */
export interface BotProcessOptions {
  /** Variables added to the current environment (e.g. {@link botEnvironment}). */
  readonly env: Readonly<Record<string, string>>;
  /** Receives the bot's stdout and stderr as they come; without it they are only kept. */
  readonly onOutput?: (text: string) => void;
}

const KEPT_OUTPUT = 64 * 1024;

/**
 * A bot program running as a child process. Its output is kept (the last 64 KB) for error
 * messages; {@link stop} ends it with SIGTERM, then SIGKILL if it does not exit in time.
 *
 * @example
 * const bot = new BotProcess('examples/echobot.ts', { env: botEnvironment(emu, info.token) });
 * await bot.waitUntilReady(emu.control, info.id, 20_000);
 * // ... talk to it ...
 * await bot.stop();
 */
export class BotProcess {
  readonly file: string;
  /** Resolves when the process has exited, however it ended. */
  readonly exited: Promise<BotExit>;
  #child: ChildProcess;
  #output = '';
  #exit: BotExit | undefined;
  /** Output already shown through `onOutput` is not repeated in error messages. */
  readonly #forwarded: boolean;

  /** Starts `file` (see {@link botCommand}) with the given variables added to the environment. */
  constructor(file: string, options: BotProcessOptions) {
    this.file = file;
    const { command, args } = botCommand(file);
    if (command === process.execPath) args.unshift('--import', ORPHAN_GUARD);
    const child = spawn(command, args, {
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#child = child;
    const onOutput = options.onOutput;
    this.#forwarded = onOutput !== undefined;
    const keep = (chunk: Buffer): void => {
      const text = chunk.toString();
      this.#output = (this.#output + text).slice(-KEPT_OUTPUT);
      onOutput?.(text);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((resolve) => {
      child.once('error', (error) => {
        this.#output += `\n${error.message}\n`;
        this.#exit = { code: null, signal: null };
        resolve(this.#exit);
      });
      child.once('close', (code, signal) => {
        this.#exit = { code, signal };
        resolve(this.#exit);
      });
    });
  }

  /** What the bot printed so far (the last 64 KB). */
  get output(): string {
    return this.#output;
  }

  /** How it ended, or undefined while it runs. */
  get exit(): BotExit | undefined {
    return this.#exit;
  }

  /**
   * Resolves once the bot is waiting in `getUpdates` or has set a webhook. Rejects when the
   * process exits first, or after `timeoutMs`, with what it printed (unless `onOutput` showed it).
   */
  async waitUntilReady(control: ControlClient, botId: number, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.#exit !== undefined)
        throw new Error(`${this.file} exited before it started polling${this.#ended()}`);
      const state = await control.call<{ polling?: boolean; webhook_url?: string }>('GET', 'bot', {
        bot_id: botId,
      });
      if (state.polling === true || (state.webhook_url ?? '') !== '') return;
      if (Date.now() > deadline) {
        throw new Error(`${this.file} did not start polling within ${timeoutMs} ms${this.#ended()}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Ends the process: SIGTERM, then SIGKILL after `graceMs`. Resolves to how it ended. */
  async stop(graceMs = 5000): Promise<BotExit> {
    if (this.#exit !== undefined) return this.#exit;
    this.#child.kill('SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    const killed = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        this.#child.kill('SIGKILL');
        resolve();
      }, graceMs);
    });
    await Promise.race([this.exited, killed]);
    clearTimeout(timer);
    return this.exited;
  }

  #ended(): string {
    const how =
      this.#exit === undefined
        ? ''
        : this.#exit.signal !== null
          ? ` (killed by ${this.#exit.signal})`
          : ` (exit code ${this.#exit.code})`;
    const output = this.#forwarded ? '' : this.#output.trim();
    return `${how}${output === '' ? '' : `; its output:\n${output}`}`;
  }
}
