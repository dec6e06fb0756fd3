/**
 * The bot the application uses: a {@link Bot} that fills in {@link Defaults} and sends its calls
 * through a rate limiter.
 */
import { isRecord } from '../base/field-check.js';
import { TelegramObject } from '../base/telegram-object.js';
import { Bot, type BotOptions, type CallApiOptions } from '../bot.js';
import { METHODS, type MethodMeta, TYPES } from '../generated/metadata.js';
import type { ResultParser } from '../generated/methods.js';
import { CallbackQuery, InlineKeyboardMarkup } from '../generated/types.js';
import type { CallSettings } from '../request/types.js';
import { CallbackDataButton } from './callback-data/buttons.js';
import { type ArbitraryInlineKeyboard, CallbackDataCache } from './callback-data/cache.js';
import type { Defaults } from './defaults.js';
import type { BaseRateLimiter } from './rate-limiter/base.js';

/** Options of {@link ExtBot}: those of {@link Bot} plus the defaults and a rate limiter. */
export interface ExtBotOptions extends BotOptions {
  readonly defaults?: Defaults | undefined;
  /** Every call but getUpdates goes through it; see {@link RateLimiter}. */
  readonly rateLimiter?: BaseRateLimiter | undefined;
  /**
   * Arbitrary callback data (PTB's `arbitrary_callback_data`): `true` for a
   * {@link CallbackDataCache} of 1024 keyboards, a number for that many; `false` (the default)
   * for none.
   */
  readonly arbitraryCallbackData?: boolean | number | undefined;
}

/** How defaults apply to one method: top-level values and parameters holding nested objects. */
interface MethodPlan {
  readonly top: ReadonlyArray<readonly [string, unknown]>;
  readonly replyParameters: boolean;
  readonly nested: ReadonlyArray<readonly [string, readonly string[]]>;
}

const EMPTY_PLAN: MethodPlan = { top: [], replyParameters: false, nested: [] };

function baseTypeName(type: string): string {
  return type.startsWith('Array of ') ? baseTypeName(type.slice(9)) : type;
}

/** Concrete type names a value of these API types may be. */
function concreteTypes(types: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of types) {
    const meta = TYPES[baseTypeName(raw)];
    if (meta === undefined) continue;
    if (meta.subtypes !== undefined) out.push(...concreteTypes(meta.subtypes));
    else out.push(meta.name);
  }
  return out;
}

/**
 * A {@link Bot} that inserts {@link Defaults} into every call whose method (or nested input media,
 * inline results, input message contents, poll options) has the matching parameter, never
 * overriding a value the caller passed (`undefined` counts as not passed).
 *
 * @example
 * ```ts
 * const bot = new ExtBot(token, { defaults: new Defaults({ parseMode: 'MarkdownV2' }) });
 * await bot.sendMessage(chatId, '*bold*'); // parse_mode: 'MarkdownV2'
 * await bot.sendMessage(chatId, '<b>x</b>', { parse_mode: 'HTML' }); // stays HTML
 * ```
 *
 * With a rate limiter, every call but getUpdates waits for it, and each call may pass it
 * `rateLimitArgs` in its settings (the last argument):
 *
 * @example
 * ```ts
 * const bot = new ExtBot(token, { rateLimiter: new RateLimiter() });
 * await bot.sendMessage(chatId, 'hi', {}, { rateLimitArgs: { maxRetries: 3 } });
 * ```
 */
export class ExtBot extends Bot {
  readonly #defaults: Defaults | undefined;
  readonly #rateLimiter: BaseRateLimiter | undefined;
  readonly #values: Readonly<Record<string, unknown>>;
  readonly #plans = new Map<string, MethodPlan>();
  readonly #typeFields = new Map<string, ReadonlyArray<readonly [string, unknown]>>();
  readonly #cache: CallbackDataCache | undefined;

  constructor(token: string, options: ExtBotOptions = {}) {
    super(token, options);
    this.#defaults = options.defaults;
    this.#rateLimiter = options.rateLimiter;
    this.#values = options.defaults?.apiDefaults ?? {};
    const arbitrary = options.arbitraryCallbackData ?? false;
    if (arbitrary !== false) {
      if (arbitrary !== true && (!Number.isSafeInteger(arbitrary) || arbitrary < 1)) {
        throw new TypeError(
          `arbitraryCallbackData must be true, false or a positive integer (the cache's maxsize), got ${String(arbitrary)}`,
        );
      }
      this.#cache = new CallbackDataCache(this, arbitrary === true ? {} : { maxsize: arbitrary });
    }
  }

