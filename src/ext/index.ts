/**
 * typescript-telegram-bot/ext: the application framework (python-telegram-bot's `telegram.ext`):
 * Application and its builder, handlers, context, defaults, update processors, long polling and
 * webhooks (a built-in server and a web-standard handler).
 */
export {
  Application,
  type ApplicationHook,
  type ApplicationOptions,
  type CreateTaskOptions,
  type ErrorCallback,
  type RunPollingOptions,
  type RunWebhookOptions,
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
export * as filters from './filters/index.js';
export { type AnyHandler, BaseHandler, type HandlerCallback, type HandlerOptions } from './handlers/base.js';
export {
  BusinessConnectionHandler,
  type BusinessConnectionHandlerOptions,
} from './handlers/businessconnection.js';
export {
  BusinessMessagesDeletedHandler,
  type BusinessMessagesDeletedHandlerOptions,
} from './handlers/businessmessagesdeleted.js';
export {
  type CallbackDataPattern,
  CallbackQueryHandler,
  type CallbackQueryHandlerOptions,
} from './handlers/callbackquery.js';
export {
  ChatBoostHandler,
  type ChatBoostHandlerOptions,
  type ChatBoostUpdate,
} from './handlers/chatboost.js';
export { ChatJoinRequestHandler, type ChatJoinRequestHandlerOptions } from './handlers/chatjoinrequest.js';
export {
  ChatMemberHandler,
  type ChatMemberHandlerOptions,
  type ChatMemberUpdate,
} from './handlers/chatmember.js';
export {
  ChosenInlineResultHandler,
  type ChosenInlineResultHandlerOptions,
} from './handlers/choseninlineresult.js';
export {
  type CommandCheck,
  CommandHandler,
  type CommandHandlerOptions,
  type CommandUpdate,
  type MessagesUpdate,
} from './handlers/command.js';
export type { Pattern, UpdateWith } from './handlers/common.js';
export { InlineQueryHandler, type InlineQueryHandlerOptions } from './handlers/inlinequery.js';
export { UpdateKindHandler } from './handlers/kind.js';
export { ManagedBotUpdatedHandler, type ManagedBotUpdatedHandlerOptions } from './handlers/managedbot.js';
export { type MediaGroup, MediaGroupHandler, type MediaGroupHandlerOptions } from './handlers/mediagroup.js';
export { MessageHandler } from './handlers/message.js';
export {
  MessageReactionHandler,
  type MessageReactionHandlerOptions,
  type MessageReactionUpdate,
} from './handlers/messagereaction.js';
export { PaidMediaPurchasedHandler, type PaidMediaPurchasedHandlerOptions } from './handlers/paidmedia.js';
export { PollHandler } from './handlers/poll.js';
export { PollAnswerHandler } from './handlers/pollanswer.js';
export { PreCheckoutQueryHandler, type PreCheckoutQueryHandlerOptions } from './handlers/precheckoutquery.js';
export { PrefixHandler, type PrefixHandlerOptions, type PrefixUpdate } from './handlers/prefix.js';
export { ShippingQueryHandler } from './handlers/shippingquery.js';
export { MessageGenerationStoppedHandler } from './handlers/stoppedgeneration.js';
export { StringCommandHandler } from './handlers/stringcommand.js';
export { StringRegexHandler } from './handlers/stringregex.js';
export { BotSubscriptionHandler, type BotSubscriptionHandlerOptions } from './handlers/subscription.js';
export { type HandledType, type InstanceOf, TypeHandler, type TypeHandlerOptions } from './handlers/type.js';
export { defaultLogger } from './logging.js';
export {
  BaseUpdateProcessor,
  orderingKey,
  PerChatUpdateProcessor,
  SimpleUpdateProcessor,
  type UpdateRunner,
} from './processor.js';
export { UpdateQueue } from './updatequeue.js';
export {
  type PollingOptions,
  parseUpdate,
  Updater,
  type UpdaterOptions,
  type WebhookOptions,
} from './updater.js';
export { DEFAULT_MAX_BODY_SIZE, SECRET_TOKEN_HEADER } from './webhookcheck.js';
export {
  type WebhookHandlerOptions,
  type WebhookRequestHandler,
  type WebhookTarget,
  webhookHandler,
} from './webhookhandler.js';
export type { PemSource } from './webhookoptions.js';
export {
  type WebhookListenTarget,
  WebhookServer,
  type WebhookServerOptions,
  type WebhookTls,
} from './webhookserver.js';

// Object behaviour (shortcuts such as `message.replyText()`, `update.effectiveChat`) comes with the core.
import '../index.js';
