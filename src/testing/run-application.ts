/**
 * Runs a bot's application in the test's own process against an emulator, and stops it: what
 * a test of a bot needs between building the application and talking to it.
 */
import type { ControlClient } from './client.js';

/**
 * What {@link runApplication} needs of an application. `Application` from
 * `typescript-telegram-bot/ext` has it; it is spelled out here because the emulator does not
 * depend on the framework.
 */
export interface PollingApplication {
  /** The application's bot: its token and resolved API base URL. */
  readonly bot: { readonly token: string; readonly baseUrl: string };
  /** Polls until {@link stopRunning}; rejects when polling cannot go on (an invalid token). */
  runPolling(options: {
    readonly timeout?: number | undefined;
    readonly stopSignals?: readonly NodeJS.Signals[] | undefined;
  }): Promise<void>;
  /** Ends {@link runPolling} gracefully. */
  stopRunning(): void;
}

/** Options of {@link runApplication} (and `Emulator.runApplication`). */
export interface RunApplicationOptions {
  /**
   * Long-poll timeout in seconds; default 1. A stop waits for the poll in flight to end, so a
   * short one keeps tests fast.
   */
  readonly pollTimeout?: number | undefined;
  /** How long the application may take to start polling, in milliseconds; default 10 000. */
  readonly startTimeoutMs?: number | undefined;
}

/** The emulator as {@link runApplication} sees it. */
export interface ApplicationHost {
  /** The API base URL the application must be built with. */
  readonly baseUrl: string;
  readonly control: ControlClient;
}

/**
 * An application polling an emulator, started by {@link runApplication}. Stop it with
 * {@link stop}, or declare it with `await using` to stop it at the end of the block.
 */
export class RunningApplication {
  readonly #app: PollingApplication;
  readonly #polling: Promise<void>;
  #stopped: Promise<void> | undefined;

  /** @internal Made by {@link runApplication}. */
  constructor(app: PollingApplication, polling: Promise<void>) {
    this.#app = app;
    this.#polling = polling;
  }

  /**
   * Stops polling and resolves once the application has stopped (handlers in flight finished).
   * Rejects with the error that ended polling early, if one did. Calling it again returns the
   * same promise.
   */
  stop(): Promise<void> {
    if (this.#stopped === undefined) {
      this.#app.stopRunning();
      this.#stopped = this.#polling;
    }
    return this.#stopped;
  }

  /** Stops the application at the end of an `await using` block. */
  [Symbol.asyncDispose](): Promise<void> {
    return this.stop();
  }
}

/** The bot id a token starts with, or undefined for a malformed token. */
function botIdOf(token: string): number | undefined {
  const match = /^(\d+):/.exec(token);
  return match === null ? undefined : Number(match[1]);
}

/**
 * Starts `app` polling the emulator and resolves once it polls, so messages a test sends next
 * reach it. The application must have been built with the emulator's base URL and the token of
 * a bot the emulator created:
 *
 * @example
 * const info = await emu.createBot({ username: 'echo_bot' });
 * const app = Application.builder().token(info.token).baseUrl(emu.baseUrl).build();
 * app.addHandler(...);
 * await using running = await runApplication(emu, app); // or: const running = ...; await running.stop();
 */
export async function runApplication(
  emulator: ApplicationHost,
  app: PollingApplication,
  options: RunApplicationOptions = {},
): Promise<RunningApplication> {
  const botBase = app.bot.baseUrl;
  if (!botBase.startsWith(emulator.baseUrl)) {
    let origin = 'another server';
    try {
      origin = new URL(botBase).origin;
    } catch {}
    throw new Error(
      `runApplication: the application talks to ${origin}, not to this emulator; ` +
        'build it with Application.builder().token(info.token).baseUrl(emu.baseUrl)',
    );
  }
  const botId = botIdOf(app.bot.token);
  if (botId === undefined) {
    throw new Error(
      'runApplication: the application has a malformed token; use the token emu.createBot() returned',
    );
  }
  const pollingState = async (): Promise<boolean> => {
    const state = await emulator.control.call<{ polling?: boolean }>('GET', 'bot', { bot_id: botId });
    return state.polling === true;
  };
  await pollingState().catch((error: unknown) => {
    throw new Error(
      'runApplication: the emulator has no bot with this token; use the token emu.createBot() returned',
      {
        cause: error,
      },
    );
  });
  const outcome: { failure?: { error: unknown } } = {};
  const polling = app.runPolling({ timeout: options.pollTimeout ?? 1, stopSignals: [] });
  // Kept from becoming an unhandled rejection: the failure is reported below or by stop().
  polling.catch((error: unknown) => {
    outcome.failure = { error };
  });
  const running = new RunningApplication(app, polling);
  const timeoutMs = options.startTimeoutMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (outcome.failure !== undefined) throw outcome.failure.error;
    if (await pollingState()) return running;
    if (Date.now() > deadline) {
      await running.stop().catch(() => undefined);
      throw new Error(`runApplication: the application did not start polling within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
