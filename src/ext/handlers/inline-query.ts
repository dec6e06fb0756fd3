/**
 * Handles inline queries, optionally by a pattern on the query text and by chat type.
 */
import { Update } from '../../generated/types.js';
import type { Application } from '../application.js';
import type { AnyContext, CallbackContext } from '../context.js';
import { BaseHandler, type HandlerCallback, type HandlerOptions } from './base.js';
import { compileStartPattern, matchStart, type Pattern, type UpdateWith } from './common.js';

/** Options of {@link InlineQueryHandler}. */
export interface InlineQueryHandlerOptions extends HandlerOptions {
  /** Matched at the start of `inline_query.query`; the match lands in `context.matches`. */
  readonly pattern?: Pattern | undefined;
  /** Only queries sent from these chat types (`sender`, `private`, `group`, `supergroup`, `channel`). */
  readonly chatTypes?: readonly string[] | undefined;
}

/**
 * Handles `inline_query` updates.
 *
 * @example
 * ```ts
 * app.addHandler(new InlineQueryHandler(async (update) => {
 *   await update.inline_query.answer([]);
 * }, { chatTypes: ['private'] }));
 * ```
 */
export class InlineQueryHandler<C extends AnyContext = CallbackContext, R = unknown> extends BaseHandler<
  UpdateWith<'inline_query'>,
  C,
  R,
  RegExpMatchArray | true
> {
  readonly pattern: Pattern | undefined;
  readonly chatTypes: readonly string[] | undefined;
  readonly #pattern: RegExp | undefined;

  constructor(
    callback: HandlerCallback<UpdateWith<'inline_query'>, C, R>,
    options: InlineQueryHandlerOptions = {},
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
    _update: UpdateWith<'inline_query'>,
    _application: Application<C>,
    checkResult: RegExpMatchArray | true,
  ): void {
    if (checkResult !== true) context.matches = [checkResult];
  }
}
