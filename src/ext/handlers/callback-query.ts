/**
 * Handles callback queries (inline button presses), optionally by a pattern on their data.
 */
import { Update } from '../../generated/types.js';
import type { Application } from '../application.js';
import type { AnyContext, CallbackContext } from '../context.js';
import { BaseHandler, type HandlerCallback, type HandlerOptions } from './base.js';
import { compileStartPattern, matchStart, type Pattern, type UpdateWith } from './common.js';

/** A test of the callback data: a string or RegExp (matched at the start), a predicate, or a class. */
export type CallbackDataPattern =
  | Pattern
  | ((data: unknown) => boolean)
  | (abstract new (
      ...args: never[]
    ) => unknown);

/** Options of {@link CallbackQueryHandler}. */
export interface CallbackQueryHandlerOptions extends HandlerOptions {
  /** Test of `callback_query.data`. */
  readonly pattern?: CallbackDataPattern | undefined;
  /** Pattern for `callback_query.game_short_name`. */
  readonly gamePattern?: Pattern | undefined;
}

type DataTest =
  | { readonly kind: 'regex'; readonly regex: RegExp }
  | { readonly kind: 'predicate'; readonly test: (data: unknown) => boolean }
  | { readonly kind: 'type'; readonly test: (data: unknown) => boolean };

const PRIMITIVES = new Map<unknown, string>([
  [String, 'string'],
  [Number, 'number'],
  [Boolean, 'boolean'],
  [BigInt, 'bigint'],
  [Symbol, 'symbol'],
]);

/** Whether a function is a class (or a built-in constructor) rather than a predicate. */
function isClass(fn: (...args: never[]) => unknown): boolean {
  if (PRIMITIVES.has(fn)) return true;
  const source = Function.prototype.toString.call(fn);
  return source.startsWith('class') || (source.includes('[native code]') && fn.prototype !== undefined);
}

function dataTest(pattern: CallbackDataPattern): DataTest {
  if (typeof pattern === 'string' || pattern instanceof RegExp) {
    return { kind: 'regex', regex: compileStartPattern(pattern) };
  }
  if (typeof pattern !== 'function')
    throw new TypeError('pattern must be a string, RegExp, function or class');
  if (isClass(pattern as (...args: never[]) => unknown)) {
    const primitive = PRIMITIVES.get(pattern);
    const cls = pattern as abstract new (...args: never[]) => unknown;
    return {
      kind: 'type',
      test: primitive === undefined ? (data) => data instanceof cls : (data) => typeof data === primitive,
    };
  }
  return { kind: 'predicate', test: pattern as (data: unknown) => boolean };
}

/**
 * Handles `callback_query` updates. With `pattern`, only queries whose data passes: a string or
 * RegExp matched at the start of the data (the match lands in `context.matches`), a predicate,
 * or a class (data that is an instance of it, for arbitrary callback data). With `gamePattern`,
 * game queries whose `game_short_name` matches.
 *
 * @example
 * ```ts
 * app.addHandler(new CallbackQueryHandler(async (update, context) => {
 *   await update.callback_query.answer({ text: `You chose ${context.match![1]}` });
 * }, { pattern: /^choice:(\d+)$/ }));
 * ```
 */
export class CallbackQueryHandler<C extends AnyContext = CallbackContext, R = unknown> extends BaseHandler<
  UpdateWith<'callback_query'>,
  C,
  R,
  RegExpMatchArray | true
> {
  readonly pattern: CallbackDataPattern | undefined;
  readonly gamePattern: Pattern | undefined;
  readonly #data: DataTest | undefined;
  readonly #game: RegExp | undefined;

  constructor(
    callback: HandlerCallback<UpdateWith<'callback_query'>, C, R>,
    options: CallbackQueryHandlerOptions = {},
  ) {
    super(callback, options);
    this.pattern = options.pattern;
    this.gamePattern = options.gamePattern;
    this.#data = options.pattern === undefined ? undefined : dataTest(options.pattern);
    this.#game = options.gamePattern === undefined ? undefined : compileStartPattern(options.gamePattern);
  }

  checkUpdate(update: unknown): RegExpMatchArray | true | undefined | null | false {
    if (!(update instanceof Update)) return undefined;
    const query = update.callback_query;
    if (query === undefined) return undefined;
    if (this.#data === undefined && this.#game === undefined) return true;
    const data: unknown = query.data;
    if (data !== undefined && data !== '') {
      const test = this.#data;
      if (test === undefined) return false;
      if (test.kind !== 'regex') return test.test(data);
      return typeof data === 'string' ? matchStart(test.regex, data) : false;
    }
    const game = query.game_short_name;
    if (game !== undefined && game !== '') {
      return this.#game === undefined ? false : matchStart(this.#game, game);
    }
    return true;
  }

  override collectAdditionalContext(
    context: C,
    _update: UpdateWith<'callback_query'>,
    _application: Application<C>,
    checkResult: RegExpMatchArray | true,
  ): void {
    if (checkResult !== true) context.matches = [checkResult];
  }
}
