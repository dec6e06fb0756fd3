import { createPrivateKey, type KeyObject } from 'node:crypto';
import { inspect } from 'node:util';
import {
  type AnswerInlineQueryPagingOptions,
  effectiveInlineResults,
  type InlineQueryResults,
  PARAMS_CONVENIENCES,
} from './conveniences.js';
import { EndPointNotFound, InvalidArgumentError, InvalidToken } from './errors.js';
import { METHODS, type MethodMeta } from './generated/metadata.js';
import { BotApi, type ResultParser } from './generated/methods.js';
import type { User } from './generated/types.js';
import type { Logger } from './logging.js';
// Every Bot brings the shortcuts and derived properties of the objects it returns.
import './objects/index.js';
import type { BaseRequest } from './request/base.js';
import { type BaseUrl, resolveBaseUrl } from './request/base-url.js';
import { RequestData } from './request/request-data.js';
import type { CallSettings, RequestTimeouts } from './request/types.js';
import { UndiciRequest } from './request/undici.js';
import { checkParameters } from './validation.js';

export type { BaseUrl } from './request/base-url.js';

/** Options of {@link Bot}, as PTB's `Bot(...)` parameters. */
export interface BotOptions {
  /**
   * The API server's URL that the token follows; default `https://api.telegram.org/bot`. A local
   * Bot API server or the emulator: `http://127.0.0.1:8081/bot`. An origin alone
   * (`http://127.0.0.1:8081`, as grammY's `apiRoot`) gets the `/bot` path, and `.../bot/` loses its
   * last slash. A string with a `{token}` placeholder or a function of the token is used as it is.
   * Checked when the bot is built: a malformed URL throws an `InvalidArgumentError` naming `baseUrl`.
   */
  readonly baseUrl?: BaseUrl | undefined;
  /** The file download URL that the token follows; default `https://api.telegram.org/file/bot` (an origin alone gets `/file/bot`). */
  readonly baseFileUrl?: BaseUrl | undefined;
  /** Request object for every method but getUpdates; default a {@link UndiciRequest}. */
  readonly request?: BaseRequest | undefined;
  /** Request object for getUpdates, so a long poll never blocks the sending pool; default a one-connection {@link UndiciRequest}. */
  readonly getUpdatesRequest?: BaseRequest | undefined;
  /** For a self-hosted Bot API server started with `--local`: local files are sent as `file://` URIs, downloads read local paths. */
  readonly localMode?: boolean | undefined;
  /** PEM private key used to decrypt Telegram Passport data. */
  readonly privateKey?: string | Uint8Array | undefined;
  /** Passphrase of {@link privateKey}. */
  readonly privateKeyPassword?: string | Uint8Array | undefined;
  /** Receives debug lines about API calls (never the token); quiet when absent. */
  readonly logger?: Logger | undefined;
}

/**
 * The defaults the core's shortcuts honour. A plain {@link Bot} has none; the framework's bot
 * (PTB's ExtBot) overrides {@link Bot.defaults} to return its `Defaults`, which fits this shape.
 */
export interface ShortcutDefaults {
  /** Whether reply shortcuts quote the message they answer when the caller does not say. */
  readonly doQuote?: boolean | undefined;
  /** `allow_sending_without_reply` of a reply made with `reply_to_message_id` when the call does not say. */
  readonly allowSendingWithoutReply?: boolean | undefined;
}

/** Options of {@link Bot.callApi}. */
export interface CallApiOptions<T> extends CallSettings {
  /** Parses the result, e.g. `Message` or any class with a static `fromJSON`. */
  readonly returnType?:
    | {
        /** Builds the result object from the JSON the Bot API returned. */
        fromJSON(data: unknown, bot?: Bot): T;
      }
    | undefined;
}

/** The file slots of a method the metadata does not know. */
const NO_FILE_SLOTS: Readonly<Record<string, never>> = Object.freeze({});
const TOKEN_SHAPE = /^\d+:[A-Za-z0-9_-]+$/;
const DEFAULT_BASE_URL = 'https://api.telegram.org/bot';
const DEFAULT_BASE_FILE_URL = 'https://api.telegram.org/file/bot';

