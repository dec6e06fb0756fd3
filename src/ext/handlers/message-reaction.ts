/**
 * Handles reactions to messages: a user's change, or anonymous reaction counts.
 */
import { Update } from '../../generated/types.js';
import type { AnyContext, CallbackContext, UpdateContext } from '../context.js';
import { BaseHandler, type CallbackOf, type HandlerOptions } from './base.js';
import { hasUsername, idSet, type UpdateWith, usernameSet } from './common.js';

/**
 * The update a MessageReactionHandler callback sees: `message_reaction` or `message_reaction_count` (the union says which), and `effectiveChat`.
 *
 * @example
 * ```ts
 * const onReaction = (update: MessageReactionUpdate) => log(update.effectiveChat.id, update.message_reaction?.new_reaction);
 * ```
 */
export type MessageReactionUpdate = UpdateWith<'message_reaction'> | UpdateWith<'message_reaction_count'>;

/** Options of {@link MessageReactionHandler}. */
export interface MessageReactionHandlerOptions extends HandlerOptions {
  /** Which updates: `MESSAGE_REACTION_UPDATED`, `MESSAGE_REACTION_COUNT_UPDATED` or `MESSAGE_REACTION` (both, the default). */
  readonly messageReactionTypes?: -1 | 0 | 1 | undefined;
  readonly chatId?: number | readonly number[] | undefined;
  readonly chatUsername?: string | readonly string[] | undefined;
  /** Only reactions of these users (needs `MESSAGE_REACTION_UPDATED`: counts are anonymous). */
  readonly userId?: number | readonly number[] | undefined;
  readonly userUsername?: string | readonly string[] | undefined;
}

/**
 * Handles `message_reaction` and/or `message_reaction_count` updates; with chat or user filters,
 * those passing any of them.
 *
 * @example
 * ```ts
 * app.addHandler(new MessageReactionHandler((update) => count(update.message_reaction!.new_reaction), {
 *   messageReactionTypes: MessageReactionHandler.MESSAGE_REACTION_UPDATED,
 * }));
 * ```
 */
export class MessageReactionHandler<C extends AnyContext = CallbackContext, R = unknown> extends BaseHandler<
  MessageReactionUpdate,
  C,
  R,
  true
> {
  /** Only `message_reaction` updates. */
  static readonly MESSAGE_REACTION_UPDATED = -1;
  /** Only `message_reaction_count` updates. */
  static readonly MESSAGE_REACTION_COUNT_UPDATED = 0;
  /** Both (the default). */
  static readonly MESSAGE_REACTION = 1;

  readonly messageReactionTypes: -1 | 0 | 1;
  readonly chatIds: ReadonlySet<number>;
  readonly chatUsernames: ReadonlySet<string>;
  readonly userIds: ReadonlySet<number>;
  readonly userUsernames: ReadonlySet<string>;

  constructor(
    callback: CallbackOf<MessageReactionUpdate, UpdateContext<MessageReactionUpdate, C>, R>,
    options: MessageReactionHandlerOptions = {},
  ) {
    super(callback, options);
    this.messageReactionTypes = options.messageReactionTypes ?? 1;
    this.chatIds = idSet(options.chatId);
    this.chatUsernames = usernameSet(options.chatUsername);
    this.userIds = idSet(options.userId);
    this.userUsernames = usernameSet(options.userUsername);
    if ((this.userIds.size > 0 || this.userUsernames.size > 0) && this.messageReactionTypes !== -1) {
      throw new TypeError(
        'MessageReactionHandler: user filters cannot include anonymous reaction counts; set messageReactionTypes to MESSAGE_REACTION_UPDATED',
      );
    }
  }

  checkUpdate(update: unknown): boolean {
    if (!(update instanceof Update)) return false;
    const reaction = update.message_reaction;
    const counts = update.message_reaction_count;
    if (reaction === undefined && counts === undefined) return false;
    if (this.messageReactionTypes === -1 && counts !== undefined) return false;
    if (this.messageReactionTypes === 0 && reaction !== undefined) return false;
    if (this.chatIds.size + this.chatUsernames.size + this.userIds.size + this.userUsernames.size === 0)
      return true;
    const chat = (reaction ?? counts)?.chat;
    const user = reaction?.user;
    return (
      (chat !== undefined && (this.chatIds.has(chat.id) || hasUsername(this.chatUsernames, chat.username))) ||
      (user !== undefined && (this.userIds.has(user.id) || hasUsername(this.userUsernames, user.username)))
    );
  }
}
