/**
 * typescript-telegram-bot: the whole Telegram Bot API, typed. `Bot` has every method; every API
 * type is a class with `fromJSON`/`toJSON`; errors carry what Telegram said.
 */

export { InvalidFieldError } from './base/field-check.js';
export { TelegramObject } from './base/telegram-object.js';
export { type BaseUrl, Bot, type BotOptions, type CallApiOptions, type ShortcutDefaults } from './bot.js';
/** PTB's `telegram.constants`: enumerations, limits and special values of the Bot API. */
export * as constants from './constants.js';
export {
  type AnswerInlineQueryPagingOptions,
  effectiveInlineResults,
  type InlineResultsPage,
  inlineResultsPage,
  type MediaGroupCaptionOptions,
  type ReplyToOptions,
} from './conveniences.js';
export * from './entities/index.js';
export * from './errors.js';
export * from './generated/metadata.js';
export { BotApi, type ResultParser } from './generated/methods.js';
export type * from './generated/params.js';
export * from './generated/types.js';
export * from './helpers.js';
export { effectiveMessageType } from './helpers-message.js';
export type { Logger } from './logging.js';
export type {
  InlineKeyboardButtonLike,
  KeyboardButtonLike,
  ReplyKeyboardOptions,
} from './objects/keyboards.js';
export type {
  BuildReplyArgumentsOptions,
  QuoteOptions,
  QuotePosition,
  ReplyArguments,
} from './objects/message-quote.js';
export type { EditOptions, ReactionLike, ReplyOptions } from './objects/message-shortcuts.js';
export {
  INLINE_QUERY_RESULTS_PER_PAGE,
  type InlineQueryAnswerOptions,
  type InlineQueryResults,
} from './objects/queries.js';
export * from './passport/index.js';
export {
  BaseRequest,
  type DefaultTimeouts,
  type HttpRequest,
  type HttpResponse,
  type PostOptions,
  type RequestPayload,
  type ResolvedTimeouts,
  type RetrieveOptions,
  sanitizeCause,
} from './request/base.js';
export type { ByteDestination, DownloadOptions, WritableOptions } from './request/download.js';
export {
  type FileIdHolder,
  InputFile,
  type InputFileLike,
  type InputFileOptions,
  type InputFileSource,
} from './request/input-file.js';
export { RequestData } from './request/request-data.js';
export type { CallSettings, FileSlot, FileSlots, RequestTimeouts } from './request/types.js';
export { type SocketOptions, UndiciRequest, type UndiciRequestOptions } from './request/undici.js';
export {
  parseVersion,
  VERSION,
  VERSION_INFO,
  type VersionInfo,
  versionReport,
} from './version.js';
export {
  PTBDeprecationWarning,
  PTBRuntimeWarning,
  PTBUserWarning,
  type WarningCategory,
  warn,
} from './warnings.js';
