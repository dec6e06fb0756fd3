/**
 * The simulated user of a demo: each action prints the chat so far, then acts and waits for the
 * bot's answer, so the transcript reads in the order things happened. Every wait is bounded.
 */
import { chatEntryLines, messageWithButton, replyKeyboardLines } from '../../src/testing/chat-view.js';
import type { BotInfo, Emulator, MessageJSON, SimulatedUser } from '../../src/testing/index.js';

/** How long the bot may take to answer one action. */
const ANSWER_MS = 10_000;

export class DemoChat {
  readonly #emu: Emulator;
  readonly #bot: BotInfo;
  readonly #user: SimulatedUser;
  readonly #print: (line: string) => void;
  #lastSeq = 0;
  #keyboard = 'none';
  /** The private chat exists once the user has written to the bot. */
  #started = false;

  constructor(emu: Emulator, bot: BotInfo, user: SimulatedUser, print: (line: string) => void) {
    this.#emu = emu;
    this.#bot = bot;
    this.#user = user;
    this.#print = print;
  }

  /** The user's name as the chat shows it. */
  get userName(): string {
    return this.#user.firstName;
  }

  /** Sends a text (a command when it starts with `/`) and, when given, waits for that answer. */
  async say(text: string, answer?: string | RegExp): Promise<MessageJSON | undefined> {
    await this.flush();
    await this.#user.sendMessage(this.#bot, text);
    this.#started = true;
    return answer === undefined ? undefined : this.expect(answer);
  }

  /** Waits for the bot's next message matching `text`. */
  expect(text: string | RegExp, timeoutMs = ANSWER_MS): Promise<MessageJSON> {
    return this.#user.expectMessage({ text, timeoutMs });
  }

  /** Presses the inline button labelled `label` on the latest bot message showing it; waits for the edit. */
  async press(label: string, edited?: string | RegExp): Promise<void> {
    await this.flush();
    const message = await this.#latestWithButton(label);
    this.#print(`${this.userName} pressed [${label}]`);
    const answer = await this.#user.clickButton(message, label, { timeoutMs: ANSWER_MS });
    if (answer === undefined) throw new Error(`the bot did not answer the press of [${label}]`);
    if (edited !== undefined) await this.#user.expectEdit({ text: edited, timeoutMs: ANSWER_MS });
  }

  /** Presses a button of the bot's custom reply keyboard (it sends its text) and waits for `answer`. */
  async pressKey(label: string, answer: string | RegExp): Promise<MessageJSON> {
    await this.flush();
    await this.#user.pressKeyboardButton(label, this.#bot);
    return this.expect(answer);
  }

  /** Sends a photo (a generated 800x600 JPEG) and waits for `answer`. */
  async sendPhoto(answer: string | RegExp): Promise<MessageJSON> {
    await this.flush();
    await this.#user.sendPhoto(this.#bot, {});
    return this.expect(answer);
  }

  /** Sends a location and waits for `answer`. */
  async sendLocation(latitude: number, longitude: number, answer: string | RegExp): Promise<MessageJSON> {
    await this.flush();
    await this.#user.sendLocation(this.#bot, latitude, longitude);
    return this.expect(answer);
  }

  /** Sends what the web app behind the keyboard button `button` would send, and waits for `answer`. */
  async webAppData(button: string, data: string, answer: string | RegExp): Promise<MessageJSON> {
    await this.flush();
    this.#print(`${this.userName} pressed [${button}] and picked in the web app`);
    await this.#user.sendWebAppData(button, data, this.#bot);
    return this.expect(answer);
  }

  /**
   * Types `@bot query` in the chat: prints the results the bot offers, then picks the one titled
   * `pick`, which the user's app posts in the chat "via" the bot; resolves to that message.
   */
  async inline(query: string, pick: string): Promise<MessageJSON> {
    await this.flush();
    this.#print(`${this.userName} types "@${this.#bot.username} ${query}"`);
    const answer = await this.#user.inlineQuery(this.#bot, query, { timeoutMs: ANSWER_MS });
    if (answer === undefined)
      throw new Error(`the bot did not answer the inline query ${JSON.stringify(query)}`);
    const titles = answer.results.map((result) => String(result.title ?? result.id));
    this.#print(`  @${this.#bot.username} offers: ${titles.map((title) => `[${title}]`).join(' ')}`);
    const chosen = answer.results.find((result) => result.title === pick);
    if (chosen === undefined) throw new Error(`no inline result titled ${pick} among ${titles.join(', ')}`);
    this.#print(`${this.userName} picks [${pick}]`);
    const sent = await this.#user.chooseInlineResult(answer, chosen.id, this.#user.chatWith(this.#bot));
    this.#started = true;
    return sent;
  }

  /** Waits for the bot's poll, votes for the options at these positions, waits for `answer`. */
  async vote(optionIds: readonly number[], answer: string | RegExp): Promise<MessageJSON> {
    const poll = await this.#user.expectMessage({ timeoutMs: ANSWER_MS });
    if (poll.poll === undefined) throw new Error(`expected a poll, got ${JSON.stringify(poll.text)}`);
    await this.flush();
    const options = (poll.poll as { options: { text: string }[] }).options;
    this.#print(`${this.userName} votes ${optionIds.map((id) => `[${options[id]?.text ?? id}]`).join(' ')}`);
    await this.#user.vote(poll, optionIds);
    return this.expect(answer);
  }

  /** Waits for the bot's invoice, pays it (through its shipping and pre-checkout answers), waits for `answer`. */
  async pay(answer: string | RegExp): Promise<MessageJSON> {
    const invoice = await this.#user.expectMessage({ timeoutMs: ANSWER_MS });
    if (invoice.invoice === undefined)
      throw new Error(`expected an invoice, got ${JSON.stringify(invoice.text)}`);
    await this.flush();
    this.#print(`${this.userName} paid the invoice`);
    const result = await this.#user.pay(invoice, { timeoutMs: ANSWER_MS });
    if (result.status !== 'paid') {
      throw new Error(`the payment was not accepted: ${result.status} ${result.error_message ?? ''}`);
    }
    return this.expect(answer);
  }

  /** Prints the chat's new entries, then the user's reply keyboard when it changed. */
  async flush(): Promise<void> {
    if (!this.#started) return;
    const transcript = await this.#emu.transcript(this.#user.chatWith(this.#bot));
    const fresh = transcript.entries.filter((entry) => entry.seq > this.#lastSeq);
    for (const entry of fresh) {
      this.#lastSeq = entry.seq;
      for (const line of chatEntryLines(entry)) this.#print(line);
    }
    if (!fresh.some((entry) => entry.from_bot)) return;
    const state = await this.#user.keyboardState(this.#bot);
    const shown = state === undefined ? 'none' : JSON.stringify(state.keyboard.keyboard);
    if (shown !== this.#keyboard) {
      if (state !== undefined || this.#keyboard !== 'none') {
        for (const line of replyKeyboardLines(state)) this.#print(`  ${line}`);
      }
      this.#keyboard = shown;
    }
  }

  async #latestWithButton(label: string): Promise<MessageJSON> {
    const transcript = await this.#emu.transcript(this.#user.chatWith(this.#bot));
    const message = messageWithButton(transcript.entries, label);
    if (message === undefined) throw new Error(`no message of the bot shows an inline button [${label}]`);
    return message;
  }
}
