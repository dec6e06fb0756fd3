/**
 * typescript-telegram-bot: the whole Telegram Bot API, typed. `Bot` has every method; every API
 * type is a class with `fromJSON`/`toJSON`; errors carry what Telegram said.
 */
export { type BaseUrl, Bot, type BotOptions, type CallApiOptions } from './bot.js';
export * from './entities/index.js';
export * from './errors.js';
export { InvalidFieldError } from './fieldcheck.js';
export * from './generated/metadata.js';
export { BotApi, type ResultParser } from './generated/methods.js';
export type * from './generated/params.js';
export * from './generated/types.js';
export * from './helpers.js';
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

import './types/file.js';
import './types/update.js';
