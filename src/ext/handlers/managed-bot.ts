/**
 * Handles `managed_bot` updates (a bot managed by this bot was created or changed).
 */
import type { AnyContext, CallbackContext, UpdateContext } from '../context.js';
import type { CallbackOf, HandlerOptions } from './base.js';
import { hasUsername, idSet, type UpdateWith, usernameSet } from './common.js';
import { UpdateKindHandler } from './kind.js';

/** Options of {@link ManagedBotUpdatedHandler}. */
export interface ManagedBotUpdatedHandlerOptions extends HandlerOptions {
  /** Only updates of these user ids. */
  readonly userId?: number | readonly number[] | undefined;
  /** Only updates of these usernames (a leading `@` is ignored). */
  readonly username?: string | readonly string[] | undefined;
}

/**
 * The update a ManagedBotUpdatedHandler callback sees: `managed_bot` and `effectiveUser` present.
 *
 * @example
 * ```ts
 * const onManaged = (update: ManagedBotUpdate) => log(update.managed_bot.user.id);
 * ```
 */
export type ManagedBotUpdate = UpdateWith<'managed_bot'>;

/**
 * Handles `managed_bot` updates (a bot managed by this bot was created or changed). With `userId`/`username`, only those of the given users (either test passing suffices).
 *
 * @example
 * ```ts
 * app.addHandler(new ManagedBotUpdatedHandler((update) => track(update.managed_bot.bot)));
 * ```
 */
export class ManagedBotUpdatedHandler<
  C extends AnyContext = CallbackContext,
  R = unknown,
> extends UpdateKindHandler<'managed_bot', C, R> {
  readonly userIds: ReadonlySet<number>;
  readonly usernames: ReadonlySet<string>;

  constructor(
    callback: CallbackOf<ManagedBotUpdate, UpdateContext<ManagedBotUpdate, C>, R>,
    options: ManagedBotUpdatedHandlerOptions = {},
  ) {
    super('managed_bot', callback, options);
    this.userIds = idSet(options.userId);
    this.usernames = usernameSet(options.username);
  }

  protected override accepts(update: ManagedBotUpdate): boolean {
    if (this.userIds.size === 0 && this.usernames.size === 0) return true;
    const user = update.managed_bot.user;
    return this.userIds.has(user.id) || hasUsername(this.usernames, user.username);
  }
}
