/**
 * Handles inline queries, optionally by a pattern on the query text and by chat type.
 */
import { type InlineQuery, Update } from '../../generated/types.js';

/** The chat types an inline query may be sent from. */
export type InlineQueryChatType = NonNullable<InlineQuery['chat_type']>;

import type { Application } from '../application.js';
import type { AnyContext, CallbackContext, UpdateContext } from '../context.js';
import { BaseHandler, type CallbackOf, type HandlerOptions } from './base.js';
import {
  compileStartPattern,
  matchStart,
  type Pattern,
  type PatternContext,
  type UpdateWith,
} from './common.js';

/**
 * The update an InlineQueryHandler callback sees: `inline_query` and `effectiveUser` present.
 *
 * @example
 * ```ts
 * const onQuery = (update: InlineQueryUpdate) => update.inline_query.answer([]);
 * ```
 */
export type InlineQueryUpdate = UpdateWith<'inline_query'>;

/** Options of {@link InlineQueryHandler}. */
export interface InlineQueryHandlerOptions<P extends Pattern | undefined = Pattern | undefined>
  extends HandlerOptions {
  /** Matched at the start of `inline_query.query`; the match lands in `context.matches`. */
  readonly pattern?: P;
  /** Only queries sent from these chat types (`sender`, `private`, `group`, `supergroup`, `channel`). */
  readonly chatTypes?: readonly InlineQueryChatType[] | undefined;
}

/**
 * Handles `inline_query` updates. With a `pattern`, only queries whose text matches at its start,
 * and the callback gets `context.match`.
 *
 * @typeParam P - the type of `pattern`, inferred: a string or RegExp makes `context.match` present
 *
 * @example
 * ```ts
 * app.addHandler(new InlineQueryHandler(async (update) => {
 *   await update.inline_query.answer([]);
 * }, { chatTypes: ['private'] }));
 * ```
 */
export class InlineQueryHandler<
  C extends AnyContext = CallbackContext,
  R = unknown,
  P extends Pattern | undefined = Pattern | undefined,
> extends BaseHandler<
  InlineQueryUpdate,
  C,
  R,
  RegExpMatchArray | true,
  PatternContext<UpdateContext<InlineQueryUpdate, C>, P>
> {
  readonly pattern: P | undefined;
  readonly chatTypes: readonly InlineQueryChatType[] | undefined;
  readonly #pattern: RegExp | undefined;

  constructor(
    callback: CallbackOf<InlineQueryUpdate, PatternContext<UpdateContext<InlineQueryUpdate, C>, P>, R>,
    options: InlineQueryHandlerOptions<P> = {},
  ) {
    super(callback, options);
    this.pattern = options.pattern;
    this.chatTypes = options.chatTypes;
    this.#pattern = options.pattern === undefined ? undefined : compileStartPattern(options.pattern);
  }

  checkUpdate(update: unknown): RegExpMatchArray | true | undefined | null | false {
    if (!(update instanceof Update)) return undefined;
    const query = update.inline_query;
    if (query === undefined) return undefined;
    if (
      this.chatTypes !== undefined &&
      (query.chat_type === undefined || !this.chatTypes.includes(query.chat_type))
    ) {
      return false;
    }
    if (this.#pattern === undefined) return true;
    return query.query === '' ? undefined : matchStart(this.#pattern, query.query);
  }

  override collectAdditionalContext(
    context: C,
    _update: InlineQueryUpdate,
    _application: Application<C>,
    checkResult: RegExpMatchArray | true,
  ): void {
    if (checkResult !== true) context.matches = [checkResult];
  }
}
