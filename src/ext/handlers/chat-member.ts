/**
 * Handles changes of chat members: the bot's own status or other members'.
 */
import { Update } from '../../generated/types.js';
import type { AnyContext, CallbackContext, UpdateContext } from '../context.js';
import { BaseHandler, type CallbackOf, type HandlerOptions } from './base.js';
import { idSet, type UpdateWith } from './common.js';

/**
 * The update a ChatMemberHandler callback sees: `my_chat_member` or `chat_member` (the union says which), `effectiveUser` and `effectiveChat`.
 *
 * @example
 * ```ts
 * const onMember = (update: ChatMemberUpdate) => log(update.effectiveChat.id, update.effectiveUser.id);
 * ```
 */
export type ChatMemberUpdate = UpdateWith<'my_chat_member'> | UpdateWith<'chat_member'>;

/** Options of {@link ChatMemberHandler}. */
export interface ChatMemberHandlerOptions extends HandlerOptions {
  /** Which updates: `MY_CHAT_MEMBER` (default), `CHAT_MEMBER` or `ANY_CHAT_MEMBER`. */
  readonly chatMemberTypes?: -1 | 0 | 1 | undefined;
  /** Only updates of these chats. */
  readonly chatId?: number | readonly number[] | undefined;
}

/**
 * Handles `my_chat_member` (the bot's own membership) and/or `chat_member` updates.
 *
 * @example
 * ```ts
 * app.addHandler(new ChatMemberHandler((update) => greet(update.chat_member!.new_chat_member.user), {
 *   chatMemberTypes: ChatMemberHandler.CHAT_MEMBER,
 * }));
 * ```
 */
export class ChatMemberHandler<C extends AnyContext = CallbackContext, R = unknown> extends BaseHandler<
  ChatMemberUpdate,
  C,
  R,
  true
> {
  /** Only `my_chat_member` updates (the default). */
  static readonly MY_CHAT_MEMBER = -1;
  /** Only `chat_member` updates. */
  static readonly CHAT_MEMBER = 0;
  /** Both. */
  static readonly ANY_CHAT_MEMBER = 1;

  readonly chatMemberTypes: -1 | 0 | 1;
  readonly chatIds: ReadonlySet<number>;

  constructor(
    callback: CallbackOf<ChatMemberUpdate, UpdateContext<ChatMemberUpdate, C>, R>,
    options: ChatMemberHandlerOptions = {},
  ) {
    super(callback, options);
    this.chatMemberTypes = options.chatMemberTypes ?? -1;
    this.chatIds = idSet(options.chatId);
  }

  checkUpdate(update: unknown): boolean {
    if (!(update instanceof Update)) return false;
    const member = update.my_chat_member ?? update.chat_member;
    if (member === undefined) return false;
    if (this.chatIds.size > 0 && !this.chatIds.has(member.chat.id)) return false;
    if (this.chatMemberTypes === 1) return true;
    if (this.chatMemberTypes === 0) return update.chat_member !== undefined;
    return update.my_chat_member !== undefined;
  }
}
