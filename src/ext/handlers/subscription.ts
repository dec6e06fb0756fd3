/**
 * Handles `subscription` updates (a user subscription to the bot changed state).
 */
import type { AnyContext, CallbackContext, UpdateContext } from '../context.js';
import type { CallbackOf, HandlerOptions } from './base.js';
import { hasUsername, idSet, type UpdateWith, usernameSet } from './common.js';
import { UpdateKindHandler } from './kind.js';

/** Options of {@link BotSubscriptionHandler}. */
export interface BotSubscriptionHandlerOptions extends HandlerOptions {
  /** Only updates of these user ids. */
  readonly userId?: number | readonly number[] | undefined;
  /** Only updates of these usernames (a leading `@` is ignored). */
  readonly username?: string | readonly string[] | undefined;
}

/**
 * The update a BotSubscriptionHandler callback sees: `subscription` and `effectiveUser` present.
 *
 * @example
 * ```ts
 * const onSubscription = (update: BotSubscriptionUpdate) => log(update.subscription.state);
 * ```
 */
export type BotSubscriptionUpdate = UpdateWith<'subscription'>;

/**
 * Handles `subscription` updates (a user subscription to the bot changed state). With `userId`/`username`, only those of the given users (either test passing suffices).
 *
 * @example
 * ```ts
 * app.addHandler(new BotSubscriptionHandler((update) => record(update.subscription.state)));
 * ```
 */
export class BotSubscriptionHandler<
  C extends AnyContext = CallbackContext,
  R = unknown,
> extends UpdateKindHandler<'subscription', C, R> {
  readonly userIds: ReadonlySet<number>;
  readonly usernames: ReadonlySet<string>;

  constructor(
    callback: CallbackOf<BotSubscriptionUpdate, UpdateContext<BotSubscriptionUpdate, C>, R>,
    options: BotSubscriptionHandlerOptions = {},
  ) {
    super('subscription', callback, options);
    this.userIds = idSet(options.userId);
    this.usernames = usernameSet(options.username);
  }

  protected override accepts(update: BotSubscriptionUpdate): boolean {
    if (this.userIds.size === 0 && this.usernames.size === 0) return true;
    const user = update.subscription.user;
    return this.userIds.has(user.id) || hasUsername(this.usernames, user.username);
  }
}