/**
 * The error for an option given in the spelling of the object shortcuts (camelCase) to a Bot
 * method, which spells it as the API does: one option, one spelling.
 */
function misspeltOption(
  method: string,
  given: string,
  right: string,
  params: Readonly<Record<string, unknown>>,
): InvalidArgumentError {
  return new InvalidArgumentError(
    `${method}: '${given}' is not a parameter here; write ${right}: ${JSON.stringify(params[given])}`,
    { parameter: given, method },
  );
}

/**
 * The Telegram Bot API client: every API method (generated from the spec), the cached bot user,
 * and the request plumbing. Use `await bot.initialize()` (or `await using bot = ...`) before reading
 * `bot.id`/`bot.username`.
 *
 * @example
 * ```ts
 * await using bot = new Bot(process.env.BOT_TOKEN!);
 * await bot.initialize();
 * await bot.sendMessage(chatId, `Hi, I am ${bot.first_name}`);
 * ```
 */
export class Bot extends BotApi {
  readonly #token: string;
  readonly #baseUrl: string;
  readonly #endpointUrls = new Map<string, string>();
  readonly #baseFileUrl: string;
  readonly #request: BaseRequest;
  readonly #getUpdatesRequest: BaseRequest;
  readonly #localMode: boolean;
  readonly #privateKey: KeyObject | undefined;
  readonly #logger: Logger | undefined;
  #botUser: User | undefined;
  #initialized = false;

