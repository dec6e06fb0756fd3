/**
 * Handles `purchased_paid_media` updates (a user bought paid media with a payload).
 */
import type { AnyContext, CallbackContext, UpdateContext } from '../context.js';
import type { CallbackOf, HandlerOptions } from './base.js';
import { hasUsername, idSet, type UpdateWith, usernameSet } from './common.js';
import { UpdateKindHandler } from './kind.js';

/** Options of {@link PaidMediaPurchasedHandler}. */
export interface PaidMediaPurchasedHandlerOptions extends HandlerOptions {
  /** Only updates of these user ids. */
  readonly userId?: number | readonly number[] | undefined;
  /** Only updates of these usernames (a leading `@` is ignored). */
  readonly username?: string | readonly string[] | undefined;
}

/**
 * The update a PaidMediaPurchasedHandler callback sees: `purchased_paid_media` and `effectiveUser` present.
 *
 * @example
 * ```ts
 * const onPurchase = (update: PaidMediaPurchasedUpdate) => log(update.purchased_paid_media.paid_media_payload);
 * ```
 */
export type PaidMediaPurchasedUpdate = UpdateWith<'purchased_paid_media'>;

/**
 * Handles `purchased_paid_media` updates (a user bought paid media with a payload). With `userId`/`username`, only those of the given users (either test passing suffices).
 *
 * @example
 * ```ts
 * app.addHandler(new PaidMediaPurchasedHandler((update) => deliver(update.purchased_paid_media.paid_media_payload)));
 * ```
 */
export class PaidMediaPurchasedHandler<
  C extends AnyContext = CallbackContext,
  R = unknown,
> extends UpdateKindHandler<'purchased_paid_media', C, R> {
  readonly userIds: ReadonlySet<number>;
  readonly usernames: ReadonlySet<string>;

  constructor(
    callback: CallbackOf<PaidMediaPurchasedUpdate, UpdateContext<PaidMediaPurchasedUpdate, C>, R>,
    options: PaidMediaPurchasedHandlerOptions = {},
  ) {
    super('purchased_paid_media', callback, options);
    this.userIds = idSet(options.userId);
    this.usernames = usernameSet(options.username);
  }

  protected override accepts(update: PaidMediaPurchasedUpdate): boolean {
    if (this.userIds.size === 0 && this.usernames.size === 0) return true;
    const user = update.purchased_paid_media.from;
    return this.userIds.has(user.id) || hasUsername(this.usernames, user.username);
  }
}
