/**
 * typescript-telegram-bot: the whole Telegram Bot API, typed. `Bot` has every method; every API
 * type is a class with `fromJSON`/`toJSON`; errors carry what Telegram said.
 */
export { type BaseUrl, Bot, type BotOptions, type CallApiOptions, type ShortcutDefaults } from './bot.js';
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
export { InvalidFieldError } from './fieldcheck.js';
export * from './generated/metadata.js';
export { BotApi, type ResultParser } from './generated/methods.js';
export type * from './generated/params.js';
export * from './generated/types.js';
export * from './helpers.js';
export { effectiveMessageType } from './helpers-message.js';
export type { Logger } from './logging.js';
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
} from './request/inputfile.js';
export { RequestData } from './request/requestdata.js';
export type { CallSettings, FileSlot, FileSlots, RequestTimeouts } from './request/types.js';
export { type SocketOptions, UndiciRequest, type UndiciRequestOptions } from './request/undici.js';
export { TelegramObject } from './telegramobject.js';
export type {
  InlineKeyboardButtonLike,
  KeyboardButtonLike,
  ReplyKeyboardOptions,
} from './types/keyboards.js';
export type {
  BuildReplyArgumentsOptions,
  QuoteOptions,
  QuotePosition,
  ReplyArguments,
} from './types/message-quote.js';
export type { EditOptions, ReactionLike, ReplyOptions } from './types/message-shortcuts.js';
export {
  INLINE_QUERY_RESULTS_PER_PAGE,
  type InlineQueryAnswerOptions,
  type InlineQueryResults,
} from './types/queries.js';
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

import './types/file.js';
import './types/properties.js';
import './types/shortcuts.js';
import './types/update.js';