  constructor(token: string, options: BotOptions = {}) {
    super();
    if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) throw new InvalidToken(tokenProblem(token));
    this.#token = token;
    this.#baseUrl = resolveBaseUrl('baseUrl', options.baseUrl ?? DEFAULT_BASE_URL, token);
    this.#baseFileUrl = resolveBaseUrl('baseFileUrl', options.baseFileUrl ?? DEFAULT_BASE_FILE_URL, token);
    this.#request = options.request ?? new UndiciRequest();
    this.#getUpdatesRequest = options.getUpdatesRequest ?? new UndiciRequest({ connectionPoolSize: 1 });
    if (this.#request === this.#getUpdatesRequest) {
      throw new InvalidArgumentError('request and getUpdatesRequest must be different objects', {
        parameter: 'getUpdatesRequest',
      });
    }
    this.#localMode = options.localMode ?? false;
    this.#logger = options.logger;
    this.#privateKey =
      options.privateKey === undefined
        ? undefined
        : loadPrivateKey(options.privateKey, options.privateKeyPassword);
  }

  /** The bot's token. Never printed by the library. */
  get token(): string {
    return this.#token;
  }

  /** The resolved API base URL (it contains the token: keep it out of logs). */
  get baseUrl(): string {
    return this.#baseUrl;
  }

  /** The resolved file base URL (it contains the token). */
  get baseFileUrl(): string {
    return this.#baseFileUrl;
  }

  get localMode(): boolean {
    return this.#localMode;
  }

  /** The request object used for every method but getUpdates. */
  get request(): BaseRequest {
    return this.#request;
  }

  /** The request object used for getUpdates. */
  get getUpdatesRequest(): BaseRequest {
    return this.#getUpdatesRequest;
  }

  /** The Passport decryption key, if one was given. */
  get privateKey(): KeyObject | undefined {
    return this.#privateKey;
  }

  /**
   * Defaults that shortcuts such as `message.replyText()` read (PTB's `bot.defaults`): `undefined`
   * on a plain Bot. A subclass that carries defaults overrides this getter.
   */
  get defaults(): ShortcutDefaults | undefined {
    return undefined;
  }

  get initialized(): boolean {
    return this.#initialized;
  }

  /** Prepares both request objects and caches the bot's own user (one getMe). Safe to call twice. */
  async initialize(): Promise<void> {
    if (this.#initialized) return;
    await Promise.all([this.#request.initialize(), this.#getUpdatesRequest.initialize()]);
    await this.getMe();
    this.#initialized = true;
  }

  /** Closes both request objects' connections. Safe to call twice. */
  async shutdown(): Promise<void> {
    await Promise.all([this.#request.shutdown(), this.#getUpdatesRequest.shutdown()]);
    this.#initialized = false;
  }

  /** `await using bot = new Bot(token)` shuts the bot down when the scope ends. */
  async [Symbol.asyncDispose](): Promise<void> {
    await this.shutdown();
  }

  /** The bot's own user, as getMe returned it (PTB's `bot.bot`). */
  get botUser(): User {
    if (this.#botUser === undefined) {
      throw new Error('The bot user is not known yet: call `await bot.initialize()` (or bot.getMe()) first');
    }
    return this.#botUser;
  }

  get id(): number {
    return this.botUser.id;
  }

  get username(): string {
    const username = this.botUser.username;
    if (username === undefined) throw new Error('getMe returned no username for this bot');
    return username;
  }

  get first_name(): string {
    return this.botUser.first_name;
  }

  get last_name(): string | undefined {
    return this.botUser.last_name;
  }

  get can_join_groups(): boolean {
    return this.botUser.can_join_groups ?? false;
  }

  get can_read_all_group_messages(): boolean {
    return this.botUser.can_read_all_group_messages ?? false;
  }

  get supports_inline_queries(): boolean {
    return this.botUser.supports_inline_queries ?? false;
  }

  /** `@username`. */
  get name(): string {
    return `@${this.username}`;
  }

  /** `https://t.me/<username>`. */
  get link(): string {
    return `https://t.me/${this.username}`;
  }

  /** Calls getMe and caches the result for {@link botUser}, {@link id}, {@link username}... */
  override async getMe(settings?: CallSettings): Promise<User> {
    const me = await super.getMe(settings);
    this.#botUser = me;
    return me;
  }

  /**
   * Answers an inline query ([answerInlineQuery](https://core.telegram.org/bots/api#answerinlinequery)).
   * With PTB's `current_offset` (the query's `offset`), the bot pages the results itself: 50 of a
   * list at a time, or the page a function of the page number returns, and fills in
   * `next_offset` so Telegram asks for the next page when the user scrolls.
   *
   * @example await bot.answerInlineQuery(query.id, allResults, { current_offset: query.offset });
   */
  override async answerInlineQuery(
    inline_query_id: string,
    results: InlineQueryResults,
    options?: AnswerInlineQueryPagingOptions,
    settings?: CallSettings,
  ): Promise<true> {
    const given = options as Readonly<Record<string, unknown>> | undefined;
    if (given?.currentOffset !== undefined) {
      throw misspeltOption('answerInlineQuery', 'currentOffset', 'current_offset', given);
    }
    const effective = effectiveInlineResults(results, options);
    return super.answerInlineQuery(inline_query_id, effective.results, effective.options, settings);
  }

  /**
   * Calls any API method by name, including ones this version of the library does not know
   * (PTB's `do_api_request`). Resolves to the raw result, or to `returnType.fromJSON(result)`.
   * An unknown method the server does not know either fails with {@link EndPointNotFound}.
   */
  async callApi<T = unknown>(
    method: string,
    params: Readonly<Record<string, unknown>> = {},
    options: CallApiOptions<T> = {},
  ): Promise<T> {
    const result = await this.#post(method, params, options, METHODS[method], undefined);
    return options.returnType ? options.returnType.fromJSON(result, this) : (result as T);
  }

  protected override _callMethod<T>(
    method: string,
    params: Record<string, unknown>,
    settings: CallSettings | undefined,
    parse: ResultParser<T>,
  ): Promise<T> {
    return this.#post(method, params, settings, METHODS[method], parse) as Promise<T>;
  }

  /** `<base URL>/<method>`, one string per method (a request layer may key caches by it). */
  #endpointUrl(method: string): string {
    let url = this.#endpointUrls.get(method);
    if (url === undefined) {
      url = `${this.#baseUrl}/${method}`;
      if (this.#endpointUrls.size < 1024) this.#endpointUrls.set(method, url);
    }
    return url;
  }

  /** Validates, serialises and sends one call; parses the result when given a parser. */
  async #post<T>(
    method: string,
    params: Readonly<Record<string, unknown>>,
    settings: CallSettings | undefined,
    meta: MethodMeta | undefined,
    parse: ResultParser<T> | undefined,
  ): Promise<unknown> {
    if (params.allowSendingWithoutReply !== undefined) {
      throw misspeltOption(method, 'allowSendingWithoutReply', 'allow_sending_without_reply', params);
    }
    const convenience = PARAMS_CONVENIENCES.get(method);
    const given = convenience === undefined ? params : convenience(params, method, this);
    if (meta !== undefined) checkParameters(meta, given);
    const merged = settings?.apiKwargs === undefined ? given : { ...given, ...settings.apiKwargs };
    let payload = RequestData.prepare(merged, {
      method,
      fileSlots: meta?.fileSlots ?? NO_FILE_SLOTS,
      localMode: this.#localMode,
    });
    if (payload instanceof Promise) payload = await payload;
    const isGetUpdates = method === 'getUpdates';
    const request = isGetUpdates ? this.#getUpdatesRequest : this.#request;
    const timeouts = isGetUpdates ? longPollTimeouts(request, settings, params.timeout) : settings;
    this.#logger?.debug(`calling ${method}`);
    try {
      const result = await request.post(this.#endpointUrl(method), {
        endpoint: method,
        payload,
        timeouts,
        signal: settings?.signal,
      });
      this.#logger?.debug(`${method} succeeded`);
      return parse === undefined ? result : parse(result, this);
    } catch (error) {
      this.#logger?.debug(`${method} failed: ${error instanceof Error ? error.name : 'error'}`);
      if (meta === undefined && error instanceof EndPointNotFound) {
        throw new EndPointNotFound(
          `Endpoint '${method}' not found in the Bot API (HTTP 404): the server does not know this method`,
          { method, errorCode: 404, description: error.description },
        );
      }
      throw error;
    }
  }

  /** Bots are equal when they are the same bot account (same id). */
  equals(other: unknown): boolean {
    if (other === this) return true;
    if (!(other instanceof Bot) || this.#botUser === undefined || other.#botUser === undefined) return false;
    return this.#botUser.id === other.#botUser.id;
  }

  /** Bots cannot be serialised: they hold a token and live connections. */
  toJSON(): never {
    throw new TypeError('Bot objects cannot be serialised (they hold the token and connections)');
  }

  override toString(): string {
    return this.#botUser === undefined
      ? 'Bot(not initialized)'
      : `Bot(${this.#botUser.id}, @${this.#botUser.username ?? ''})`;
  }

  /** How `console.log` and `util.inspect` show the bot: the same text as `toString()`. */
  [inspect.custom](): string {
    return this.toString();
  }
}

/** getUpdates waits up to `timeout` seconds on the server: the read timeout grows by as much (as PTB does). */
function longPollTimeouts(
  request: BaseRequest,
  settings: CallSettings | undefined,
  pollTimeout: unknown,
): RequestTimeouts {
  const base = settings?.readTimeout === undefined ? request.readTimeout : settings.readTimeout;
  const extra = typeof pollTimeout === 'number' ? pollTimeout : 0;
  return { ...settings, readTimeout: base === null ? null : base + extra };
}

/** Why a token is refused, without repeating it (it may be a real token with a typo). */
function tokenProblem(token: unknown): string {
  if (token === undefined || token === null || token === '') {
    return `You must pass the token you received from @BotFather; got ${token === '' ? 'an empty string' : String(token)} (is the environment variable set?)`;
  }
  if (typeof token !== 'string') return `The token must be a string, got ${typeof token}`;
  const malformed = 'The token is malformed: expected digits, a colon and letters (as @BotFather gives it)';
  if (TOKEN_SHAPE.test(token.trim())) return `${malformed}; it has spaces or a line break around it: trim it`;
  if (/^bot\d/i.test(token) && TOKEN_SHAPE.test(token.slice(3))) {
    return `${malformed}; it starts with 'bot', which belongs to the URL: leave it out`;
  }
  return malformed;
}

function loadPrivateKey(key: string | Uint8Array, passphrase: string | Uint8Array | undefined): KeyObject {
  try {
    return createPrivateKey({
      key: typeof key === 'string' ? key : Buffer.from(key),
      format: 'pem',
      ...(passphrase === undefined
        ? {}
        : { passphrase: typeof passphrase === 'string' ? passphrase : Buffer.from(passphrase) }),
    });
  } catch (cause) {
    throw new InvalidArgumentError('privateKey is not a PEM private key (or its password is wrong)', {
      parameter: 'privateKey',
      cause,
    });
  }
}
