/**
 * Simulated Telegram users for tests: a thin TypeScript client of the control API. Each method is
 * one control request; waiting happens on the server with a timeout.
 */
import type {
  ChatJSON,
  ControlClient,
  JsonValue,
  MessageJSON,
  TranscriptEntryJSON,
  UserJSON,
} from './client.js';

/** A bot created in the emulator. */
export interface BotInfo {
  readonly id: number;
  readonly token: string;
  readonly username: string;
  readonly first_name: string;
}

/** A custom reply keyboard as the bot sent it. */
export interface ReplyKeyboardJSON {
  readonly keyboard: readonly (readonly (
    | { readonly text: string; readonly [field: string]: unknown }
    | string
  )[])[];
  readonly one_time_keyboard?: boolean;
  readonly is_persistent?: boolean;
  readonly selective?: boolean;
  readonly resize_keyboard?: boolean;
  readonly [field: string]: unknown;
}

/** The custom keyboard a user's app holds in a chat. */
export interface KeyboardState {
  readonly keyboard: ReplyKeyboardJSON;
  /** True after a press of a one-time keyboard: hidden behind the keyboard icon, still usable. */
  readonly collapsed: boolean;
}

/** A chat handle: a shared chat, or a private chat of a user with a bot (`botId` set). */
export interface ChatRef {
  readonly id: number;
  readonly type: 'private' | 'group' | 'supergroup' | 'channel';
  readonly botId?: number | undefined;
  readonly title?: string | undefined;
}

/** Where a user acts: a bot (its private chat) or a chat handle. */
export type Destination = BotInfo | ChatRef;

/** What a bot answered to a pressed button. */
export interface CallbackAnswer {
  readonly text?: string;
  readonly show_alert?: boolean;
  readonly url?: string;
  readonly cache_time?: number;
}

/** What a bot answered to an inline query. */
export interface InlineAnswer {
  readonly queryId: string;
  /** The bot that answered. */
  readonly botId: number;
  readonly results: readonly {
    readonly id: string;
    readonly type: string;
    readonly [field: string]: unknown;
  }[];
  readonly nextOffset: string | undefined;
}

/** How a payment ended. */
export interface PaymentResult {
  readonly status: 'paid' | 'declined' | 'timeout';
  readonly error_message?: string;
  readonly message?: MessageJSON;
}

/** An address on the payment form (Telegram's `ShippingAddress`); missing parts get defaults. */
export interface ShippingAddressInput {
  /** Two-letter ISO 3166-1 code, e.g. `DE`. */
  readonly country_code?: string | undefined;
  readonly state?: string | undefined;
  readonly city?: string | undefined;
  readonly street_line1?: string | undefined;
  readonly street_line2?: string | undefined;
  readonly post_code?: string | undefined;
}

/** What a user fills in on the payment form (Telegram's `OrderInfo`). */
export interface OrderInfoInput {
  readonly name?: string | undefined;
  readonly phone_number?: string | undefined;
  readonly email?: string | undefined;
  readonly shipping_address?: ShippingAddressInput | undefined;
}

/** Options of {@link SimulatedUser.pay}. */
export interface PayOptions {
  /** The order details to give; only those the invoice asks for reach the bot. */
  readonly orderInfo?: OrderInfoInput | undefined;
  /** The shipping option to choose; the first the bot offers by default. */
  readonly shippingOptionId?: string | undefined;
  /** How long to wait for each of the bot's answers, in ms (2000 by default). */
  readonly timeoutMs?: number | undefined;
}

/** What to wait for: the text (exact or a pattern), the chat, and how long. */
export interface MessageExpectation {
  readonly text?: string | RegExp | undefined;
  /** The chat to watch; the chat of this user's last action by default. */
  readonly chat?: Destination | undefined;
  /** How long to wait, in ms (2000 by default). */
  readonly timeoutMs?: number | undefined;
}

/** A file a user sends. */
export interface FileInput {
  readonly data?: Uint8Array | undefined;
  readonly fileId?: string | undefined;
  readonly fileName?: string | undefined;
  readonly mimeType?: string | undefined;
}

