/**
 * Which context class and which data objects an application uses (PTB's `ContextTypes`).
 */
import {
  type AnyContext,
  type BotDataOf,
  CallbackContext,
  type ChatDataOf,
  type ContextHost,
  type JobLike,
  type UserDataOf,
} from './context.js';

/** A context class: the constructor plus the static factories {@link CallbackContext} provides. */
export interface ContextClass<C> {
  new (application: ContextHost, chatId?: number, userId?: number): C;
  /** Builds the context a handler callback gets for `update`. */
  fromUpdate(update: unknown, application: ContextHost): NoInfer<C>;
  /** Builds the context an error handler gets: `context.error` is `error`, with the job or the task that failed. */
  fromError(
    update: unknown,
    error: unknown,
    application: ContextHost,
    job?: JobLike,
    coroutine?: Promise<unknown>,
  ): NoInfer<C>;
  /** Builds the context a job callback gets: `context.job` is `job`. */
  fromJob(job: JobLike, application: ContextHost): NoInfer<C>;
}

/** Makes a fresh data object: a class (called with `new`) or a function. */
export type DataFactory<T> = (new () => T) | (() => T);

/** Options of {@link ContextTypes}. */
export interface ContextTypesOptions<C extends AnyContext> {
  /** The context class; default {@link CallbackContext}. */
  readonly context?: ContextClass<C>;
  /** Makes `botData`; default `{}`. */
  readonly botData?: DataFactory<BotDataOf<C>>;
  /** Makes each chat's `chatData`; default `{}`. */
  readonly chatData?: DataFactory<ChatDataOf<C>>;
  /** Makes each user's `userData`; default `{}`. */
  readonly userData?: DataFactory<UserDataOf<C>>;
}

function plainObject(): Record<string, unknown> {
  return {};
}

function toFactory<T>(source: DataFactory<T> | undefined): () => T {
  if (source === undefined) return plainObject as () => T;
  if (typeof source.prototype === 'object' && source.prototype !== null) {
    const Class = source as new () => T;
    return () => new Class();
  }
  return source as () => T;
}

/**
 * Plugs a custom context class and custom data types into an application.
 *
 * @example
 * ```ts
 * class MyContext extends CallbackContext<ExtBot, { visits: number }> {
 *   get visits(): number { return this.userData?.visits ?? 0; }
 * }
 * const app = Application.builder().token(token)
 *   .contextTypes(new ContextTypes({ context: MyContext, userData: () => ({ visits: 0 }) }))
 *   .build(); // Application<MyContext>
 * // Custom data with the default context class: name the context type.
 * new ContextTypes<CallbackContext<ExtBot, { visits: number }>>({ userData: () => ({ visits: 0 }) });
 * ```
 */
export class ContextTypes<C extends AnyContext = CallbackContext> {
  /** The context class. */
  readonly context: ContextClass<C>;
  /** Makes `botData`. */
  readonly botData: () => BotDataOf<C>;
  /** Makes a chat's data. */
  readonly chatData: () => ChatDataOf<C>;
  /** Makes a user's data. */
  readonly userData: () => UserDataOf<C>;

  constructor(options: ContextTypesOptions<C> = {}) {
    this.context = options.context ?? (CallbackContext as unknown as ContextClass<C>);
    if (
      typeof this.context !== 'function' ||
      !(this.context.prototype instanceof CallbackContext || this.context === (CallbackContext as unknown))
    ) {
      throw new TypeError('ContextTypes: context must be CallbackContext or a subclass of it');
    }
    this.botData = toFactory(options.botData);
    this.chatData = toFactory(options.chatData);
    this.userData = toFactory(options.userData);
  }
}

/** Types that belong to {@link ContextTypes}. */
export declare namespace ContextTypes {
  /** The default context type, for annotating callbacks: `(update: Update, context: ContextTypes.DEFAULT_TYPE)`. */
  type DEFAULT_TYPE = CallbackContext;
}
