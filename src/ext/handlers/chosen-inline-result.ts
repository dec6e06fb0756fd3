/**
 * Handles chosen inline results, optionally by a pattern on the result id.
 */
import { Update } from '../../generated/types.js';
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
 * The update a ChosenInlineResultHandler callback sees: `chosen_inline_result` and `effectiveUser` present.
 *
 * @example
 * ```ts
 * const onChosen = (update: ChosenInlineResultUpdate) => log(update.chosen_inline_result.result_id);
 * ```
 */
export type ChosenInlineResultUpdate = UpdateWith<'chosen_inline_result'>;

/** Options of {@link ChosenInlineResultHandler}. */
export interface ChosenInlineResultHandlerOptions<P extends Pattern | undefined = Pattern | undefined>
  extends HandlerOptions {
  /** Matched at the start of `chosen_inline_result.result_id`; the match lands in `context.matches`. */
  readonly pattern?: P;
}

/**
 * Handles `chosen_inline_result` updates. With a `pattern`, only results whose id matches at its
 * start, and the callback gets `context.match`.
 *
 * @typeParam P - the type of `pattern`, inferred: a string or RegExp makes `context.match` present
 *
 * @example
 * ```ts
 * app.addHandler(new ChosenInlineResultHandler((update) => log(update.chosen_inline_result.result_id)));
 * ```
 */
export class ChosenInlineResultHandler<
  C extends AnyContext = CallbackContext,
  R = unknown,
  P extends Pattern | undefined = Pattern | undefined,
> extends BaseHandler<
  ChosenInlineResultUpdate,
  C,
  R,
  RegExpMatchArray | true,
  PatternContext<UpdateContext<ChosenInlineResultUpdate, C>, P>
> {
  readonly pattern: P | undefined;
  readonly #pattern: RegExp | undefined;

  constructor(
    callback: CallbackOf<
      ChosenInlineResultUpdate,
      PatternContext<UpdateContext<ChosenInlineResultUpdate, C>, P>,
      R
    >,
    options: ChosenInlineResultHandlerOptions<P> = {},
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
    _update: ChosenInlineResultUpdate,
    _application: Application<C>,
    checkResult: RegExpMatchArray | true,
  ): void {
    if (checkResult !== true) context.matches = [checkResult];
  }
}