  /**
   * The arbitrary callback data cache (PTB's `callback_data_cache`), or `undefined` when the bot
   * was built without `arbitraryCallbackData`.
   */
  get callbackDataCache(): CallbackDataCache | undefined {
    return this.#cache;
  }

  /** The defaults this bot applies, if any. */
  override get defaults(): Defaults | undefined {
    return this.#defaults;
  }

  /** The rate limiter calls go through, if any. */
  get rateLimiter(): BaseRateLimiter | undefined {
    return this.#rateLimiter;
  }

  /** Initializes the rate limiter, then the bot. */
  override async initialize(): Promise<void> {
    await this.#rateLimiter?.initialize();
    await super.initialize();
  }

  /** Shuts the rate limiter down (settling every call it holds), then the bot. */
  override async shutdown(): Promise<void> {
    await this.#rateLimiter?.shutdown();
    await super.shutdown();
  }

  override callApi<T = unknown>(
    method: string,
    params: Readonly<Record<string, unknown>> = {},
    options: CallApiOptions<T> = {},
  ): Promise<T> {
    const meta = METHODS[method];
    let data: Record<string, unknown>;
    try {
      data = this.#replaceKeyboards(meta === undefined ? params : this.insertDefaults(meta, params));
    } catch (error) {
      return Promise.reject(error);
    }
    const returnType = options.returnType;
    if (this.#cache !== undefined && returnType !== undefined) {
      // The raw result, restored, then parsed: messages come back with their buttons' data.
      return this.#send<unknown>(method, data, { ...options, returnType: undefined }).then((raw) =>
        returnType.fromJSON(this.#restoreResult(raw), this),
      );
    }
    return this.#send(method, data, options);
  }

