/**
 * The `context` argument of every handler callback and error handler (PTB's `CallbackContext`).
 */
import type { Bot } from '../bot.js';
import { type CallbackQuery, type Chat, Update, type User } from '../generated/types.js';
import type { Application } from './application.js';
import type { CallbackDataCache } from './callback-data/cache.js';
import type { ExtBot } from './ext-bot.js';
import type { Job } from './job-queue/job.js';
import type { JobQueue } from './job-queue/job-queue.js';
import type { BasePersistence } from './persistence/base.js';
import type { UpdateQueue } from './updater/update-queue.js';

/** A job of any context type, as `context.job` holds it. */
export type JobLike = Job<AnyContext>;

/**
 * The part of an {@link Application} a context reads. Kept structural (and free of the context
 * type) so that custom context classes stay assignable to one another.
 */
export interface ContextHost {
  readonly bot: Bot;
  readonly botData: unknown;
  readonly updateQueue: UpdateQueue;
  readonly jobQueue: unknown;
  /** The persistence, for {@link CallbackContext.refreshData}; none when absent or `null`. */
  readonly persistence?: BasePersistence<unknown, unknown, unknown> | null | undefined;
  /** The `chatData` object of a chat, created on first use. */
  chatDataFor(chatId: number): unknown;
  /** The `userData` object of a user, created on first use. */
  userDataFor(userId: number): unknown;
}

/** The constructor shape of a context class, as {@link ContextTypes} takes it. */
export type ContextConstructor<C> = new (application: ContextHost, chatId?: number, userId?: number) => C;

/**
 * The context handed to callbacks: the bot, the application, the data of the chat and user of
 * the update, command arguments, regex matches, the error (in error handlers).
 *
 * Type parameters: the bot class, and the types of `userData`, `chatData` and `botData`.
 *
 * @example
 * ```ts
 * app.addHandler(new CommandHandler('count', async (update, context) => {
 *   const data = context.userData!;
 *   data.count = ((data.count as number | undefined) ?? 0) + 1;
 *   await update.message!.replyText(`You counted ${data.count} times`);
 * }));
 * ```
 */
export class CallbackContext<
  B extends Bot = ExtBot,
  UD = Record<string, unknown>,
  CD = Record<string, unknown>,
  BD = Record<string, unknown>,
