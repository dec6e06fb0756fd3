/**
 * The arbitrary callback data cache (PTB's `CallbackDataCache`): stores the data of inline
 * keyboard buttons under short ids the bot sends instead, and gives the data back when a button is
 * pressed. Least recently used keyboards and callback queries are dropped beyond `maxsize`.
 */
import { randomBytes } from 'node:crypto';
import { isRecord } from '../../base/field-check.js';
import type { Bot } from '../../bot.js';
import { TelegramError } from '../../errors.js';
import {
  type CallbackQuery,
  type CallbackQueryInit,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
} from '../../generated/types.js';
import type { PersistedCallbackData } from '../persistence/base.js';
import { CallbackDataButton, RestoredCallbackQuery } from './buttons.js';

/**
 * The data of a pressed button is not (or no longer) in the cache: it was dropped (LRU, `/clear`,
 * {@link CallbackDataCache.dropData}), lost in a restart without persistence, or the id was
 * forged. It stands in for `callback_query.data` and for the data of buttons of incoming
 * messages.
 *
 * @example
 * ```ts
 * app.addHandler(new CallbackQueryHandler(onExpired, { pattern: InvalidCallbackData }));
 * ```
 */
export class InvalidCallbackData extends TelegramError {
  /** The id that was not found, as the button carried it. */
  readonly callbackData: string | undefined;

  constructor(callbackData?: string) {
    super('The object belonging to this callback_data was deleted or the callback_data was manipulated.');
    this.name = 'InvalidCallbackData';
    this.callbackData = callbackData;
  }
}

/** Options of {@link CallbackDataCache}. */
export interface CallbackDataCacheOptions {
  /** The most keyboards and the most callback queries kept (each); default 1024, as PTB. */
  readonly maxsize?: number | undefined;
  /** Data to start with, as {@link CallbackDataCache.persistenceData} gave it. */
  readonly persistentData?: PersistedCallbackData | null | undefined;
  /** The clock, epoch milliseconds (tests); default `Date.now`. */
  readonly now?: (() => number) | undefined;
}

/** Anything an inline keyboard may be given as: the class or its JSON (with any callback data). */
export type ArbitraryInlineKeyboard =
  | InlineKeyboardMarkup
  | {
      readonly inline_keyboard: ReadonlyArray<
        ReadonlyArray<InlineKeyboardButton | Readonly<Record<string, unknown>>>
      >;
      readonly [field: string]: unknown;
    };

interface Keyboard {
  accessTime: number;
  readonly buttons: Record<string, unknown>;
}

/** Length of a keyboard id: 16 random bytes in base64url. */
const KEYBOARD_ID_LENGTH = 22;

function newId(bytes: number): string {
  return randomBytes(bytes).toString('base64url');
}

/** Throws when `value` holds something no persistence stores: a function or a symbol. */
function assertStorable(value: unknown, where: string): void {
  const seen = new Set<object>();
  const walk = (item: unknown, path: string): void => {
    if (typeof item === 'function' || typeof item === 'symbol') {
      throw new TypeError(
        `${where}: the callback data holds a ${typeof item}${path === '' ? '' : ` at ${path}`}; arbitrary callback data must be storable data (objects, arrays, numbers, strings, ...): store what the ${typeof item} needs instead and act on it in the CallbackQueryHandler`,
      );
    }
    if (typeof item !== 'object' || item === null || seen.has(item)) return;
    seen.add(item);
    if (item instanceof Map) {
      for (const [key, inner] of item) {
        walk(key, `${path}<key>`);
        walk(inner, `${path}.get(${String(key)})`);
      }
    } else if (item instanceof Set) {
      for (const inner of item) walk(inner, `${path}<item>`);
    } else if (Array.isArray(item)) {
      for (const [i, inner] of item.entries()) walk(inner, `${path}[${i}]`);
    } else {
      for (const key of Object.keys(item)) walk((item as Record<string, unknown>)[key], `${path}.${key}`);
    }
  };
  walk(value, '');
}