  #send<T>(method: string, data: Record<string, unknown>, options: CallApiOptions<T>): Promise<T> {
    const limiter = this.#rateLimiter;
    if (limiter === undefined || method === 'getUpdates') return super.callApi(method, data, options);
    return limiter.processRequest(
      () => super.callApi(method, data, options),
      method,
      data,
      options.rateLimitArgs,
    );
  }

  protected override _callMethod<T>(
    method: string,
    params: Record<string, unknown>,
    settings: CallSettings | undefined,
    given: ResultParser<T>,
  ): Promise<T> {
    const meta = METHODS[method];
    let data: Record<string, unknown>;
    try {
      data = this.#replaceKeyboards(meta === undefined ? params : this.insertDefaults(meta, params));
    } catch (error) {
      return Promise.reject(error);
    }
    const parse: ResultParser<T> =
      this.#cache === undefined ? given : (raw, bot) => given(this.#restoreResult(raw), bot);
    const limiter = this.#rateLimiter;
    if (limiter === undefined || method === 'getUpdates')
      return super._callMethod(method, data, settings, parse);
    return limiter.processRequest(
      () => super._callMethod(method, data, settings, parse),
      method,
      data,
      settings?.rateLimitArgs,
    );
  }

  /**
   * Restores the callback data in an update's JSON, in place (PTB's `insert_callback_data`): the
   * callback query (its data, its message's keyboard), or else the keyboards of the message (and
   * of the message it replies to and the one it pins). Nothing happens without a
   * {@link callbackDataCache}. Polling and webhooks call it before parsing each update.
   *
   * @example
   * ```ts
   * const raw = JSON.parse(body);
   * bot.insertCallbackData(raw);
   * const update = Update.fromJSON(raw, bot);
   * ```
   */
  insertCallbackData(update: unknown): void {
    const cache = this.#cache;
    if (cache === undefined || !isRecord(update)) return;
    if (isRecord(update.callback_query) && !(update.callback_query instanceof CallbackQuery)) {
      update.callback_query = cache.processCallbackQuery(update.callback_query, this);
      return;
    }
    for (const key of MESSAGE_KEYS) {
      const message = update[key];
      if (isRecord(message)) {
        this.#restoreMessage(message);
        return;
      }
    }
  }

  #restoreMessage(message: Record<string, unknown>): void {
    const cache = this.#cache as CallbackDataCache;
    const reply = message.reply_to_message;
    if (isRecord(reply)) {
      cache.processMessage(reply);
      if (isRecord(reply.pinned_message)) cache.processMessage(reply.pinned_message);
    }
    if (isRecord(message.pinned_message)) cache.processMessage(message.pinned_message);
    cache.processMessage(message);
  }

  /** Restores the callback data of what a method returned: messages, updates, a chat's pinned message. */
  #restoreResult(raw: unknown): unknown {
    if (Array.isArray(raw)) {
      for (const item of raw) this.#restoreResult(item);
    } else if (isRecord(raw)) {
      if (typeof raw.update_id === 'number') this.insertCallbackData(raw);
      else if (typeof raw.message_id === 'number' && isRecord(raw.chat)) this.#restoreMessage(raw);
      else if (isRecord(raw.pinned_message)) this.#cache?.processMessage(raw.pinned_message);
    }
    return raw;
  }

  /**
   * The parameters with inline keyboards' callback data replaced by cache ids: `reply_markup`, and
   * the `reply_markup` of inline query results (`results`, `result`). The caller's objects are
   * not changed. Without a cache, a keyboard with non-string callback data is refused.
   */
  #replaceKeyboards(params: Record<string, unknown>): Record<string, unknown> {
    const cache = this.#cache;
    const markup = params.reply_markup;
    if (cache === undefined) {
      if (isInlineKeyboard(markup)) assertNoArbitraryData(markup);
      return params;
    }
    let out: Record<string, unknown> | undefined;
    if (isInlineKeyboard(markup)) out = { ...params, reply_markup: cache.processKeyboard(markup) };
    const results = params.results;
    if (Array.isArray(results) && results.some(hasInlineKeyboard)) {
      out = { ...(out ?? params), results: results.map((item) => this.#replaceInResult(item)) };
    }
    if (hasInlineKeyboard(params.result)) {
      out = { ...(out ?? params), result: this.#replaceInResult(params.result) };
    }
    return out ?? params;
  }

  #replaceInResult(item: unknown): unknown {
    if (!hasInlineKeyboard(item)) return item;
    const cache = this.#cache as CallbackDataCache;
    const markup = cache.processKeyboard(item.reply_markup);
    const json = item instanceof TelegramObject ? item.toJSON() : item;
    return { ...json, reply_markup: markup };
  }

  /** The parameters with defaults filled in (a copy when anything changed). */
  insertDefaults(meta: MethodMeta, params: Readonly<Record<string, unknown>>): Record<string, unknown> {
    if (this.#defaults === undefined) return params as Record<string, unknown>;
    const plan = this.#plan(meta);
    if (plan === EMPTY_PLAN) return params as Record<string, unknown>;
    let out: Record<string, unknown> | undefined;
    for (const [name, value] of plan.top) {
      if (params[name] === undefined) {
        out ??= { ...params };
        out[name] = value;
      }
    }
    const allow = this.#defaults.allowSendingWithoutReply;
    if (plan.replyParameters && allow !== undefined) {
      const reply = params.reply_parameters;
      if (isRecord(reply) && reply.allow_sending_without_reply === undefined) {
        out ??= { ...params };
        out.reply_parameters = { ...reply, allow_sending_without_reply: allow };
      }
    }
    for (const [name, types] of plan.nested) {
      const value = params[name];
      if (value === undefined || value === null) continue;
      const filled = Array.isArray(value)
        ? this.#fillArray(value, types)
        : isRecord(value)
          ? this.#fillObject(value, types)
          : value;
      if (filled !== value) {
        out ??= { ...params };
        out[name] = filled;
      }
    }
    return out ?? (params as Record<string, unknown>);
  }

  #plan(meta: MethodMeta): MethodPlan {
    const cached = this.#plans.get(meta.name);
    if (cached !== undefined) return cached;
    const top: Array<readonly [string, unknown]> = [];
    const nested: Array<readonly [string, readonly string[]]> = [];
    let replyParameters = false;
    for (const param of meta.params) {
      if (param.name in this.#values) top.push([param.name, this.#values[param.name]]);
      else if (param.name === 'reply_parameters') replyParameters = true;
      else if (concreteTypes(param.types).some((type) => this.#hasDefaultable(type, 2))) {
        nested.push([param.name, param.types]);
      }
    }
    const plan =
      top.length === 0 && nested.length === 0 && !replyParameters
        ? EMPTY_PLAN
        : { top, replyParameters, nested };
    this.#plans.set(meta.name, plan);
    return plan;
  }

  #hasDefaultable(type: string, depth: number): boolean {
    const meta = TYPES[type];
    if (meta === undefined) return false;
    return meta.fields.some(
      (field) =>
        field.name in this.#values ||
        (depth > 0 && concreteTypes(field.types).some((inner) => this.#hasDefaultable(inner, depth - 1))),
    );
  }

  #fillArray(items: readonly unknown[], types: readonly string[]): readonly unknown[] {
    let out: unknown[] | undefined;
    for (let i = 0; i < items.length; i++) {
      const item = items[i];
      if (!isRecord(item)) continue;
      const filled = this.#fillObject(item, types);
      if (filled !== item) {
        out ??= [...items];
        out[i] = filled;
      }
    }
    return out ?? items;
  }

  /** Fills the fields of an object whose type is one of `types` (picked by discriminator or required fields). */
  #fillObject(item: Record<string, unknown>, types: readonly string[]): Record<string, unknown> {
    let out: Record<string, unknown> | undefined;
    for (const type of matchingTypes(item, types)) {
      for (const [name, value] of this.#fieldsOf(type)) {
        const current = (out ?? item)[name];
        if (typeof value === 'object' && value !== null && 'nested' in value) {
          if (!isRecord(current)) continue;
          const filled = this.#fillObject(current, (value as { nested: readonly string[] }).nested);
          if (filled !== current) {
            out ??= { ...item };
            out[name] = filled;
          }
        } else if (current === undefined) {
          out ??= { ...item };
          out[name] = value;
        }
      }
    }
    return out ?? item;
  }

  /** Defaultable fields of a concrete type; nested object fields map to `{ nested: types }`. */
  #fieldsOf(type: string): ReadonlyArray<readonly [string, unknown]> {
    const cached = this.#typeFields.get(type);
    if (cached !== undefined) return cached;
    const fields: Array<readonly [string, unknown]> = [];
    for (const field of TYPES[type]?.fields ?? []) {
      if (field.name in this.#values) fields.push([field.name, this.#values[field.name]]);
      else if (concreteTypes(field.types).some((inner) => this.#hasDefaultable(inner, 0))) {
        fields.push([field.name, { nested: field.types }]);
      }
    }
    this.#typeFields.set(type, fields);
    return fields;
  }
}

/** The update fields that hold a message, in the order PTB's `effective_message` looks. */
const MESSAGE_KEYS = [
  'message',
  'edited_message',
  'channel_post',
  'edited_channel_post',
  'business_message',
  'edited_business_message',
] as const;

type InlineKeyboardLike = ArbitraryInlineKeyboard;

function isInlineKeyboard(value: unknown): value is InlineKeyboardLike {
  return value instanceof InlineKeyboardMarkup || (isRecord(value) && Array.isArray(value.inline_keyboard));
}

function hasInlineKeyboard(value: unknown): value is { readonly reply_markup: InlineKeyboardLike } {
  return isRecord(value) && isInlineKeyboard(value.reply_markup);
}

function assertNoArbitraryData(markup: InlineKeyboardLike): void {
  for (const row of markup.inline_keyboard) {
    for (const button of row) {
      const data =
        button instanceof CallbackDataButton
          ? button.value
          : (button as { readonly callback_data?: unknown }).callback_data;
      if (data !== undefined && typeof data !== 'string') {
        throw new TypeError(
          `The inline keyboard button ${JSON.stringify((button as { text?: unknown }).text)} has callback data that is not a string, but this bot has no arbitrary callback data: build the application with .arbitraryCallbackData(true) (or pass a string of at most 64 bytes)`,
        );
      }
    }
  }
}

/** The concrete types among `types` an object may be: by its `type` discriminator, else by its required fields. */
function matchingTypes(item: Record<string, unknown>, types: readonly string[]): string[] {
  const candidates = concreteTypes(types);
  if (candidates.length <= 1) return candidates;
  return candidates.filter((name) => {
    const fields = TYPES[name]?.fields ?? [];
    for (const field of fields) {
      if (field.value !== undefined) {
        if (item[field.name] !== field.value) return false;
      } else if (field.required && item[field.name] === undefined) return false;
    }
    return true;
  });
}
