/**
 * Bad input from the library's user, found before any request is sent: a missing required
 * argument, a value of the wrong type, a file path that does not exist.
 */
export class InvalidArgumentError extends TypeError {
  /** The parameter at fault, e.g. `text` or `media[1].thumbnail`. */
  readonly parameter: string | undefined;
  /** The Bot API method being called, when known. */
  readonly method: string | undefined;

  constructor(message: string, options: { parameter?: string; method?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'InvalidArgumentError';
    this.parameter = options.parameter;
    this.method = options.method;
  }
}

/**
 * The `parameters` object of a failed Bot API answer (the API's `ResponseParameters`), as plain
 * data. Keys the library does not know are kept as they came.
 */
export interface ResponseParametersLike {
  /** The group became a supergroup with this identifier. */
  readonly migrate_to_chat_id?: number;
  /** Seconds to wait before repeating the request (flood control). */
  readonly retry_after?: number;
  readonly [key: string]: unknown;
}

/** What a {@link TelegramError} may carry besides its message. */
export interface TelegramErrorOptions {
  /** The Bot API method that failed, e.g. `sendMessage`. */
  readonly method?: string | undefined;
  /** The HTTP status / Bot API `error_code` of the answer. */
  readonly errorCode?: number | undefined;
  /** Telegram's `description`, exactly as received. */
  readonly description?: string | undefined;
  /** Telegram's `parameters`, exactly as received. */
  readonly parameters?: ResponseParametersLike | undefined;
  /** The underlying failure, if any. Never holds a token or a request URL. */
  readonly cause?: unknown;
}

const API_PREFIXES = ['Error: ', '[Error]: ', 'Bad Request: '] as const;

/** Strips the API's noise prefixes and capitalises what remains, as python-telegram-bot does. */
function cleanMessage(message: string): string {
  let cleaned = message;
  for (const prefix of API_PREFIXES) {
    if (cleaned.startsWith(prefix)) cleaned = cleaned.slice(prefix.length);
  }
  if (cleaned === message || cleaned.length === 0) return message;
  return cleaned.charAt(0).toUpperCase() + cleaned.slice(1);
}

/**
 * Base of every error raised for a failed Bot API call or a transport failure.
 *
 * @example
 * try { await bot.sendMessage({ chat_id, text }); }
 * catch (error) { if (error instanceof TelegramError) console.log(error.errorCode, error.description); }
 */
export class TelegramError extends Error {
  /** The Bot API method that failed, when known. */
  declare readonly method?: string;
  /** The HTTP status / Bot API `error_code`, when the server answered. */
  declare readonly errorCode?: number;
  /** Telegram's raw `description`; {@link Error.message} holds the cleaned-up form. */
  declare readonly description?: string;
  /** Telegram's `parameters` object of the answer, unknown keys included. */
  declare readonly parameters?: ResponseParametersLike;

  constructor(message: string, options: TelegramErrorOptions = {}) {
    super(cleanMessage(message), options.cause === undefined ? undefined : { cause: options.cause });
    // Assigned only when present so that inspecting an error shows no empty fields.
    const self = this as { -readonly [K in keyof TelegramError]: TelegramError[K] };
    if (options.method !== undefined) self.method = options.method;
    if (options.errorCode !== undefined) self.errorCode = options.errorCode;
    if (options.description !== undefined) self.description = options.description;
    if (options.parameters !== undefined) self.parameters = options.parameters;
  }
}

/** The bot may not do what it asked (HTTP 403), e.g. the user blocked it. */
export class Forbidden extends TelegramError {}

/** The server refused the bot token (HTTP 401): it belongs to no bot, or was revoked. */
export class InvalidToken extends TelegramError {
  constructor(message = 'Invalid token', options: TelegramErrorOptions = {}) {
    super(message, options);
  }
}

/**
 * The server has nothing at the requested address (HTTP 404): a method it does not know (see
 * `Bot.callApi`), or, for a method it should know, a base URL that does not lead to the Bot API.
 */
export class EndPointNotFound extends TelegramError {}

/** The request did not get a proper answer: connection failures, gateway errors, timeouts. */
export class NetworkError extends TelegramError {}

/** Telegram could not process the request (HTTP 400). */
export class BadRequest extends NetworkError {}

/** The request took too long: connecting, waiting for a pool slot, writing or reading. */
export class TimedOut extends NetworkError {
  constructor(message = 'Timed out', options: TelegramErrorOptions = {}) {
    super(message, options);
  }
}

/** The group chat became a supergroup; repeat the request with {@link ChatMigrated.newChatId}. */
export class ChatMigrated extends TelegramError {
  /** The identifier of the supergroup the group became. */
  readonly newChatId: number;