/**
 * Stores the callback data of inline keyboards (PTB's `CallbackDataCache`). The application's
 * bot owns one when built with `arbitraryCallbackData(true)` (or a maxsize): it passes every
 * outgoing inline keyboard through {@link processKeyboard} and every incoming message and
 * callback query through {@link processMessage} and {@link processCallbackQuery}. Two LRU maps of
 * at most `maxsize` entries each: keyboards (with their buttons' data) by keyboard id, and
 * callback query ids to keyboard ids (for {@link dropData}).
 *
 * A button's id is the keyboard's id (22 characters) followed by the button's (8), 30 bytes in
 * all, well within Telegram's 64. Every button with callback data goes through the cache, strings
 * included, so one handler sees the same kind of data for every button.
 *
 * @example
 * ```ts
 * const app = Application.builder().token(token).arbitraryCallbackData(true).build();
 * // later, in a handler:
 * context.bot.callbackDataCache?.clearCallbackData(Date.now() / 1000 - 3600); // older than an hour
 * ```
 */
export class CallbackDataCache {
  /** The bot the cache is for; its id tells the bot's own messages from others'. */
  readonly bot: Bot | undefined;
  readonly #maxsize: number;
  readonly #now: () => number;
  readonly #keyboards = new Map<string, Keyboard>();
  readonly #queries = new Map<string, string>();
  #changes = 0;

  constructor(bot?: Bot, options: CallbackDataCacheOptions = {}) {
    const maxsize = options.maxsize ?? 1024;
    if (!Number.isSafeInteger(maxsize) || maxsize < 1) {
      throw new RangeError(`CallbackDataCache: maxsize must be a positive integer, got ${String(maxsize)}`);
    }
    this.bot = bot;
    this.#maxsize = maxsize;
    this.#now = options.now ?? Date.now;
    if (options.persistentData) this.loadPersistenceData(options.persistentData);
  }

  /** The most keyboards (and the most callback queries) kept. */
  get maxsize(): number {
    return this.#maxsize;
  }

  /**
   * A counter that grows with every change to the cache; the application writes
   * {@link persistenceData} when it moved since the last write.
   */
  get changes(): number {
    return this.#changes;
  }

