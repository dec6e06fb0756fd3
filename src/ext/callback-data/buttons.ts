/**
 * The objects that carry arbitrary callback data: {@link CallbackDataButton}, an inline keyboard
 * button whose data is any value, and the callback query whose `data` the cache restored.
 */
import type { Bot } from '../../bot.js';
import {
  CallbackQuery,
  type CallbackQueryInit,
  InlineKeyboardButton,
  type InlineKeyboardButtonInit,
} from '../../generated/types.js';

/** The fields of a {@link CallbackDataButton} besides its text and data. */
export type CallbackDataButtonOptions = Omit<InlineKeyboardButtonInit, 'text' | 'callback_data'>;

/**
 * An inline keyboard button whose callback data is any storable value (an object, an array, a
 * number, a string, ...) instead of a string of at most 64 bytes. The application's bot, built with
 * `arbitraryCallbackData(true)`, stores {@link value} and sends a short id in its place; when the
 * button is pressed, `callback_query.data` is the value again.
 *
 * Incoming messages with such keyboards carry these buttons too: there {@link value} is the
 * restored data (an {@link InvalidCallbackData} when the cache no longer knows the id) and
 * `callback_data` the id Telegram sent.
 *
 * @example
 * ```ts
 * const markup = new InlineKeyboardMarkup([[callbackButton('Buy', { item: 42, price: 9.99 })]]);
 * await context.bot.sendMessage(chatId, 'Choose:', { reply_markup: markup });
 * ```
 */
export class CallbackDataButton extends InlineKeyboardButton {
  /** The button's data: what `callback_query.data` is when it is pressed. */
  declare readonly value: unknown;

  constructor(
    text: string,
    value: unknown,
    options: CallbackDataButtonOptions & { callback_data?: string } = {},
  ) {
    super(text, options);
    Object.defineProperty(this, 'value', { value, enumerable: false });
    if (new.target === CallbackDataButton) Object.freeze(this);
  }

  /** The wire form: the id Telegram sent, or else the value itself (what the bot's cache replaces). */
  override toJSON(): Record<string, unknown> {
    const json = super.toJSON();
    if (json.callback_data === undefined) json.callback_data = this.value;
    return json;
  }

  protected override _idValues(): readonly unknown[] {
    return [this.text, this.url, this.callback_data, this.switch_inline_query, this.pay, this.value];
  }
}

/**
 * An inline keyboard button with arbitrary callback data (see {@link CallbackDataButton}); needs
 * an application built with `arbitraryCallbackData(true)` (or an `ExtBot` with a callback data
 * cache).
 *
 * @example
 * ```ts
 * InlineKeyboardMarkup.fromColumn([1, 2, 3].map((i) => callbackButton(String(i), [i, chosen])));
 * ```
 */
export function callbackButton(
  text: string,
  data: unknown,
  options: CallbackDataButtonOptions = {},
): CallbackDataButton {
  if ('callback_data' in options) {
    throw new TypeError(
      'callbackButton(text, data, options): pass the data as the second argument, not as options.callback_data',
    );
  }
  return new CallbackDataButton(text, data, options);
}

/** A callback query whose `data` is the value the cache restored (PTB replaces `data` in place). */
export class RestoredCallbackQuery extends CallbackQuery {
  constructor(init: CallbackQueryInit, data: unknown, bot: Bot | undefined) {
    super(init, bot);
    // `data` keeps the declared type of CallbackQuery (a string); read it through callbackDataOf().
    if (data !== undefined) Object.defineProperty(this, 'data', { value: data, enumerable: true });
    if (new.target === RestoredCallbackQuery) Object.freeze(this);
  }
}

/**
 * The data of a callback query, typed as what it is with arbitrary callback data: any value (the
 * one stored with the button), an {@link InvalidCallbackData} when the cache no longer knows the
 * button, or `undefined` for a game query. Without arbitrary callback data it is the string data.
 *
 * @example
 * ```ts
 * const data = callbackDataOf(update.callback_query);
 * if (data instanceof InvalidCallbackData) return;
 * const [number, list] = data as [number, number[]];
 * ```
 */
export function callbackDataOf(query: CallbackQuery): unknown {
  return query.data;
}
