/**
 * typescript-telegram-bot/ext: the application framework (python-telegram-bot's `telegram.ext`):
 * Application and its builder, handlers, context, defaults, update processors, long polling and
 * webhooks (a built-in server, a web-standard handler and a node request listener).
 */
export {
  Application,
  type ApplicationHook,
  type ApplicationOptions,
  type CreateTaskOptions,
  type ErrorCallback,
  type RunPollingOptions,
  type RunWebhookOptions,
  type RunWorkerOptions,
} from './application.js';
export {
  type BroadcastFailure,
  type BroadcastOptions,
  type BroadcastProgress,
  type BroadcastResult,
  broadcast,
} from './broadcast.js';
export { ApplicationBuilder, type ApplicationClass } from './builder.js';
export {
  CallbackDataButton,
  type CallbackDataButtonOptions,
  callbackButton,
  callbackDataOf,
} from './callback-data/buttons.js';
export {
  type ArbitraryInlineKeyboard,
  CallbackDataCache,
  type CallbackDataCacheOptions,
  InvalidCallbackData,
} from './callback-data/cache.js';
export {
  type AnyContext,
  type BotDataOf,
  type BotOf,
  CallbackContext,
  type ChatDataOf,
  type CommandContext,
  type ContextConstructor,
  type ContextHost,
  type JobLike,
  type MatchContext,
  type UpdateContext,
  type UserDataOf,
  type WithChatData,
  type WithUserData,
} from './context.js';
export {
  type ContextClass,
  ContextTypes,
  type ContextTypesOptions,
  type DataFactory,
} from './context-types.js';
export { Defaults, type DefaultsOptions } from './defaults.js';
export { ApplicationHandlerStop, FeatureNotAvailableError, MalformedUpdateError } from './errors.js';
export { ExtBot, type ExtBotOptions } from './ext-bot.js';
/** PTB's `telegram.ext.filters`: what `MessageHandler` and friends test messages with. */
export * as filters from './filters/index.js';
export {
  type AnyHandler,
  BaseHandler,
  type CallbackOf,
  type ContextOf,
  type HandlerCallback,
  type HandlerOptions,
  type UpdateOf,
} from './handlers/base.js';
export {
  BusinessConnectionHandler,
  type BusinessConnectionHandlerOptions,
  type BusinessConnectionUpdate,
} from './handlers/business-connection.js';
export {
  BusinessMessagesDeletedHandler,
  type BusinessMessagesDeletedHandlerOptions,
  type BusinessMessagesDeletedUpdate,
} from './handlers/business-messages-deleted.js';
export {
  type CallbackDataPattern,
  type CallbackQueryContext,
  CallbackQueryHandler,
  type CallbackQueryHandlerOptions,
  type CallbackQueryUpdate,
} from './handlers/callback-query.js';
export {
  ChatBoostHandler,
  type ChatBoostHandlerOptions,
  type ChatBoostUpdate,
} from './handlers/chat-boost.js';
export {
  ChatJoinRequestHandler,
  type ChatJoinRequestHandlerOptions,
  type ChatJoinRequestUpdate,
} from './handlers/chat-join-request.js';
export {
  ChatMemberHandler,
  type ChatMemberHandlerOptions,
  type ChatMemberUpdate,
} from './handlers/chat-member.js';
export {
  ChosenInlineResultHandler,
  type ChosenInlineResultHandlerOptions,
  type ChosenInlineResultUpdate,
} from './handlers/chosen-inline-result.js';
export {
  type CommandCheck,
  CommandHandler,
  type CommandHandlerContext,
  type CommandHandlerOptions,
  type CommandUpdate,
  type MessagesUpdate,
} from './handlers/command.js';
export type { Pattern, PatternContext, UpdateWith } from './handlers/common.js';
export {
  type ConversationCheck,
  type ConversationEnd,
  ConversationHandler,
  type ConversationHandlerOptions,
  type ConversationMember,
  ConversationStateError,
  type ConversationStates,
  type SpecialState,
  type StateResult,
} from './handlers/conversation.js';
export {
  type InlineQueryChatType,
  InlineQueryHandler,
  type InlineQueryHandlerOptions,
  type InlineQueryUpdate,
} from './handlers/inline-query.js';
export { UpdateKindHandler } from './handlers/kind.js';
export {
  type ManagedBotUpdate,
  ManagedBotUpdatedHandler,
  type ManagedBotUpdatedHandlerOptions,
} from './handlers/managed-bot.js';
export {
  type MediaGroup,
  type MediaGroupContext,
  MediaGroupHandler,
  type MediaGroupHandlerOptions,
  type MediaGroupUpdate,
} from './handlers/media-group.js';
export { MessageHandler } from './handlers/message.js';
export {
  MessageReactionHandler,
  type MessageReactionHandlerOptions,
  type MessageReactionUpdate,
} from './handlers/message-reaction.js';
export {
  PaidMediaPurchasedHandler,
  type PaidMediaPurchasedHandlerOptions,
  type PaidMediaPurchasedUpdate,
} from './handlers/paid-media.js';
export { PollHandler, type PollUpdate } from './handlers/poll.js';
export { PollAnswerHandler, type PollAnswerUpdate } from './handlers/poll-answer.js';
export {
  PreCheckoutQueryHandler,
  type PreCheckoutQueryHandlerOptions,
  type PreCheckoutQueryUpdate,
} from './handlers/pre-checkout-query.js';
export {
  PrefixHandler,
  type PrefixHandlerContext,
  type PrefixHandlerOptions,
  type PrefixUpdate,
} from './handlers/prefix.js';
export { ShippingQueryHandler, type ShippingQueryUpdate } from './handlers/shipping-query.js';
export {
  MessageGenerationStoppedHandler,
  type MessageGenerationStoppedUpdate,
} from './handlers/stopped-generation.js';
export { StringCommandHandler } from './handlers/string-command.js';
export { StringRegexHandler } from './handlers/string-regex.js';
export {
  BotSubscriptionHandler,
  type BotSubscriptionHandlerOptions,
  type BotSubscriptionUpdate,
} from './handlers/subscription.js';
export { type HandledType, type InstanceOf, TypeHandler, type TypeHandlerOptions } from './handlers/type.js';
export {
  Job,
  type JobApplication,
  type JobCallback,
  type JobInit,
} from './job-queue/job.js';
export {
  type CronOptions,
  type DailyOptions,
  type JobKwargs,
  type JobOptions,
  JobQueue,
  type JobQueueOptions,
  type JobQueueStopOptions,
  type JobRunGuard,
  type JsonValue,
  type PersistentJobOptions,
  type RepeatingOptions,
} from './job-queue/job-queue.js';
export type { ScheduleJSON, Weekday } from './job-queue/schedule.js';
export type { TimeOfDay, When } from './job-queue/time-input.js';
export { defaultLogger } from './logging.js';
export {
  isPersistenceParticipant,
  type MarkDataOptions,
} from './persistence/app-persistence.js';
export {
  BasePersistence,
  type BasePersistenceOptions,
  type ConversationDict,
  type ConversationKey,
  type ConversationState,
  HANDLED_UPDATES_KEPT,
  type MissedRunPolicy,
  type PersistedCallbackData,
  type PersistedJob,
  type PersistenceInput,
  type PersistenceParticipant,
  type UpdateRecord,
} from './persistence/base.js';
export { persistenceCopy } from './persistence/copy.js';
export { DictPersistence, type DictPersistenceOptions } from './persistence/dict-persistence.js';
export {
  EncodingPersistence,
  type EncodingPersistenceOptions,
} from './persistence/encoding-persistence.js';
export {
  type AnyClass,
  FilePersistence,
  type FilePersistenceOptions,
  type RegisterClassOptions,
} from './persistence/file-persistence.js';
export {
  type SqliteDatabase,
  SqlitePersistence,
  type SqlitePersistenceCommonOptions,
  type SqlitePersistenceOptions,
  type SqliteRunResult,
  type SqliteStatement,
} from './persistence/sqlite-persistence.js';
export {
  BaseUpdateProcessor,
  orderingKey,
  PerChatUpdateProcessor,
  SimpleUpdateProcessor,
  type UpdateRunner,
} from './processor.js';
export { BaseRateLimiter, type RateLimitArgs, RateLimiterShutDownError } from './rate-limiter/base.js';
export type { BudgetLimits, BudgetTake, BudgetWindow, RateBudget } from './rate-limiter/budget.js';
export type { Clock } from './rate-limiter/clock.js';
export { RateLimiter, type RateLimiterOptions } from './rate-limiter/rate-limiter.js';
export { UpdateQueue } from './updater/update-queue.js';
export type { UpdateSource, UpdateSourceCallbacks, UpdateSourceTarget } from './updater/update-source.js';
export {
  type PollingOptions,
  parseUpdate,
  Updater,
  type UpdaterOptions,
  type WebhookOptions,
} from './updater/updater.js';
export { DEFAULT_MAX_BODY_SIZE, SECRET_TOKEN_HEADER } from './updater/webhook-check.js';
export {
  type WebhookHandlerOptions,
  type WebhookRequestHandler,
  type WebhookTarget,
  webhookHandler,
} from './updater/webhook-handler.js';
export {
  type WebhookIncomingMessage,
  type WebhookListenerOptions,
  type WebhookNodeListener,
  webhookListener,
} from './updater/webhook-listener.js';
export type { PemSource } from './updater/webhook-options.js';
export {
  type WebhookHealth,
  type WebhookListenTarget,
  WebhookServer,
  type WebhookServerOptions,
  type WebhookTls,
} from './updater/webhook-server.js';
