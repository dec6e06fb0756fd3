/**
 * Handles chosen inline results, optionally by a pattern on the result id.
 */
import { Update } from '../../generated/types.js';
import type { Application } from '../application.js';
import type { AnyContext, CallbackContext } from '../context.js';
import { BaseHandler, type HandlerCallback, type HandlerOptions } from './base.js';
import { compileStartPattern, matchStart, type Pattern, type UpdateWith } from './common.js';

/** Options of {@link ChosenInlineResultHandler}. */
export interface ChosenInlineResultHandlerOptions extends HandlerOptions {
  /** Matched at the start of `chosen_inline_result.result_id`; the match lands in `context.matches`. */
  readonly pattern?: Pattern | undefined;
}

/**
 * Handles `chosen_inline_result` updates.
 *
 * @example
 * ```ts
 * app.addHandler(new ChosenInlineResultHandler((update) => log(update.chosen_inline_result.result_id)));
 * ```
 */
export class ChosenInlineResultHandler<
  C extends AnyContext = CallbackContext,
  R = unknown,
> extends BaseHandler<UpdateWith<'chosen_inline_result'>, C, R, RegExpMatchArray | true> {
  readonly pattern: Pattern | undefined;
  readonly #pattern: RegExp | undefined;

  constructor(
    callback: HandlerCallback<UpdateWith<'chosen_inline_result'>, C, R>,
    options: ChosenInlineResultHandlerOptions = {},
  ) {
    super(callback, options);
    this.pattern = options.pattern;
    this.#pattern = options.pattern === undefined ? undefined : compileStartPattern(options.pattern);
  }

  checkUpdate(update: unknown): RegExpMatchArray | true | undefined | null | false {
    if (!(update instanceof Update)) return undefined;
    const result = update.chosen_inline_result;
    if (result === undefined) return undefined;
    return this.#pattern === undefined ? true : matchStart(this.#pattern, result.result_id);
  }

  override collectAdditionalContext(
    context: C,
    _update: UpdateWith<'chosen_inline_result'>,
    _application: Application<C>,
    checkResult: RegExpMatchArray | true,
  ): void {
    if (checkResult !== true) context.matches = [checkResult];
  }
}