/** A poll a user composes, as Telegram's poll editor produces it. */
export interface PollInput {
  readonly question: string;
  /** The answer options (2 to 12). */
  readonly options: readonly string[];
  /** `regular` (the default) or `quiz`. */
  readonly type?: 'regular' | 'quiz' | undefined;
  /** True by default, as in Telegram's editor. */
  readonly is_anonymous?: boolean | undefined;
  readonly allows_multiple_answers?: boolean | undefined;
  /** Required for quizzes: the index of the right option. */
  readonly correct_option_id?: number | undefined;
}

/** The JSON details of a Passport element (e.g. `first_name`, `document_no`), as the user fills them in. */
export type PassportDetails = Readonly<Record<string, JsonValue>>;

/** Documents with a front side, an optional selfie and optional translated pages. */
interface PassportDocumentInput {
  readonly data: PassportDetails;
  /** The scan's bytes (stored encrypted). */
  readonly front_side: Uint8Array;
  readonly selfie?: Uint8Array | undefined;
  readonly translation?: readonly Uint8Array[] | undefined;
}

/**
 * One Telegram Passport element a user shares; the parts mirror EncryptedPassportElement, in
 * clear (the emulator encrypts them).
 */
export type PassportElementInput =
  | { readonly type: 'personal_details' | 'address'; readonly data: PassportDetails }
  | ({ readonly type: 'passport' | 'internal_passport' } & PassportDocumentInput)
  | ({
      readonly type: 'driver_license' | 'identity_card';
      readonly reverse_side?: Uint8Array | undefined;
    } & PassportDocumentInput)
  | {
      readonly type:
        | 'utility_bill'
        | 'bank_statement'
        | 'rental_agreement'
        | 'passport_registration'
        | 'temporary_registration';
      /** The scans (at least one). */
      readonly files: readonly Uint8Array[];
      readonly translation?: readonly Uint8Array[] | undefined;
    }
  | { readonly type: 'phone_number'; readonly phone_number: string }
  | { readonly type: 'email'; readonly email: string };

function scanSpec(data: Uint8Array): JsonValue {
  return { data_base64: Buffer.from(data).toString('base64') };
}

/** An element as control-API JSON: scans (single or listed) become `{ data_base64 }`. */
function passportSpec(element: PassportElementInput): JsonValue {
  const spec: Record<string, JsonValue> = {};
  for (const [name, value] of Object.entries(element) as [string, unknown][]) {
    if (value === undefined) continue;
    if (value instanceof Uint8Array) spec[name] = scanSpec(value);
    else if (Array.isArray(value)) spec[name] = value.map((scan: Uint8Array) => scanSpec(scan));
    else spec[name] = value as JsonValue;
  }
  return spec;
}

function pollSpec(poll: PollInput): JsonValue {
  return {
    question: poll.question,
    options: [...poll.options],
    type: poll.type,
    is_anonymous: poll.is_anonymous,
    allows_multiple_answers: poll.allows_multiple_answers,
    correct_option_id: poll.correct_option_id,
  };
}

/** Optional parts of a sent message. */
export interface SendOptions {
  readonly replyToMessageId?: number | undefined;
  /** The forum topic to post in. */
  readonly messageThreadId?: number | undefined;
  /**
   * Formatting of the text (bold, links...), as Telegram's app makes it; offsets count in the
   * text as given, before the app trims it.
   */
  readonly entities?: readonly MessageEntityInput[] | undefined;
}

/** A formatting entity of a text a user sends. */
export interface MessageEntityInput {
  readonly type: string;
  readonly offset: number;
  readonly length: number;
  readonly url?: string | undefined;
  readonly language?: string | undefined;
  /** For `text_mention`: the user mentioned (the emulator fills in the rest of the User). */
  readonly user?: { readonly id: number } | undefined;
  readonly custom_emoji_id?: string | undefined;
}

function isBot(destination: Destination): destination is BotInfo {
  return 'token' in destination;
}

