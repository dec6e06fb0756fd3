/**
 * `StringRegexHandler`: plain strings put into the update queue that match a pattern.
 */
import type { AnyContext, CallbackContext, MatchContext } from '../context.js';
import { BaseHandler, type CallbackOf, type HandlerOptions } from './base.js';
import { compileStartPattern, matchStart } from './common.js';

/**
 * Handles string updates that match `pattern` at their start (as Python's `re.match`); the match
 * is in `context.matches[0]` (`context.match`), always present in the callback.
 *
 * @example new StringRegexHandler(/^say (.+)$/, async (_text, context) => console.log(context.match[1]))
 */
export class StringRegexHandler<C extends AnyContext = CallbackContext, R = unknown> extends BaseHandler<
  string,
  C,
  R,
  RegExpExecArray,
  MatchContext<C>
> {
  /** The pattern as given. */
  readonly pattern: RegExp;
  readonly #anchored: RegExp;

  constructor(
    pattern: string | RegExp,
    callback: CallbackOf<string, MatchContext<C>, R>,
    options: HandlerOptions = {},
  ) {
    super(callback, options);
    this.pattern = typeof pattern === 'string' ? new RegExp(pattern) : pattern;
    this.#anchored = compileStartPattern(pattern);
  }

  /** The match when `update` is a string matching at its start, else `undefined`. */
  checkUpdate(update: unknown): RegExpExecArray | undefined {
    if (typeof update !== 'string') return undefined;
    return matchStart(this.#anchored, update) ?? undefined;
  }

  /** Puts the match into `context.matches`. */
  override collectAdditionalContext(
    context: C,
    _update: string,
    _application: unknown,
    checkResult: RegExpExecArray,
  ): void {
    context.matches = [checkResult];
  }
}
