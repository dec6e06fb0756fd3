/**
 * `tg-emulator --run`'s chat in the terminal: each input line is a simulated user's message to the
 * bot (`[text]` presses a button), and the private chat is printed as it happens.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { chatEntryLines, messageWithButton, replyKeyboardLines } from './chat-view.js';
import type { ControlClient, TranscriptEntryJSON } from './client.js';
import type { BotInfo, SimulatedUser } from './users.js';

/** Where the terminal chat reads lines and prints the chat. */
export interface TerminalChatOptions {
  readonly control: ControlClient;
  readonly bot: BotInfo;
  readonly user: SimulatedUser;
  readonly input: Readable;
  readonly print: (line: string) => void;
  /** Called once the input ends (Ctrl-D, or the end of piped input). */
  readonly onEnd: () => void;
}

/** How long one wait for new chat entries lasts before the watcher checks whether it should stop. */
const WAIT_MS = 1000;
/** How long a message waits for the bot's answer before the next line is handled. */
const ANSWER_MS = 3000;

/**
 * A running terminal chat. Lines are handled one at a time, in order; a failed action (no such
 * button, a refused message) is printed and the chat goes on.
 *
 * @example
 * const chat = new TerminalChat({ control: emu.control, bot, user, input: process.stdin,
 *   print: (line) => console.log(line), onEnd: () => void shutdown() });
 * // ...
 * await chat.stop();
 */
export class TerminalChat {
  readonly #options: TerminalChatOptions;
  #stopped = false;
  #seq = 0;
  #keyboard = 'none';
  #watching: Promise<void> | undefined;
  #queue: Promise<void> = Promise.resolve();
  #printing: Promise<void> = Promise.resolve();
  readonly #lines: ReturnType<typeof createInterface>;

  constructor(options: TerminalChatOptions) {
    this.#options = options;
    this.#lines = createInterface({ input: options.input, terminal: false });
    this.#lines.on('line', (line) => {
      this.#queue = this.#queue.then(() => this.#handle(line.trim()));
    });
    this.#lines.once('close', () => {
      void this.#queue.then(() => options.onEnd());
    });
  }

  /** Stops reading and watching; resolves once the watcher has printed its last entries. */
  async stop(): Promise<void> {
    this.#stopped = true;
    this.#lines.close();
    await this.#watching;
    // What arrived since the watcher's last look.
    if (this.#watching !== undefined) await this.#drain().catch(() => undefined);
  }

  async #handle(line: string): Promise<void> {
    if (line === '' || this.#stopped) return;
    const { bot, user, control } = this.#options;
    try {
      const label = /^\[(.+)\]$/.exec(line)?.[1];
      if (label === undefined) {
        await user.sendMessage(bot, line);
        // Piped lines come faster than a person types: give the bot a moment to answer first.
        await control.call('GET', 'wait', {
          chat_id: user.id,
          bot_id: bot.id,
          after_user_id: user.id,
          kind: 'message,edit',
          timeout_ms: ANSWER_MS,
        });
      } else {
        const transcript = await control.call<TranscriptEntryJSON[]>('GET', 'transcript', {
          chat_id: user.id,
          bot_id: bot.id,
        });
        const message = messageWithButton(transcript, label);
        if (message !== undefined) {
          await this.#drain();
          this.#options.print(`${user.firstName} pressed [${label}]`);
          await user.clickButton(message, label, { timeoutMs: 5000 });
        } else {
          await user.pressKeyboardButton(label, bot);
        }
      }
      this.#watching ??= this.#watch();
    } catch (error) {
      this.#options.print(`(${error instanceof Error ? error.message : String(error)})`);
    }
  }

  /** Prints the chat's entries as they come, and the reply keyboard when it changes. */
  async #watch(): Promise<void> {
    const { bot, user, control } = this.#options;
    while (!this.#stopped) {
      try {
        const entry = await control.call<TranscriptEntryJSON | null>('GET', 'wait', {
          chat_id: user.id,
          bot_id: bot.id,
          after_seq: this.#seq,
          kind: 'any',
          from: 'any',
          timeout_ms: WAIT_MS,
        });
        if (entry !== null) await this.#drain();
      } catch {
        return; // the emulator is stopping
      }
    }
  }

  /** Prints every entry not printed yet; calls run one after another, so nothing prints twice. */
  #drain(): Promise<void> {
    // A failed drain (the emulator stopping) must not block the ones after it.
    this.#printing = this.#printing
      .catch(() => undefined)
      .then(async () => {
        const { bot, user, control, print } = this.#options;
        const entries = await control.call<TranscriptEntryJSON[]>('GET', 'transcript', {
          chat_id: user.id,
          bot_id: bot.id,
        });
        let botSpoke = false;
        for (const entry of entries) {
          if (entry.seq <= this.#seq) continue;
          this.#seq = entry.seq;
          for (const line of chatEntryLines(entry)) print(line);
          botSpoke ||= entry.from_bot && entry.kind === 'message';
        }
        if (botSpoke) await this.#showKeyboard();
      });
    return this.#printing;
  }

  async #showKeyboard(): Promise<void> {
    const state = await this.#options.user.keyboardState(this.#options.bot).catch(() => undefined);
    const shown = state === undefined ? 'none' : JSON.stringify(state.keyboard.keyboard);
    if (shown === this.#keyboard) return;
    if (state !== undefined || this.#keyboard !== 'none') {
      for (const line of replyKeyboardLines(state)) this.#options.print(`  ${line}`);
    }
    this.#keyboard = shown;
  }
}