  /** How many keyboards and callback queries the cache holds. */
  get size(): { readonly keyboards: number; readonly queries: number } {
    return { keyboards: this.#keyboards.size, queries: this.#queries.size };
  }

  /**
   * Adds stored data (as {@link persistenceData} gave it) to the cache, oldest first. The
   * application calls it at initialize with what the persistence returned.
   */
  loadPersistenceData(data: PersistedCallbackData): void {
    for (const [queryId, keyboardId] of Object.entries(data.queries)) this.#putQuery(queryId, keyboardId);
    for (const [id, accessTime, buttons] of data.keyboards) {
      this.#putKeyboard(id, { accessTime: accessTime * 1000, buttons: { ...buttons } });
    }
    this.#changes++;
  }

  /**
   * What a persistence stores to keep buttons working across restarts: the keyboards, least
   * recently used first, with their last use in epoch seconds, and the callback query ids.
   */
  get persistenceData(): PersistedCallbackData {
    return {
      keyboards: [...this.#keyboards].map(
        ([id, keyboard]) => [id, keyboard.accessTime / 1000, { ...keyboard.buttons }] as const,
      ),
      queries: Object.fromEntries(this.#queries),
    };
  }

  /**
   * Stores the data of every button of the keyboard that has callback data and returns a new
   * keyboard with ids in their place (the given one is not changed). A keyboard without callback
   * data comes back as it is. Throws a TypeError for data holding a function or a symbol.
   *
   * @example
   * ```ts
   * const sent = cache.processKeyboard(new InlineKeyboardMarkup([[callbackButton('A', { a: 1 })]]));
   * sent.inline_keyboard[0]?.[0]?.callback_data; // a 30-character id
   * ```
   */
  processKeyboard(markup: ArbitraryInlineKeyboard): InlineKeyboardMarkup {
    const keyboardId = newId(16);
    const buttons: Record<string, unknown> = {};
    let replaced = false;
    const rows = markup.inline_keyboard.map((row, r) =>
      row.map((button, c) => {
        const hasValue = button instanceof CallbackDataButton;
        const data = hasValue ? button.value : (button as { readonly callback_data?: unknown }).callback_data;
        if (data === undefined || data === null) return button;
        const label = (button as { readonly text?: unknown }).text;
        assertStorable(data, `inline keyboard button ${JSON.stringify(label)} (row ${r}, column ${c})`);
        let buttonId = newId(6);
        while (buttonId in buttons) buttonId = newId(6);
        buttons[buttonId] = data;
        replaced = true;
        const json =
          button instanceof InlineKeyboardButton
            ? button.toJSON()
            : Object.fromEntries(Object.entries(button).filter(([, v]) => v !== undefined));
        return new InlineKeyboardButton({
          ...(json as { text: string }),
          callback_data: `${keyboardId}${buttonId}`,
        });
      }),
    );
    if (!replaced) {
      return markup instanceof InlineKeyboardMarkup ? markup : new InlineKeyboardMarkup(markup as never);
    }
    this.#putKeyboard(keyboardId, { accessTime: this.#now(), buttons });
    const rest = markup instanceof InlineKeyboardMarkup ? markup.toJSON() : { ...markup };
    return new InlineKeyboardMarkup({ ...(rest as object), inline_keyboard: rows } as never);
  }

  /** The keyboard id and button id of a button's callback data (PTB's `extract_uuids`). */
  static extractIds(callbackData: string): readonly [keyboardId: string, buttonId: string] {
    return [callbackData.slice(0, KEYBOARD_ID_LENGTH), callbackData.slice(KEYBOARD_ID_LENGTH)];
  }

  /**
   * Restores the data of the inline keyboard of a message as it arrived (its JSON, before it is
   * made a `Message`), in place: each button with callback data becomes a
   * {@link CallbackDataButton} whose `value` is the stored data, or an
   * {@link InvalidCallbackData}. Messages another bot sent (by `via_bot`, else `from`) are left
   * alone. `reply_to_message` and `pinned_message` are not looked into; pass them separately.
   * Returns the keyboard's id when it was found.
   *
   * @example
   * ```ts
   * const json = await bot.callApi('getChat', { chat_id }); // raw JSON
   * if (json.pinned_message) cache.processMessage(json.pinned_message);
   * ```
   */
  processMessage(message: Record<string, unknown>): string | undefined {
    const markup = message.reply_markup;
    if (!isRecord(markup) || !Array.isArray(markup.inline_keyboard)) return undefined;
    const sender = isRecord(message.via_bot) ? message.via_bot : message.from;
    const ownId = this.#botId();
    if (isRecord(sender) && ownId !== undefined && sender.id !== ownId) return undefined;
    let found: string | undefined;
    const rows = (markup.inline_keyboard as unknown[]).map((row) => {
      if (!Array.isArray(row)) return row;
      return row.map((button: unknown) => {
        if (!isRecord(button) || typeof button.callback_data !== 'string' || button.callback_data === '')
          return button;
        const [keyboardId, data] = this.#lookup(button.callback_data);
        if (found === undefined && keyboardId !== undefined) found = keyboardId;
        const { text, ...rest } = button;
        return new CallbackDataButton(String(text), data, rest);
      });
    });
    message.reply_markup = { ...markup, inline_keyboard: rows };
    return found;
  }

  /**
   * Restores a callback query as it arrived (its JSON): the result's `data` is the stored data
   * (an {@link InvalidCallbackData} when unknown), and the keyboard of its message (and of the
   * message's `pinned_message` and `reply_to_message`) is restored as {@link processMessage} does.
   * The query's id is remembered with its keyboard for {@link dropData}.
   *
   * @example
   * ```ts
   * const query = cache.processCallbackQuery(rawUpdate.callback_query, bot);
   * query.data; // the stored value
   * ```
   */
  processCallbackQuery(query: Record<string, unknown>, bot?: Bot): CallbackQuery {
    let data: unknown = query.data;
    if (typeof query.data === 'string' && query.data !== '') {
      const [keyboardId, restored] = this.#lookup(query.data);
      data = restored;
      if (keyboardId !== undefined && typeof query.id === 'string') this.#putQuery(query.id, keyboardId);
    }
    const message = query.message;
    if (isRecord(message)) {
      this.processMessage(message);
      for (const inner of [message.pinned_message, message.reply_to_message]) {
        if (isRecord(inner)) this.processMessage(inner);
      }
    }
    return new RestoredCallbackQuery(query as unknown as CallbackQueryInit, data, bot ?? this.bot);
  }

  /**
   * Drops the data of the keyboard a callback query came from (PTB's `drop_data`), once its
   * buttons were replaced or removed. Throws when the cache does not know the query.
   *
   * @example
   * ```ts
   * await query.editMessageText('Done');
   * cache.dropData(query);
   * ```
   */
  dropData(callbackQuery: Pick<CallbackQuery, 'id'>): void {
    const keyboardId = this.#queries.get(callbackQuery.id);
    if (keyboardId === undefined) {
      throw new Error(
        `CallbackQuery ${callbackQuery.id} was not found in the callback data cache (its data was dropped already, or its button had no cached data)`,
      );
    }
    this.#queries.delete(callbackQuery.id);
    this.#keyboards.delete(keyboardId);
    this.#changes++;
  }

  /**
   * Drops stored keyboards: all of them, or those last used before `timeCutoff` (a Date, or epoch
   * seconds as in PTB).
   *
   * @example
   * ```ts
   * cache.clearCallbackData(new Date(Date.now() - 24 * 3600_000)); // unused for a day
   * ```
   */
  clearCallbackData(timeCutoff?: Date | number): void {
    if (timeCutoff === undefined) {
      this.#keyboards.clear();
    } else {
      const cutoff = timeCutoff instanceof Date ? timeCutoff.getTime() : timeCutoff * 1000;
      if (Number.isNaN(cutoff)) throw new RangeError('clearCallbackData: timeCutoff is not a valid time');
      for (const [id, keyboard] of this.#keyboards)
        if (keyboard.accessTime < cutoff) this.#keyboards.delete(id);
    }
    this.#changes++;
  }

  /** Forgets every callback query id (their keyboards stay). */
  clearCallbackQueries(): void {
    this.#queries.clear();
    this.#changes++;
  }

  #botId(): number | undefined {
    try {
      return this.bot?.id;
    } catch {
      return undefined;
    }
  }

  /** The keyboard id and the data of a button's id; an InvalidCallbackData when unknown. */
  #lookup(callbackData: string): [string | undefined, unknown] {
    const [keyboardId, buttonId] = CallbackDataCache.extractIds(callbackData);
    const keyboard = this.#keyboards.get(keyboardId);
    if (keyboard === undefined || !Object.hasOwn(keyboard.buttons, buttonId)) {
      return [undefined, new InvalidCallbackData(callbackData)];
    }
    keyboard.accessTime = this.#now();
    // Most recently used last: the LRU drops from the front.
    this.#keyboards.delete(keyboardId);
    this.#keyboards.set(keyboardId, keyboard);
    this.#changes++;
    return [keyboardId, keyboard.buttons[buttonId]];
  }

  #putKeyboard(id: string, keyboard: Keyboard): void {
    this.#keyboards.delete(id);
    this.#keyboards.set(id, keyboard);
    this.#trim(this.#keyboards);
    this.#changes++;
  }

  #putQuery(queryId: string, keyboardId: string): void {
    this.#queries.delete(queryId);
    this.#queries.set(queryId, keyboardId);
    this.#trim(this.#queries);
    this.#changes++;
  }

  #trim(map: Map<string, unknown>): void {
    while (map.size > this.#maxsize) {
      const oldest = map.keys().next();
      if (oldest.done === true) return;
      map.delete(oldest.value);
    }
  }
}
