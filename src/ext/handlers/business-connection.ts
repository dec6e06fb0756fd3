/**
 * Handles `business_connection` updates (the bot was connected to or disconnected from a business account).
 */
import type { AnyContext, CallbackContext, UpdateContext } from '../context.js';
import type { CallbackOf, HandlerOptions } from './base.js';
import { hasUsername, idSet, type UpdateWith, usernameSet } from './common.js';
import { UpdateKindHandler } from './kind.js';

/** Options of {@link BusinessConnectionHandler}. */
export interface BusinessConnectionHandlerOptions extends HandlerOptions {
  /** Only updates of these user ids. */
  readonly userId?: number | readonly number[] | undefined;
  /** Only updates of these usernames (a leading `@` is ignored). */
  readonly username?: string | readonly string[] | undefined;
}

/**
 * The update a BusinessConnectionHandler callback sees: `business_connection` and `effectiveUser` present.
 *
 * @example
 * ```ts
 * const onConnection = (update: BusinessConnectionUpdate) => log(update.business_connection.user.id);
 * ```
 */
export type BusinessConnectionUpdate = UpdateWith<'business_connection'>;

/**
 * Handles `business_connection` updates (the bot was connected to or disconnected from a business account). With `userId`/`username`, only those of the given users (either test passing suffices).
 *
 * @example
 * ```ts
 * app.addHandler(new BusinessConnectionHandler((update) => save(update.business_connection), { userId: 42 }));
 * ```
 */
export class BusinessConnectionHandler<
  C extends AnyContext = CallbackContext,
  R = unknown,
> extends UpdateKindHandler<'business_connection', C, R> {
  readonly userIds: ReadonlySet<number>;
  readonly usernames: ReadonlySet<string>;

  constructor(
    callback: CallbackOf<BusinessConnectionUpdate, UpdateContext<BusinessConnectionUpdate, C>, R>,
    options: BusinessConnectionHandlerOptions = {},
  ) {
    super('business_connection', callback, options);
    this.userIds = idSet(options.userId);
    this.usernames = usernameSet(options.username);
  }

  protected override accepts(update: BusinessConnectionUpdate): boolean {
    if (this.userIds.size === 0 && this.usernames.size === 0) return true;
    const user = update.business_connection.user;
    return this.userIds.has(user.id) || hasUsername(this.usernames, user.username);
  }
}
