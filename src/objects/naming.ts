/**
 * PTB's name and link rules for users, chats and shared users: a full name is the first name
 * followed by the last name when there is one; a name prefers `@username`; a link is the `t.me`
 * address of a username.
 */

/** The name fields the rules read. */
export interface Named {
  readonly first_name?: string | undefined;
  readonly last_name?: string | undefined;
  readonly username?: string | undefined;
}

/** First name and last name separated by a space, or `undefined` when there is no first name. */
export function fullNameOf(named: Named): string | undefined {
  if (!named.first_name) return undefined;
  return named.last_name ? `${named.first_name} ${named.last_name}` : named.first_name;
}

/** `@username` when there is one, else the full name. */
export function nameOf(named: Named): string | undefined {
  return named.username ? `@${named.username}` : fullNameOf(named);
}

/** `https://t.me/<username>`, or `undefined` without a username. */
export function linkOf(named: { readonly username?: string | undefined }): string | undefined {
  return named.username ? `https://t.me/${named.username}` : undefined;
}