  constructor(newChatId: number, options: TelegramErrorOptions = {}) {
    super(`Group migrated to supergroup. New chat id: ${newChatId}`, options);
    this.newChatId = newChatId;
  }
}

/** Flood control: wait {@link RetryAfter.retryAfter} seconds before repeating the request. */
export class RetryAfter extends TelegramError {
  /** Seconds to wait before the next attempt. */
  readonly retryAfter: number;

  constructor(retryAfter: number, options: TelegramErrorOptions = {}) {
    super(`Flood control exceeded. Retry in ${retryAfter} seconds`, options);
    this.retryAfter = retryAfter;
  }
}

/** Another `getUpdates` call or a webhook competes with this one (HTTP 409). */
export class Conflict extends TelegramError {}

/** Telegram Passport data could not be decrypted (wrong key, tampered data). */
export class PassportDecryptionError extends TelegramError {
  constructor(reason: string | Error, options: TelegramErrorOptions = {}) {
    super(
      typeof reason === 'string' ? reason : reason.message,
      typeof reason === 'string' || options.cause !== undefined ? options : { ...options, cause: reason },
    );
  }
}

// Errors recognised from Telegram's description, so callers can catch them by meaning.
// Each one is still an instance of the class python-telegram-bot would raise.

/** The edit would not change the message (`message is not modified`). */
export class MessageNotModified extends BadRequest {}
/** The chat does not exist or the bot cannot see it (`chat not found`). */
export class ChatNotFound extends BadRequest {}
/** The message to edit does not exist (`message to edit not found`). */
export class MessageToEditNotFound extends BadRequest {}
/** The message to delete does not exist (`message to delete not found`). */
export class MessageToDeleteNotFound extends BadRequest {}
/** The message to reply to does not exist (`message to be replied not found`). */
export class MessageToReplyNotFound extends BadRequest {}
/** The message exists but may not be edited (`message can't be edited`). */
export class MessageCantBeEdited extends BadRequest {}
/** The message exists but may not be deleted (`message can't be deleted`). */
export class MessageCantBeDeleted extends BadRequest {}
/** The bot lacks an administrator right for the action (`not enough rights ...`). */
export class NotEnoughRights extends BadRequest {}
/** The user does not exist or the bot cannot see them (`user not found`). */
export class UserNotFound extends BadRequest {}
/** The callback or inline query can no longer be answered (`query is too old ...`). */
export class QueryTooOld extends BadRequest {}
/** The text's formatting markup is broken (`can't parse entities: ...`). */
export class CantParseEntities extends BadRequest {}
/** The message text is empty (`message text is empty`). */
export class MessageTextEmpty extends BadRequest {}
/** The message text exceeds the limit (`message is too long`). */
export class MessageTooLong extends BadRequest {}
/** The file_id or URL of a file is not usable (`wrong file identifier/HTTP URL specified`). */
export class WrongFileIdentifier extends BadRequest {}
/** A callback button's data is invalid, e.g. longer than 64 bytes (`BUTTON_DATA_INVALID`). */
export class ButtonDataInvalid extends BadRequest {}

/** The user blocked the bot (`bot was blocked by the user`). */
export class BotBlocked extends Forbidden {}
/** The user's account was deleted (`user is deactivated`). */
export class UserDeactivated extends Forbidden {}
/** The bot was removed from the group, supergroup or channel (`bot was kicked from the ... chat`). */
export class BotKicked extends Forbidden {}
/** The user never started a private chat with the bot (`bot can't initiate conversation ...`). */
export class CantInitiateConversation extends Forbidden {}
/** The bot is not in the chat (`bot is not a member of the ... chat`). */
export class BotNotMember extends Forbidden {}

/** A class of the family, as its constructor is called for a generic API error. */
type DescribedError = new (message: string, options: TelegramErrorOptions) => TelegramError;

/**
 * Telegram's descriptions, matched case-insensitively after the `Bad Request: ` / `Forbidden: `
 * prefix is removed; the first row that matches for the answer's status code wins.
 */
const MEANINGS: ReadonlyArray<readonly [status: 400 | 403, pattern: RegExp, error: DescribedError]> = [
  [400, /^message is not modified/i, MessageNotModified],
  [400, /^chat not found/i, ChatNotFound],
  [400, /^message to edit not found/i, MessageToEditNotFound],
  [400, /^message to delete not found/i, MessageToDeleteNotFound],
  [400, /^(?:message to be replied|replied message|reply message) not found/i, MessageToReplyNotFound],
  [400, /^message can't be edited/i, MessageCantBeEdited],
  [400, /^message can't be deleted/i, MessageCantBeDeleted],
  [400, /^not enough rights/i, NotEnoughRights],
  [400, /^user not found/i, UserNotFound],
  [400, /^query is too old/i, QueryTooOld],
  [400, /^can't parse entities/i, CantParseEntities],
  [400, /^message text is empty/i, MessageTextEmpty],
  [400, /^message is too long/i, MessageTooLong],
  [400, /^wrong (?:remote )?file identifier/i, WrongFileIdentifier],
  [400, /^button_data_invalid/i, ButtonDataInvalid],
  [403, /^bot was blocked by the user/i, BotBlocked],
  [403, /^user is deactivated/i, UserDeactivated],
  [403, /^bot was kicked from the .*chat/i, BotKicked],
  [403, /^bot can't initiate conversation/i, CantInitiateConversation],
  [403, /^bot is not a member of the .*chat/i, BotNotMember],
];

const DESCRIPTION_PREFIX = /^(?:bad request|forbidden|error|\[error\]):\s*/i;

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The most specific class for a 400 or 403 description, or `fallback`. */
function byMeaning(
  status: 400 | 403,
  description: string | undefined,
  fallback: DescribedError,
): DescribedError {
  if (description === undefined) return fallback;
  const bare = description.replace(DESCRIPTION_PREFIX, '');
  for (const [code, pattern, error] of MEANINGS) {
    if (code === status && pattern.test(bare)) return error;
  }
  return fallback;
}

/** Telegram's 409 descriptions start with `Conflict: `, which the class name already says. */
function withoutConflictPrefix(message: string): string {
  const bare = message.replace(/^Conflict:\s*/i, '');
  return bare === '' ? message : bare.charAt(0).toUpperCase() + bare.slice(1);
}

/** A failed Bot API answer, as {@link errorFromResponse} takes it. */
export interface ApiErrorResponse {
  /** The method that was called, if known. */
  readonly method?: string | undefined;
  /** The HTTP status (the Bot API's `error_code` agrees with it). */
  readonly errorCode: number;
  /** Telegram's `description`. */
  readonly description?: string | undefined;
  /** Telegram's `parameters`. */
  readonly parameters?: ResponseParametersLike | undefined;
}

/**
 * What a 404 means. Telegram answers 401 to a token it does not know, so a 404 for a method the
 * library knows points at the base URL (`.../bot/` + token, or the token given twice) rather than
 * the token; python-telegram-bot reports it as InvalidToken, which sends people hunting the wrong bug.
 */
function notFoundMessage(message: string, method: string | undefined): string {
  if (method === undefined) {
    return `${message}: nothing at this address; check the file path and the file base URL (baseFileUrl, e.g. 'https://api.telegram.org/file/bot')`;
  }
  return `${message} for ${method}: the server has no such method at this address. Check the base URL: it ends in '/bot', the token follows it (e.g. 'https://api.telegram.org/bot' or 'http://127.0.0.1:8081/bot'); a malformed token can also cause this`;
}

/**
 * Builds the most specific error for a failed Bot API answer, with python-telegram-bot's rules:
 * `migrate_to_chat_id` gives {@link ChatMigrated}, `retry_after` {@link RetryAfter}; otherwise the
 * status decides (403 {@link Forbidden}, 401 {@link InvalidToken}, 404 {@link EndPointNotFound}
 * where python-telegram-bot says InvalidToken, 400 {@link BadRequest}, 409 {@link Conflict},
 * anything else {@link NetworkError}), refined by the description
 * (e.g. {@link MessageNotModified}, {@link BotBlocked}).
 *
 * @example
 * errorFromResponse({ method: 'sendMessage', errorCode: 403, description: 'Forbidden: bot was blocked by the user' });
 * // -> BotBlocked, instanceof Forbidden
 */
export function errorFromResponse(response: ApiErrorResponse): TelegramError {
  const { errorCode, description, parameters } = response;
  const options: TelegramErrorOptions = response;
  if (parameters !== undefined) {
    const newChatId = parameters.migrate_to_chat_id;
    if (typeof newChatId === 'number' && newChatId !== 0) return new ChatMigrated(newChatId, options);
    const retryAfter = parameters.retry_after;
    if (typeof retryAfter === 'number' && retryAfter > 0) return new RetryAfter(retryAfter, options);
  }
  const phrase = `${STATUS_TEXT[errorCode] ?? 'Unknown HTTP error'} (${errorCode})`;
  const message = description || phrase;
  switch (errorCode) {
    case 400:
      return new (byMeaning(400, description, BadRequest))(message, options);
    case 403:
      return new (byMeaning(403, description, Forbidden))(message, options);
    case 401:
      return new InvalidToken(
        `${message}: the server refused the bot token; check it (@BotFather shows it)`,
        options,
      );
    case 404:
      return new EndPointNotFound(notFoundMessage(message, response.method), options);
    case 409:
      return new Conflict(withoutConflictPrefix(message), options);
    default:
      return new NetworkError(description ? `${description} (${errorCode})` : phrase, options);
  }
}

// Proper `name`s that survive minification, set once on each prototype.
const NAMED: Readonly<Record<string, abstract new (...args: never[]) => Error>> = {
  TelegramError,
  Forbidden,
  InvalidToken,
  EndPointNotFound,
  NetworkError,
  BadRequest,
  TimedOut,
  ChatMigrated,
  RetryAfter,
  Conflict,
  PassportDecryptionError,
  MessageNotModified,
  ChatNotFound,
  MessageToEditNotFound,
  MessageToDeleteNotFound,
  MessageToReplyNotFound,
  MessageCantBeEdited,
  MessageCantBeDeleted,
  NotEnoughRights,
  UserNotFound,
  QueryTooOld,
  CantParseEntities,
  MessageTextEmpty,
  MessageTooLong,
  WrongFileIdentifier,
  ButtonDataInvalid,
  BotBlocked,
  UserDeactivated,
  BotKicked,
  CantInitiateConversation,
  BotNotMember,
};
for (const [name, errorClass] of Object.entries(NAMED)) {
  Object.defineProperty(errorClass.prototype, 'name', { value: name, writable: true, configurable: true });
}
