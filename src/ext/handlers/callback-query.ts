/**
 * Handles callback queries (inline button presses), optionally by a pattern on their data.
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
 * The update a CallbackQueryHandler callback sees: `callback_query` and `effectiveUser` present.
 *
 * @example
 * ```ts
 * async function onButton(update: CallbackQueryUpdate, context: CallbackContext): Promise<void> {
 *   await update.callback_query.answer();
 * }
 * ```
 */
export type CallbackQueryUpdate = UpdateWith<'callback_query'>;

/**
 * The context a CallbackQueryHandler callback sees: `userData` present, and `matches`/`match` when
 * the handler's `pattern` is a string or RegExp (`P`).
 */
export type CallbackQueryContext<
  C extends AnyContext = CallbackContext,
  P extends CallbackDataPattern | undefined = undefined,
> = PatternContext<UpdateContext<CallbackQueryUpdate, C>, P>;

/** A test of the callback data: a string or RegExp (matched at the start), a predicate, or a class. */
export type CallbackDataPattern =
  | Pattern
  | ((data: unknown) => boolean)
  | (abstract new (
      ...args: never[]
    ) => unknown);

/** Options of {@link CallbackQueryHandler}. */
export interface CallbackQueryHandlerOptions<
  P extends CallbackDataPattern | undefined = CallbackDataPattern | undefined,
> extends HandlerOptions {
  /** Test of `callback_query.data`. */
  readonly pattern?: P;
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
 * game queries whose `game_short_name` matches. A handler with a pattern takes no query that has
 * neither data nor a game name, so with a string or RegExp `pattern` the callback always gets
 * `context.match` (PTB passes such queries without a match).
 *
 * @typeParam P - the type of `pattern`, inferred: a string or RegExp makes `context.match` present
 *   (TypeScript infers no type argument once one is given: with `CallbackQueryHandler<MyContext>`,
 *   give `P` too, or let `app.addHandler(new CallbackQueryHandler(...))` infer the context type)
 *
 * @example
 * ```ts
 * app.addHandler(new CallbackQueryHandler(async (update, context) => {
 *   await update.callback_query.answer({ text: `You chose ${context.match[1]}` });
 * }, { pattern: /^choice:(\d+)$/ }));
 * ```
 */
export class CallbackQueryHandler<
  C extends AnyContext = CallbackContext,
  R = unknown,
  P extends CallbackDataPattern | undefined = CallbackDataPattern | undefined,
> extends BaseHandler<CallbackQueryUpdate, C, R, RegExpMatchArray | true, CallbackQueryContext<C, P>> {
  readonly pattern: P | undefined;
  readonly gamePattern: Pattern | undefined;
  readonly #data: DataTest | undefined;
  readonly #game: RegExp | undefined;

  constructor(
    callback: CallbackOf<CallbackQueryUpdate, CallbackQueryContext<C, P>, R>,
    options: CallbackQueryHandlerOptions<P> = {},
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
    // Neither data nor a game: no pattern can have matched it.
    return false;
  }

  override collectAdditionalContext(
    context: C,
    _update: CallbackQueryUpdate,
    _application: Application<C>,
    checkResult: RegExpMatchArray | true,
  ): void {
    if (checkResult !== true) context.matches = [checkResult];
  }
}
