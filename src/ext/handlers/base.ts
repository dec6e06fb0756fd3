/**
 * The base of every handler: a test (`checkUpdate`) and a callback.
 */
import type { Update } from '../../generated/types.js';
import type { Application } from '../application.js';
import type { AnyContext, CallbackContext, UpdateContext } from '../context.js';
import type { BaseFilter } from '../filters/base.js';

/** A handler callback: `async (update, context) => result`. */
export type HandlerCallback<U, C, R> = {
  // Method syntax keeps the parameters bivariant: handlers of narrowed updates stay assignable.
  /** Handles the update; what it returns (awaited) is the handler's result, e.g. a conversation's next state. */
  callback(update: U, context: C): R | Promise<R>;
}['callback'];

/**
 * The callback a handler constructor takes. Unlike {@link HandlerCallback} its parameters are
 * checked strictly, so a named callback must accept the update and context the handler hands it
 * (its update annotation may not be narrower than the handler's).
 */
export type CallbackOf<U, C, R> = (update: U, context: C) => R | Promise<R>;

/** Options every handler takes. */
export interface HandlerOptions {
  /**
   * `true` (default): the application waits for the callback before the next handler group and
   * the next update. `false`: the callback runs as a tracked task.
   */
  readonly block?: boolean | undefined;
}

/**
 * A handler decides whether it wants an update ({@link checkUpdate}) and then runs its callback.
 * Subclass it for custom handlers.
 *
 * @typeParam U - the update the handler takes, as its check narrowed it (what {@link handleUpdate} receives)
 * @typeParam C - the application's context type
 * @typeParam R - what the callback returns
 * @typeParam Check - what {@link checkUpdate} hands to {@link handleUpdate}
 * @typeParam CC - the context the callback sees: `C` with what the handler guarantees
 *   (`userData`/`chatData` for updates that always have a user/chat, `args`, `matches`)
 * @typeParam A - what the callback receives first: the update, except for handlers that hand it
 *   something else (MediaGroupHandler hands the whole album)
 *
 * @example
 * ```ts
 * class EverythingHandler extends BaseHandler<unknown> {
 *   checkUpdate(update: unknown): boolean { return true; }
 * }
 * ```
 */
export abstract class BaseHandler<
  U = Update,
  C extends AnyContext = CallbackContext,
  R = unknown,
  Check = unknown,
  CC extends C = UpdateContext<U, C>,
  A = U,
> {
  /** The function called with `(update, context)` when the handler matches. */
  readonly callback: HandlerCallback<A, CC, R>;
  /** Whether the application awaits the callback (see {@link HandlerOptions.block}). */
  readonly block: boolean;
  /** `true` when `block` was not given, so `Defaults.block` may override it. */
  readonly blockIsDefault: boolean;

  constructor(callback: CallbackOf<A, CC, R>, options: HandlerOptions = {}) {
    if (typeof callback !== 'function') throw new TypeError('A handler needs a callback function');
    this.callback = callback;
    this.block = options.block ?? true;
    this.blockIsDefault = options.block === undefined;
  }

  /**
   * Whether this handler wants the update. `undefined`, `null` and `false` mean no; anything else
   * is the check result handed to {@link handleUpdate}. Receives any object put into the queue.
   */
  abstract checkUpdate(update: unknown): Check | undefined | null | false;

  /**
   * Fills the context from the check result (e.g. `context.args`): what turns the application's
   * context `C` into the callback's `CC`. Does nothing by default.
   */
  collectAdditionalContext(
    _context: C,
    _update: U,
    _application: Application<C>,
    _checkResult: Check,
  ): void {}

  /** Prepares the context and runs the callback. */
  async handleUpdate(update: U, application: Application<C>, checkResult: Check, context: C): Promise<R> {
    this.collectAdditionalContext(context, update, application, checkResult);
    // The cast is what collectAdditionalContext just made true; with A !== U, override this method.
    return await this.callback(update as unknown as A, context as CC);
  }
}

/** Any handler an `Application<C>` accepts. */
export type AnyHandler<C extends AnyContext> = BaseHandler<never, C, unknown, unknown, C, never>;

/** A handler type, as {@link UpdateOf} and {@link ContextOf} read it. */
type HandlerShape = { readonly callback: HandlerCallback<never, never, unknown> };

/**
 * What the callback of a handler type receives first: its narrowed update (for MediaGroupHandler,
 * the album). Works on handler classes, so a named callback can be typed before the handler
 * exists; given a filter, the update a MessageHandler with that filter hands its callback.
 *
 * @example
 * ```ts
 * async function onStart(update: UpdateOf<CommandHandler>, context: ContextOf<CommandHandler>) {
 *   await update.effectiveMessage.replyText(`Hi! ${context.args.join(' ')}`);
 * }
 * const PRIVATE_TEXT = filters.TEXT.and(filters.ChatType.PRIVATE);
 * async function onText(update: UpdateOf<typeof PRIVATE_TEXT>) {
 *   await update.effectiveMessage.replyText(update.effectiveMessage.text);
 * }
 * app.addHandler(new MessageHandler(PRIVATE_TEXT, onText));
 * ```
 */
export type UpdateOf<H extends HandlerShape | BaseFilter<Update>> =
  H extends BaseFilter<infer U> ? U : H extends HandlerShape ? Parameters<H['callback']>[0] : never;

/**
 * The context the callback of a handler type receives, with what the handler guarantees
 * (`args` for command handlers, `userData` for callback queries, ...). See {@link UpdateOf}.
 *
 * @example type ButtonContext = ContextOf<CallbackQueryHandler<MyContext>>;
 */
export type ContextOf<H extends HandlerShape> = Parameters<H['callback']>[1];
