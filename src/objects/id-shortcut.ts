/**
 * Plumbing shared by the shortcuts: each shortcut is one generated `Bot` method with some of its
 * parameters filled in from the object. The types here derive a shortcut's parameter list from the
 * method's own, so a shortcut always takes exactly what its method takes, minus what it fills, and
 * the builders `idAt`/`idIn` return functions typed that way (the Chat and User shortcut tables are
 * typed by them, not declared a second time).
 */
import type { Bot } from '../bot.js';
import type { BotApi } from '../generated/methods.js';
import type { CallSettings } from '../request/types.js';

/**
 * Names of the Bot API methods. Taken from the generated `BotApi`, whose members are the API
 * methods only: reading `Bot`'s own members here would make the object types (which the
 * shortcut tables type) depend on themselves.
 */
export type ApiMethodName = keyof BotApi;

/** The parameters of `Bot[M]`, with their names. */
export type ParamsOf<M extends ApiMethodName> = Parameters<BotApi[M]>;

/** Parameter list `A` without its first parameter. */
export type DropFirst<A extends readonly unknown[]> = A extends [unknown, ...infer Rest] ? Rest : never;

/** The parameters of `Bot[M]` without its first one. */
export type SkipFirst<M extends ApiMethodName> = DropFirst<ParamsOf<M>>;

/** The parameters of `Bot[M]` without its second one. */
export type SkipSecond<M extends ApiMethodName> =
  ParamsOf<M> extends [infer First, unknown, ...infer Rest] ? [First, ...Rest] : never;

/** The parameters of `Bot[M]` without its third one. */
export type SkipThird<M extends ApiMethodName> =
  ParamsOf<M> extends [infer First, infer Second, unknown, ...infer Rest] ? [First, Second, ...Rest] : never;

/** The parameters of `Bot[M]` without the one at `I` (0, 1 or 2). */
export type SkipAt<M extends ApiMethodName, I extends 0 | 1 | 2> = I extends 0
  ? SkipFirst<M>
  : I extends 1
    ? SkipSecond<M>
    : SkipThird<M>;

/** What `Bot[M]` resolves to, as a promise (written so that an async function over `Bot[M]` has this type too). */
export type Resolves<M extends ApiMethodName> = Promise<Awaited<ReturnType<BotApi[M]>>>;

/** The options object type of `Bot[M]` (the parameter at `index`), without `undefined`. */
export type OptionsAt<M extends ApiMethodName, I extends number> = NonNullable<ParamsOf<M>[I]>;

/**
 * The position of the options object in a parameter list that ends `options?, settings?` (every
 * generated method with optional parameters).
 */
export type OptionsIndex<A extends readonly unknown[]> =
  Required<A> extends [...infer Head, unknown, CallSettings] ? Head['length'] : never;

/**
 * Parameter list `A` with the element at `I` turned into `O` (its name and optionality kept, so
 * hovers still show the method's own parameter names).
 */
export type ReplaceAt<A extends readonly unknown[], I extends number, O> = {
  [K in keyof A]: K extends `${I}` ? O : A[K];
};

/** The options object of parameter list `A` (which ends `options?, settings?`), without `undefined`. */
export type OptionsIn<A extends readonly unknown[]> = NonNullable<A[OptionsIndex<A>]>;

/** Parameter list `A` with its options object turned into `O`. */
export type MapOptions<A extends readonly unknown[], O> = ReplaceAt<A, OptionsIndex<A>, O>;

/** Something with an id and a bot: a Chat, ChatFullInfo or User. */
export interface Identified {
  readonly id: number;
  getBot(): Bot;
}

type Untyped = (...args: unknown[]) => unknown;

/** Calls `bot[method]` with an argument list put together at run time. */
export function invoke<M extends ApiMethodName>(bot: Bot, method: M, args: unknown[]): Resolves<M> {
  return (bot[method] as Untyped).apply(bot, args) as Resolves<M>;
}

/** A shortcut that calls `method` with the object's id inserted at position `index`. */
// The shortcut types are written out (not aliased) so that hovers show the parameter list itself.
export function idAt<M extends ApiMethodName, I extends 0 | 1 | 2>(
  method: M,
  index: I,
): (this: Identified, ...args: SkipAt<M, I>) => Resolves<M> {
  return function (this: Identified, ...args: unknown[]) {
    const filled = args.slice(0, index);
    while (filled.length < index) filled.push(undefined);
    filled.push(this.id, ...args.slice(index));
    return invoke(this.getBot(), method, filled);
  };
}

/**
 * A shortcut that calls `method` with the object's id set as `field` of the options object at
 * position `index` (and `clear` fields removed, for parameters the shortcut rules out).
 */
export function idIn<M extends ApiMethodName, I extends number, F extends string, C extends string = never>(
  method: M,
  index: I,
  field: F,
  clear: readonly C[] = [],
): (this: Identified, ...args: ReplaceAt<ParamsOf<M>, I, Omit<OptionsAt<M, I>, F | C>>) => Resolves<M> {
  return function (this: Identified, ...args: unknown[]) {
    const filled = args.slice();
    while (filled.length <= index) filled.push(undefined);
    const options: Record<string, unknown> = { ...(filled[index] as object | undefined) };
    for (const name of clear) delete options[name];
    options[field] = this.id;
    filled[index] = options;
    return invoke(this.getBot(), method, filled);
  };
}
