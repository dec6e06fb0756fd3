/**
 * typescript-telegram-bot/ext: the application framework (python-telegram-bot's `telegram.ext`):
 * Application and its builder, handlers, context, defaults, update processors, long polling.
 */
export {
  Application,
  type ApplicationHook,
  type ApplicationOptions,
  type CreateTaskOptions,
  type ErrorCallback,
  type RunPollingOptions,
} from './application.js';
export { ApplicationBuilder, type ApplicationClass } from './builder.js';
export {
  type AnyContext,
  type BotDataOf,
  type BotOf,
  CallbackContext,
  type ChatDataOf,
  type ContextConstructor,
  type ContextHost,
  type JobLike,
  type UserDataOf,
} from './context.js';
export {
  type ContextClass,
  ContextTypes,
  type ContextTypesOptions,
  type DataFactory,
} from './contexttypes.js';
export { Defaults, type DefaultsOptions } from './defaults.js';
export { ApplicationHandlerStop, FeatureNotAvailableError, MalformedUpdateError } from './errors.js';
export { ExtBot, type ExtBotOptions } from './extbot.js';
export { type AnyHandler, BaseHandler, type HandlerCallback, type HandlerOptions } from './handlers/base.js';
export { defaultLogger } from './logging.js';
export {
  BaseUpdateProcessor,
  orderingKey,
  PerChatUpdateProcessor,
  SimpleUpdateProcessor,
  type UpdateRunner,
} from './processor.js';
export { UpdateQueue } from './updatequeue.js';
export { type PollingOptions, parseUpdate, Updater, type UpdaterOptions } from './updater.js';
