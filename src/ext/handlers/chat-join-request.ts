/**
 * Handles requests to join a chat.
 */
import type { AnyContext, CallbackContext, UpdateContext } from '../context.js';
import type { CallbackOf, HandlerOptions } from './base.js';
import { hasUsername, idSet, type UpdateWith, usernameSet } from './common.js';
import { UpdateKindHandler } from './kind.js';

/** Options of {@link ChatJoinRequestHandler}. */
export interface ChatJoinRequestHandlerOptions extends HandlerOptions {
  /** Only requests to join these chats. */
  readonly chatId?: number | readonly number[] | undefined;
  /** Only requests from users with these usernames (a leading `@` is ignored). */
  readonly username?: string | readonly string[] | undefined;
}

/**
 * The update a ChatJoinRequestHandler callback sees: `chat_join_request`, `effectiveUser` and `effectiveChat` present.
 *
 * @example
 * ```ts
 * const onRequest = (update: ChatJoinRequestUpdate) => update.chat_join_request.approve();
 * ```
 */
export type ChatJoinRequestUpdate = UpdateWith<'chat_join_request'>;

/**
 * Handles `chat_join_request` updates; with `chatId`/`username`, those to the given chats or from
 * the given users (either test passing suffices).
 *
 * @example
 * ```ts
 * app.addHandler(new ChatJoinRequestHandler((update) => update.chat_join_request.approve(), { chatId: -100123 }));
 * ```
 */
export class ChatJoinRequestHandler<
  C extends AnyContext = CallbackContext,
  R = unknown,
> extends UpdateKindHandler<'chat_join_request', C, R> {
  readonly chatIds: ReadonlySet<number>;
  readonly usernames: ReadonlySet<string>;

  constructor(
    callback: CallbackOf<ChatJoinRequestUpdate, UpdateContext<ChatJoinRequestUpdate, C>, R>,
    options: ChatJoinRequestHandlerOptions = {},
  ) {
    super('chat_join_request', callback, options);
    this.chatIds = idSet(options.chatId);
    this.usernames = usernameSet(options.username);
  }

  protected override accepts(update: ChatJoinRequestUpdate): boolean {
    if (this.chatIds.size === 0 && this.usernames.size === 0) return true;
    const request = update.chat_join_request;
    return this.chatIds.has(request.chat.id) || hasUsername(this.usernames, request.from.username);
  }
}
