/**
 * Plumbing shared by the Chat and User shortcuts: each shortcut is one generated `Bot` method with
 * an identifier (the object's id) filled in, either at a position of its argument list or inside
 * its options object. The types here derive a shortcut's parameter list from the method's own, so
 * a shortcut always takes exactly what its method takes, minus what it fills.
 */
import type { Bot } from '../bot.js';

/** Names of the `Bot` methods that call the API (they resolve to a promise). */
export type ApiMethodName = {
  [K in keyof Bot]: Bot[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof Bot];

type ParamsOf<M extends ApiMethodName> = Parameters<Bot[M]>;

/** The parameters of `Bot[M]` without its first one. */
export type SkipFirst<M extends ApiMethodName> = ParamsOf<M> extends [unknown, ...infer Rest] ? Rest : never;

/** The parameters of `Bot[M]` without its second one. */
export type SkipSecond<M extends ApiMethodName> =
  ParamsOf<M> extends [infer First, unknown, ...infer Rest] ? [First, ...Rest] : never;

/** The parameters of `Bot[M]` without its third one. */
export type SkipThird<M extends ApiMethodName> =
  ParamsOf<M> extends [infer First, infer Second, unknown, ...infer Rest] ? [First, Second, ...Rest] : never;

/** What `Bot[M]` resolves to, as a promise. */
export type Resolves<M extends ApiMethodName> = ReturnType<Bot[M]>;

/** The options object type of `Bot[M]` (the parameter at `index`), without `undefined`. */
export type OptionsAt<M extends ApiMethodName, I extends number> = NonNullable<ParamsOf<M>[I]>;

/** Something with an id and a bot: a Chat, ChatFullInfo or User. */
export interface Identified {
  readonly id: number;
  getBot(): Bot;
}

type Untyped = (...args: unknown[]) => Promise<unknown>;

/** The runtime form of a shortcut, before its declared signature types it. */
export type ShortcutImpl = (this: Identified, ...args: unknown[]) => Promise<unknown>;

function invoke(bot: Bot, method: ApiMethodName, args: unknown[]): Promise<unknown> {
  return (bot[method] as Untyped).apply(bot, args);
}

/** A shortcut that calls `method` with the object's id inserted at position `index`. */
export function idAt(method: ApiMethodName, index: number): ShortcutImpl {
  return function (this: Identified, ...args: unknown[]): Promise<unknown> {
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
export function idIn(
  method: ApiMethodName,
  index: number,
  field: string,
  clear: readonly string[] = [],
): ShortcutImpl {
  return function (this: Identified, ...args: unknown[]): Promise<unknown> {
    const filled = args.slice();
    while (filled.length <= index) filled.push(undefined);
    const options: Record<string, unknown> = { ...(filled[index] as object | undefined) };
    for (const name of clear) delete options[name];
    options[field] = this.id;
    filled[index] = options;
    return invoke(this.getBot(), method, filled);
  };
}