> {
  /** Arguments of a command (`/start a b` gives `['a', 'b']`), set by command handlers. */
  args: string[] | undefined = undefined;
  /** Regex matches set by pattern-based handlers and regex filters. */
  matches: RegExpMatchArray[] | undefined = undefined;
  /** The error, in error handlers. */
  error: unknown = undefined;
  /** The job that runs, in job callbacks (and in errors raised by jobs). */
  job: JobLike | undefined = undefined;
  /** The task whose failure is being handled, in error handlers for `createTask`/non-blocking handlers. */
  coroutine: Promise<unknown> | undefined = undefined;

  readonly #application: ContextHost;
  #chatId: number | undefined;
  #userId: number | undefined;
  /** The update whose chat and user ids are looked up on first use of the data (most callbacks never ask). */
  #pendingUpdate: Update | undefined;

  constructor(application: ContextHost, chatId?: number, userId?: number) {
    this.#application = application;
    this.#chatId = chatId;
    this.#userId = userId;
  }

  /** A context for an update: chat and user data are those of its effective chat and user. */
  static fromUpdate(this: typeof CallbackContext, update: unknown, application: ContextHost): CallbackContext;
  static fromUpdate<T>(this: ContextConstructor<T>, update: unknown, application: ContextHost): T;
  static fromUpdate<T>(this: ContextConstructor<T>, update: unknown, application: ContextHost): T {
    if (!(update instanceof Update)) return new this(application);
    // A subclass may read the ids in its constructor: it gets them there, as in PTB.
    // biome-ignore lint/complexity/noThisInStatic: `this` is the context class the application uses.
    if ((this as unknown) !== CallbackContext) {
      return new this(application, update.effectiveChat?.id, update.effectiveUser?.id);
    }
    const context = new CallbackContext(application);
    context.#pendingUpdate = update;
    return context as T;
  }

  #resolveIds(): void {
    const update = this.#pendingUpdate;
    if (update === undefined) return;
    this.#pendingUpdate = undefined;
    this.#chatId = update.effectiveChat?.id;
    this.#userId = update.effectiveUser?.id;
  }

  /** A context for an error handler, with {@link CallbackContext.error} (and {@link CallbackContext.job}/{@link CallbackContext.coroutine}) set. */
  static fromError(
    this: typeof CallbackContext,
    update: unknown,
    error: unknown,
    application: ContextHost,
    job?: JobLike,
    coroutine?: Promise<unknown>,
  ): CallbackContext;
  static fromError<T>(
    this: ContextConstructor<T>,
    update: unknown,
    error: unknown,
    application: ContextHost,
    job?: JobLike,
    coroutine?: Promise<unknown>,
  ): T;
  static fromError<T>(
    this: ContextConstructor<T>,
    update: unknown,
    error: unknown,
    application: ContextHost,
    job?: JobLike,
    coroutine?: Promise<unknown>,
  ): T {
    const base = job !== undefined && !(update instanceof Update) ? fromJobIds(job) : fromUpdateIds(update);
    const context = new this(application, base.chatId, base.userId) as T & CallbackContextFields;
    context.error = error;
    context.job = job;
    context.coroutine = coroutine;
    return context;
  }

  /** A context for a job callback: chat and user data are those the job names. */
  static fromJob(this: typeof CallbackContext, job: JobLike, application: ContextHost): CallbackContext;
  static fromJob<T>(this: ContextConstructor<T>, job: JobLike, application: ContextHost): T;
  static fromJob<T>(this: ContextConstructor<T>, job: JobLike, application: ContextHost): T {
    const context = new this(application, job.chatId, job.userId) as T & CallbackContextFields;
    context.job = job;
    return context;
  }

  /** The application this context belongs to. */
  get application(): Application<this> {
    return this.#application as unknown as Application<this>;
  }

  get bot(): B {
    return this.#application.bot as B;
  }

  /** Data shared by the whole bot. */
  get botData(): BD {
    return this.#application.botData as BD;
  }

  /** Data of the update's chat, created on first use; `undefined` for updates without a chat. */
  get chatData(): CD | undefined {
    this.#resolveIds();
    return this.#chatId === undefined ? undefined : (this.#application.chatDataFor(this.#chatId) as CD);
  }

  /** Data of the update's user, created on first use; `undefined` for updates without a user. */
  get userData(): UD | undefined {
    this.#resolveIds();
    return this.#userId === undefined ? undefined : (this.#application.userDataFor(this.#userId) as UD);
  }

  /** The application's job queue; `null` when built with `.jobQueue(null)`. */
  get jobQueue(): JobQueue<this> | null {
    return (this.#application.jobQueue ?? null) as JobQueue<this> | null;
  }

  /** The application's update queue: put objects here to have them processed like updates. */
  get updateQueue(): UpdateQueue {
    return this.#application.updateQueue;
  }

  /** The first of {@link matches}. */
  get match(): RegExpMatchArray | undefined {
    return this.matches?.[0];
  }

  /**
   * Hands this context's bot, chat and user data to the persistence's refresh hooks (PTB's
   * `refresh_data`), for the kinds it stores, so data another process wrote is taken in. The
   * application does this before an update's handlers run; a job runner calls it before a job.
   * Does nothing without a persistence.
   *
   * @example
   * ```ts
   * const context = CallbackContext.fromJob(job, application);
   * await context.refreshData();
   * ```
   */
  async refreshData(): Promise<void> {
    const persistence = this.#application.persistence;
    if (persistence === undefined || persistence === null) return;
    const store = persistence.storeData;
    if (store.botData) await persistence.refreshBotData(this.botData);
    this.#resolveIds();
    if (store.chatData && this.#chatId !== undefined) {
      await persistence.refreshChatData(this.#chatId, this.chatData);
    }
    if (store.userData && this.#userId !== undefined) {
      await persistence.refreshUserData(this.#userId, this.userData);
    }
  }

  /** Copies the given fields onto this context (PTB's `update`). */
  update(data: Readonly<Record<string, unknown>>): void {
    Object.assign(this, data);
  }

  /**
   * Drops the cached data of the keyboard a callback query came from (PTB's
   * `drop_callback_data`), once its buttons were replaced and the old data is needed no more.
   * Throws when the bot has no arbitrary callback data, or when the cache does not know the query.
   *
   * @example
   * ```ts
   * await query.editMessageText('Next:', { reply_markup: nextKeyboard });
   * context.dropCallbackData(query);
   * ```
   */
  dropCallbackData(callbackQuery: Pick<CallbackQuery, 'id'>): void {
    const cache = (this.bot as { readonly callbackDataCache?: CallbackDataCache | undefined })
      .callbackDataCache;
    if (cache === undefined) {
      throw new Error(
        'This bot does not use arbitrary callback data (no callback data cache to drop from): build the application with .arbitraryCallbackData(true)',
      );
    }
    cache.dropData(callbackQuery);
  }
}

interface CallbackContextFields {
  error: unknown;
  job: JobLike | undefined;
  coroutine: Promise<unknown> | undefined;
}

function fromUpdateIds(update: unknown): { chatId: number | undefined; userId: number | undefined } {
  if (!(update instanceof Update)) return { chatId: undefined, userId: undefined };
  try {
    return { chatId: update.effectiveChat?.id, userId: update.effectiveUser?.id };
  } catch {
    // A malformed nested object (built on first read) must not keep the error from its handlers.
    return { chatId: undefined, userId: undefined };
  }
}

function fromJobIds(job: JobLike): { chatId: number | undefined; userId: number | undefined } {
  return { chatId: job.chatId, userId: job.userId };
}

/** Any context: the constraint of context type parameters. */
export type AnyContext = CallbackContext<Bot, unknown, unknown, unknown>;
/** The bot type of a context type. */
export type BotOf<C extends AnyContext> = C['bot'];
/** The `userData` type of a context type. */
export type UserDataOf<C extends AnyContext> = NonNullable<C['userData']>;
/** The `chatData` type of a context type. */
export type ChatDataOf<C extends AnyContext> = NonNullable<C['chatData']>;
/** The `botData` type of a context type. */
export type BotDataOf<C extends AnyContext> = C['botData'];

/**
 * The context of a callback whose handler always sets `context.args` (CommandHandler,
 * PrefixHandler, StringCommandHandler): `args` is a `string[]`, never `undefined`.
 *
 * @example
 * ```ts
 * async function onRoll(update: CommandUpdate, context: CommandContext): Promise<void> {
 *   const sides = Number(context.args[0] ?? 6);
 *   await update.effectiveMessage.replyText(String(1 + Math.floor(Math.random() * sides)));
 * }
 * app.addHandler(new CommandHandler('roll', onRoll));
 * ```
 */
export type CommandContext<C extends AnyContext = CallbackContext> = C & { args: string[] };

/**
 * The context of a callback whose handler always sets the regex match (StringRegexHandler, and
 * CallbackQueryHandler, InlineQueryHandler, ChosenInlineResultHandler given a string or RegExp
 * `pattern`): `matches` and `match` are present.
 *
 * @example
 * ```ts
 * async function onChoice(update: CallbackQueryUpdate, context: MatchContext): Promise<void> {
 *   await update.callback_query.answer({ text: `You chose ${context.match[1]}` });
 * }
 * app.addHandler(new CallbackQueryHandler(onChoice, { pattern: /^choice:(\d+)$/ }));
 * ```
 */
export type MatchContext<C extends AnyContext = CallbackContext> = C & {
  matches: RegExpMatchArray[];
  readonly match: RegExpMatchArray;
};

/** Part of {@link UpdateContext}: `userData` present, as the update always has a user. */
export interface WithUserData<UD> {
  readonly userData: UD;
}

/** Part of {@link UpdateContext}: `chatData` present, as the update always has a chat. */
export interface WithChatData<CD> {
  readonly chatData: CD;
}

/**
 * The context a callback sees for updates of type `U`: `userData` is present (not `undefined`)
 * when `U` always has an `effectiveUser`, and `chatData` when it always has an `effectiveChat`
 * (a callback query always has a user, a chat join request a user and a chat, a channel post
 * only a chat). Every handler hands its callback this context for its narrowed update type.
 *
 * @example
 * ```ts
 * type Ctx = CallbackContext<ExtBot, { visits: number }>;
 * async function onButton(update: CallbackQueryUpdate, context: UpdateContext<CallbackQueryUpdate, Ctx>) {
 *   context.userData.visits += 1; // no `!`: a callback query always comes from a user
 * }
 * ```
 */
export type UpdateContext<U, C extends AnyContext = CallbackContext> = [U] extends [never]
  ? C // No update type known (`BaseHandler<never>`, any handler): nothing guaranteed.
  : C &
      ([U] extends [{ readonly effectiveUser: User }] ? WithUserData<UserDataOf<C>> : unknown) &
      ([U] extends [{ readonly effectiveChat: Chat }] ? WithChatData<ChatDataOf<C>> : unknown);
