/**
 * Handles messages deleted from a connected business account.
 */
import type { AnyContext, CallbackContext, UpdateContext } from '../context.js';
import type { CallbackOf, HandlerOptions } from './base.js';
import { hasUsername, idSet, type UpdateWith, usernameSet } from './common.js';
import { UpdateKindHandler } from './kind.js';

/** Options of {@link BusinessMessagesDeletedHandler}. */
export interface BusinessMessagesDeletedHandlerOptions extends HandlerOptions {
  /** Only deletions in these chats. */
  readonly chatId?: number | readonly number[] | undefined;
  /** Only deletions in chats with these usernames (a leading `@` is ignored). */
  readonly username?: string | readonly string[] | undefined;
}

/**
 * The update a BusinessMessagesDeletedHandler callback sees: `deleted_business_messages` and `effectiveChat` present.
 *
 * @example
 * ```ts
 * const onDeleted = (update: BusinessMessagesDeletedUpdate) => log(update.deleted_business_messages.message_ids);
 * ```
 */
export type BusinessMessagesDeletedUpdate = UpdateWith<'deleted_business_messages'>;

/**
 * Handles `deleted_business_messages` updates, optionally of given chats.
 *
 * @example
 * ```ts
 * app.addHandler(new BusinessMessagesDeletedHandler((update) => forget(update.deleted_business_messages.message_ids)));
 * ```
 */
export class BusinessMessagesDeletedHandler<
  C extends AnyContext = CallbackContext,
  R = unknown,
> extends UpdateKindHandler<'deleted_business_messages', C, R> {
  readonly chatIds: ReadonlySet<number>;
  readonly usernames: ReadonlySet<string>;

  constructor(
    callback: CallbackOf<BusinessMessagesDeletedUpdate, UpdateContext<BusinessMessagesDeletedUpdate, C>, R>,
    options: BusinessMessagesDeletedHandlerOptions = {},
  ) {
    super('deleted_business_messages', callback, options);
    this.chatIds = idSet(options.chatId);
    this.usernames = usernameSet(options.username);
  }

  protected override accepts(update: BusinessMessagesDeletedUpdate): boolean {
    if (this.chatIds.size === 0 && this.usernames.size === 0) return true;
    const chat = update.deleted_business_messages.chat;
    return this.chatIds.has(chat.id) || hasUsername(this.usernames, chat.username);
  }
}