function matches(message: MessageJSON | null, text: string | RegExp | undefined): boolean {
  if (message === null) return false;
  if (text === undefined) return true;
  const content = message.text ?? message.caption ?? '';
  return typeof text === 'string' ? content === text : text.test(content);
}

function fileSpec(file: FileInput): JsonValue {
  return {
    data_base64: file.data === undefined ? undefined : Buffer.from(file.data).toString('base64'),
    file_id: file.fileId,
    file_name: file.fileName,
    mime_type: file.mimeType,
  };
}

/** A simulated Telegram user. */
export class SimulatedUser {
  readonly id: number;
  readonly firstName: string;
  readonly username: string | undefined;
  /** The user as the Bot API shows it. */
  readonly json: UserJSON;
  readonly #client: ControlClient;
  #lastChat: ChatRef | undefined;
  readonly #cursors = new Map<string, number>();

  constructor(client: ControlClient, json: UserJSON) {
    this.#client = client;
    this.json = json;
    this.id = json.id;
    this.firstName = json.first_name;
    this.username = json.username;
  }

  /** The private chat of this user with a bot. */
  chatWith(bot: BotInfo): ChatRef {
    return { id: this.id, type: 'private', botId: bot.id };
  }

  #ref(destination: Destination): ChatRef {
    const chat = isBot(destination) ? this.chatWith(destination) : destination;
    this.#lastChat = chat;
    return chat;
  }

  #where(destination: Destination): { chat_id: number; bot_id: number | undefined } {
    const chat = this.#ref(destination);
    return { chat_id: chat.id, bot_id: chat.botId };
  }

  #chatOfMessage(message: MessageJSON): { chat_id: number; bot_id: number | undefined } {
    const chat = message.chat;
    let botId: number | undefined;
    if (chat.type === 'private') {
      const via = message.via_bot as UserJSON | undefined;
      botId = message.from?.is_bot === true ? message.from.id : (via?.id ?? this.#lastChat?.botId);
    }
    const ref: ChatRef = { id: chat.id, type: chat.type as ChatRef['type'], botId };
    this.#lastChat = ref;
    return { chat_id: ref.id, bot_id: ref.botId };
  }

  #send(destination: Destination, content: Record<string, JsonValue | undefined>): Promise<MessageJSON> {
    return this.#client.call<MessageJSON>('POST', 'send', {
      user_id: this.id,
      ...this.#where(destination),
      ...content,
    });
  }

  /** Sends a text message to a bot (its private chat) or a chat. */
  sendMessage(to: Destination, text: string, options: SendOptions = {}): Promise<MessageJSON> {
    return this.#send(to, {
      text,
      reply_to_message_id: options.replyToMessageId,
      message_thread_id: options.messageThreadId,
      entities: options.entities?.map((entity) => ({
        ...entity,
        user: entity.user === undefined ? undefined : { id: entity.user.id },
      })),
    });
  }

  /** Sends a command such as `/start payload`; the emulator marks it as a bot_command entity. */
  sendCommand(to: Destination, command: string): Promise<MessageJSON> {
    return this.sendMessage(to, command.startsWith('/') ? command : `/${command}`);
  }

  /** Sends a photo (bytes or a file_id). */
  sendPhoto(to: Destination, photo: FileInput, caption?: string): Promise<MessageJSON> {
    return this.#send(to, { photo: fileSpec(photo), caption });
  }

  /** Sends a document. */
  sendDocument(to: Destination, document: FileInput, caption?: string): Promise<MessageJSON> {
    return this.#send(to, { document: fileSpec(document), caption });
  }

  /** Sends a location. */
  sendLocation(to: Destination, latitude: number, longitude: number): Promise<MessageJSON> {
    return this.#send(to, { location: { latitude, longitude } });
  }

  /** Sends a contact card. */
  sendContact(
    to: Destination,
    contact: { phone_number: string; first_name: string; last_name?: string },
  ): Promise<MessageJSON> {
    return this.#send(to, { contact: { ...contact } });
  }

  /** Sends a poll or a quiz of the user's own; the bot gets a message with its `poll`. */
  sendPoll(to: Destination, poll: PollInput): Promise<MessageJSON> {
    return this.#send(to, { poll: pollSpec(poll) });
  }

  /**
   * Shares Telegram Passport elements with a bot, answering its request that carried `nonce`.
   * The emulator encrypts them as Telegram does, for the public key registered with
   * `emu.setPassportKey`; the bot gets a message with `passport_data` in the private chat.
   *
   * @example
   * await alice.sendPassportData(bot, nonce, [
   *   { type: 'personal_details', data: { first_name: 'Alice', last_name: 'Liddell' } },
   *   { type: 'email', email: 'alice@example.org' },
   * ]);
   */
  sendPassportData(
    bot: BotInfo,
    nonce: string,
    elements: readonly PassportElementInput[],
  ): Promise<MessageJSON> {
    return this.#client.call('POST', 'passport', {
      user_id: this.id,
      ...this.#where(bot),
      nonce,
      elements: elements.map(passportSpec),
    });
  }

  /**
   * The custom keyboard the bot currently shows this user in a chat (the last one used by
   * default), or undefined; see {@link keyboardState} for whether it is collapsed.
   */
  async keyboard(chat?: Destination): Promise<ReplyKeyboardJSON | undefined> {
    const where = chat === undefined ? this.#lastWhere() : this.#where(chat);
    const markup = await this.#client.call<ReplyKeyboardJSON | null>('GET', 'keyboard', {
      user_id: this.id,
      ...where,
    });
    return markup ?? undefined;
  }

  /**
   * The custom keyboard this user's app holds in a chat (the last one used by default) and
   * whether it is collapsed: a one-time keyboard collapses after a press but stays until the bot
   * replaces or removes it, and its buttons can still be pressed. Undefined when there is none.
   */
  async keyboardState(chat?: Destination): Promise<KeyboardState | undefined> {
    const where = chat === undefined ? this.#lastWhere() : this.#where(chat);
    const state = await this.#client.call<KeyboardState | null>('GET', 'keyboard_state', {
      user_id: this.id,
      ...where,
    });
    return state ?? undefined;
  }

  /**
   * Presses a button of the bot's custom keyboard: sends its text, or a contact or location for
   * request buttons. A `request_poll` button sends the poll the user composes, given as `poll`.
   *
   * @example
   * await user.pressKeyboardButton('Press me!', bot, { poll: { question: 'Tea?', options: ['Yes', 'No'] } });
   */
  pressKeyboardButton(
    text: string,
    chat?: Destination,
    options: { readonly poll?: PollInput | undefined } = {},
  ): Promise<MessageJSON> {
    const where = chat === undefined ? this.#lastWhere() : this.#where(chat);
    const poll = options.poll === undefined ? undefined : pollSpec(options.poll);
    return this.#client.call('POST', 'press_key', { user_id: this.id, ...where, text, poll });
  }

  /**
   * Opens the web app of the reply-keyboard button with this text and sends `data` back from
   * the page (Telegram's `Telegram.WebApp.sendData`); the bot gets a message with `web_app_data`.
   * Web app buttons live in private chats: the chat is the bot's (the last one used by default).
   */
  sendWebAppData(buttonText: string, data: string, chat?: Destination): Promise<MessageJSON> {
    const where = chat === undefined ? this.#lastWhere() : this.#where(chat);
    return this.#client.call('POST', 'web_app_data', {
      user_id: this.id,
      ...where,
      button_text: buttonText,
      data,
    });
  }

  #lastWhere(): { chat_id: number; bot_id: number | undefined } {
    const chat = this.#lastChat;
    if (chat === undefined) throw new Error('no chat given and the user has not acted yet');
    return { chat_id: chat.id, bot_id: chat.botId };
  }

  /** Edits the text (or caption) of one of this user's messages. */
  editMessage(message: MessageJSON, text: string): Promise<MessageJSON> {
    return this.#client.call('POST', 'edit', {
      user_id: this.id,
      ...this.#chatOfMessage(message),
      message_id: message.message_id,
      text,
    });
  }

  /** Deletes one of this user's messages. */
  async deleteMessage(message: MessageJSON): Promise<void> {
    await this.#client.call('POST', 'delete', {
      user_id: this.id,
      ...this.#chatOfMessage(message),
      message_id: message.message_id,
    });
  }

  /** Sets this user's reactions on a message. */
  async react(message: MessageJSON, emoji: readonly string[]): Promise<void> {
    await this.#client.call('POST', 'react', {
      user_id: this.id,
      ...this.#chatOfMessage(message),
      message_id: message.message_id,
      emoji: [...emoji],
    });
  }

  /**
   * Presses the inline button with this text (or `{ data }`) under a bot's message. Resolves to
   * the bot's answer (answerCallbackQuery), or undefined when it did not answer in time.
   */
  async clickButton(
    message: MessageJSON,
    button: string | { data: string },
    options: { timeoutMs?: number } = {},
  ): Promise<CallbackAnswer | undefined> {
    const result = await this.#client.call<{ answer: CallbackAnswer | null; url: string | null }>(
      'POST',
      'click',
      {
        user_id: this.id,
        ...this.#chatOfMessage(message),
        message_id: message.message_id,
        text: typeof button === 'string' ? button : undefined,
        data: typeof button === 'string' ? undefined : button.data,
        timeout_ms: options.timeoutMs,
      },
    );
    if (result.url !== null) return { url: result.url };
    return result.answer ?? undefined;
  }

  /** Types an inline query to a bot; resolves to its answer, or undefined on timeout. */
  async inlineQuery(
    bot: BotInfo,
    query: string,
    options: { offset?: string; timeoutMs?: number } = {},
  ): Promise<InlineAnswer | undefined> {
    const result = await this.#client.call<{
      inline_query_id: string;
      answer: { results: InlineAnswer['results']; next_offset?: string } | null;
    }>('POST', 'inline_query', {
      user_id: this.id,
      bot_id: bot.id,
      query,
      offset: options.offset,
      timeout_ms: options.timeoutMs,
    });
    if (result.answer === null) return undefined;
    return {
      queryId: result.inline_query_id,
      botId: bot.id,
      results: result.answer.results,
      nextOffset: result.answer.next_offset,
    };
  }

  /** Picks a result of an answered inline query, posting it in a chat (the bot's private chat by default). */
  chooseInlineResult(answer: InlineAnswer, resultId: string, chat?: Destination): Promise<MessageJSON> {
    const where =
      chat === undefined
        ? this.#where({ id: this.id, type: 'private', botId: answer.botId })
        : this.#where(chat);
    return this.#client.call('POST', 'choose_inline_result', {
      user_id: this.id,
      inline_query_id: answer.queryId,
      result_id: resultId,
      ...where,
    });
  }

  /** Votes in the poll of a message (an empty list retracts the vote). */
  vote(message: MessageJSON, optionIds: readonly number[]): Promise<unknown> {
    return this.#client.call('POST', 'vote', {
      user_id: this.id,
      ...this.#chatOfMessage(message),
      message_id: message.message_id,
      option_ids: [...optionIds],
    });
  }

  /** Joins a group, supergroup or channel. */
  async join(chat: ChatRef): Promise<void> {
    await this.#client.call('POST', 'join', { user_id: this.id, chat_id: chat.id });
    this.#lastChat = chat;
  }

  /** Leaves a chat. */
  async leave(chat: ChatRef): Promise<void> {
    await this.#client.call('POST', 'leave', { user_id: this.id, chat_id: chat.id });
  }

  /** Asks to join a chat; its administrator bots get `chat_join_request`. */
  async requestToJoin(chat: ChatRef): Promise<void> {
    await this.#client.call('POST', 'join_request', { user_id: this.id, chat_id: chat.id });
  }

  /** Blocks a bot: its sends to this user then fail with 403. */
  async block(bot: BotInfo): Promise<void> {
    await this.#client.call('POST', 'block', { user_id: this.id, bot_id: bot.id });
  }

  /** Unblocks a bot. */
  async unblock(bot: BotInfo): Promise<void> {
    await this.#client.call('POST', 'unblock', { user_id: this.id, bot_id: bot.id });
  }

  /**
   * Pays the invoice of a message, going through the shipping and pre-checkout queries. The
   * details the invoice asks for (`need_name`, `need_phone_number`, `need_email`,
   * `need_shipping_address`) come from `orderInfo`; what it leaves out gets a default made from
   * this user (its name, a phone number, an email address, an address in Springfield, US).
   *
   * @example
   * await alice.pay(invoice, { orderInfo: { email: 'alice@example.org' }, shippingOptionId: 'courier' });
   */
  pay(message: MessageJSON, options: PayOptions = {}): Promise<PaymentResult> {
    const info = options.orderInfo;
    return this.#client.call('POST', 'pay', {
      user_id: this.id,
      ...this.#chatOfMessage(message),
      message_id: message.message_id,
      order_info:
        info === undefined
          ? undefined
          : {
              name: info.name,
              phone_number: info.phone_number,
              email: info.email,
              shipping_address:
                info.shipping_address === undefined ? undefined : { ...info.shipping_address },
            },
      shipping_option_id: options.shippingOptionId,
      timeout_ms: options.timeoutMs,
    });
  }

  async #next(kind: 'message' | 'edit', expectation: MessageExpectation): Promise<MessageJSON> {
    const chat = expectation.chat === undefined ? this.#lastChat : this.#ref(expectation.chat);
    if (chat === undefined) throw new Error('expectMessage: no chat given and the user has not acted yet');
    const key = `${kind}:${chat.id}:${chat.botId ?? ''}`;
    const timeoutMs = expectation.timeoutMs ?? 2000;
    const deadline = Date.now() + timeoutMs;
    const seen: string[] = [];
    for (;;) {
      const remaining = deadline - Date.now();
      const entry =
        remaining <= 0
          ? null
          : await this.#client.call<TranscriptEntryJSON | null>('GET', 'wait', {
              chat_id: chat.id,
              bot_id: chat.botId,
              after_seq: this.#cursors.get(key) ?? 0,
              after_user_id: this.id,
              kind,
              timeout_ms: remaining,
            });
      if (entry === null) {
        const what = expectation.text === undefined ? 'any text' : String(expectation.text);
        const others = seen.length === 0 ? 'none' : seen.map((text) => JSON.stringify(text)).join(', ');
        throw new Error(
          `no bot ${kind} matching ${what} within ${timeoutMs} ms (other ${kind}s seen: ${others})`,
        );
      }
      this.#cursors.set(key, entry.seq);
      if (matches(entry.message, expectation.text) && entry.message !== null) return entry.message;
      seen.push(entry.summary);
    }
  }

  /**
   * Waits for a bot's message in a chat whose text (or caption) matches. Only messages after this
   * user's latest message in the chat count, and each is consumed once, in order: later calls see
   * only later messages; non-matching ones are skipped.
   */
  expectMessage(expectation: MessageExpectation = {}): Promise<MessageJSON> {
    return this.#next('message', expectation);
  }

  /** Waits for the bot's next edit of a message in a chat; resolves to the edited message. */
  expectEdit(expectation: MessageExpectation = {}): Promise<MessageJSON> {
    return this.#next('edit', expectation);
  }

  /** Resolves when the bot sends no new message in the chat for `timeoutMs`; rejects otherwise. */
  async expectNoMessage(expectation: Omit<MessageExpectation, 'text'> = {}): Promise<void> {
    let message: MessageJSON | undefined;
    try {
      message = await this.#next('message', expectation);
    } catch {
      return;
    }
    throw new Error(`expected no bot message, got ${JSON.stringify(message.text ?? message.caption ?? '')}`);
  }
}

/** Makes a chat handle from the chat JSON returned by the control API. */
export function chatRef(chat: ChatJSON): ChatRef {
  return { id: chat.id, type: chat.type as ChatRef['type'], title: chat.title };
}
