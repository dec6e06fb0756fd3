/**
 * Pieces shared by the handlers: update narrowing, start-anchored patterns, id and username sets.
 */
import type { UpdateType } from '../../generated/metadata.js';
import type { Update } from '../../generated/types.js';

/** An update whose `K` fields are present: what a handler for that kind of update sees. */
export type UpdateWith<K extends UpdateType> = Update & { readonly [P in K]-?: NonNullable<Update[P]> };

/** A pattern handlers match at the start of a string (Python's `re.match`). */
export type Pattern = string | RegExp;

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
