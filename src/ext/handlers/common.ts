/**
 * Pieces shared by the handlers: update narrowing, start-anchored patterns, id and username sets.
 */
import type { UpdateType } from '../../generated/metadata.js';
import type { Chat, Update, User } from '../../generated/types.js';
import type { AnyContext, MatchContext } from '../context.js';

/** The payload of the update field `K` (e.g. `CallbackQuery` for `'callback_query'`). */
type PayloadOf<K extends UpdateType> = NonNullable<Update[K]>;

/**
 * An update whose `K` fields are present: what a handler for that kind of update sees.
 *
 * `effectiveUser` is a `User` when the payload always names one (a required `from` or `user`:
 * callback and inline queries, payments, chat member updates, join requests...), and
 * `effectiveChat` a `Chat` when the payload has a required `chat` (messages, join requests,
 * boosts, reactions...); `update.effectiveUser` reads exactly those fields.
 *
 * @example
 * ```ts
 * type JoinRequest = UpdateWith<'chat_join_request'>;
 * const onJoin = (update: JoinRequest) => update.chat_join_request.approve();
 * ```
 */
export type UpdateWith<K extends UpdateType> = Update & { readonly [P in K]-?: PayloadOf<P> } & ([
    PayloadOf<K>,
  ] extends [{ readonly from: User } | { readonly user: User }]
    ? { readonly effectiveUser: User }
    : unknown) &
  ([PayloadOf<K>] extends [{ readonly chat: Chat }] ? { readonly effectiveChat: Chat } : unknown);

/** A pattern handlers match at the start of a string (Python's `re.match`). */
export type Pattern = string | RegExp;

/**
 * The context of a handler with an optional `pattern` of type `P`: with a string or RegExp the
 * handler always sets the match, so `matches`/`match` are present.
 */
export type PatternContext<C extends AnyContext, P> = [P] extends [Pattern] ? MatchContext<C> : C;

/** Compiles a pattern once into a sticky RegExp anchored where matching starts. */
export function compileStartPattern(pattern: Pattern): RegExp {
  if (typeof pattern === 'string') return new RegExp(pattern, 'y');
  if (!(pattern instanceof RegExp)) throw new TypeError('A pattern must be a string or a RegExp');
  return new RegExp(pattern.source, `${pattern.flags.replace(/[gy]/g, '')}y`);
}

/** Matches a compiled pattern at the start of `text`. */
export function matchStart(pattern: RegExp, text: string): RegExpExecArray | null {
  pattern.lastIndex = 0;
  return pattern.exec(text);
}

/** One id or many, as a set. */
export function idSet(ids: number | readonly number[] | undefined): ReadonlySet<number> {
  if (ids === undefined) return new Set();
  return new Set(typeof ids === 'number' ? [ids] : ids);
}

/** One username or many (a leading `@` is dropped), as a set. */
export function usernameSet(names: string | readonly string[] | undefined): ReadonlySet<string> {
  if (names === undefined) return new Set();
  const list = typeof names === 'string' ? [names] : names;
  return new Set(list.map((name) => (name.startsWith('@') ? name.slice(1) : name)));
}

/** Whether an optional username is in the set. */
export function hasUsername(set: ReadonlySet<string>, username: string | undefined): boolean {
  return username !== undefined && set.has(username);
}
