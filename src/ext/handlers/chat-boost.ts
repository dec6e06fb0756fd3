/**
 * Handles chat boosts being added or removed.
 */
import { Update } from '../../generated/types.js';
import type { AnyContext, CallbackContext, UpdateContext } from '../context.js';
import { BaseHandler, type CallbackOf, type HandlerOptions } from './base.js';
import { hasUsername, idSet, type UpdateWith, usernameSet } from './common.js';

/**
 * The update a ChatBoostHandler callback sees: `chat_boost` or `removed_chat_boost` (the union says which), and `effectiveChat`.
 *
 * @example
 * ```ts
 * const onBoost = (update: ChatBoostUpdate) => log(update.effectiveChat.id, update.chat_boost?.boost.boost_id);
 * ```
 */
export type ChatBoostUpdate = UpdateWith<'chat_boost'> | UpdateWith<'removed_chat_boost'>;

/** Options of {@link ChatBoostHandler}. */
export interface ChatBoostHandlerOptions extends HandlerOptions {
  /** Which updates: `CHAT_BOOST` (default), `REMOVED_CHAT_BOOST` or `ANY_CHAT_BOOST`. */
  readonly chatBoostTypes?: -1 | 0 | 1 | undefined;
  /** Only boosts of these chats. */
  readonly chatId?: number | readonly number[] | undefined;
  /** Only boosts of chats with these usernames (a leading `@` is ignored). */
  readonly chatUsername?: string | readonly string[] | undefined;
}

/**
 * Handles `chat_boost` and/or `removed_chat_boost` updates.
 *
 * @example
 * ```ts
 * app.addHandler(new ChatBoostHandler((update) => thank(update.chat_boost!.boost), { chatId: -100123 }));
 * ```
 */
export class ChatBoostHandler<C extends AnyContext = CallbackContext, R = unknown> extends BaseHandler<
  ChatBoostUpdate,
  C,
  R,
  true
> {
  /** Only `chat_boost` updates (the default). */
  static readonly CHAT_BOOST = -1;
  /** Only `removed_chat_boost` updates. */
  static readonly REMOVED_CHAT_BOOST = 0;
  /** Both. */
  static readonly ANY_CHAT_BOOST = 1;

  readonly chatBoostTypes: -1 | 0 | 1;
  readonly chatIds: ReadonlySet<number>;
  readonly chatUsernames: ReadonlySet<string>;

  constructor(
    callback: CallbackOf<ChatBoostUpdate, UpdateContext<ChatBoostUpdate, C>, R>,
    options: ChatBoostHandlerOptions = {},
  ) {
    super(callback, options);
    this.chatBoostTypes = options.chatBoostTypes ?? -1;
    this.chatIds = idSet(options.chatId);
    this.chatUsernames = usernameSet(options.chatUsername);
  }

  checkUpdate(update: unknown): boolean {
    if (!(update instanceof Update)) return false;
    const boost = update.chat_boost ?? update.removed_chat_boost;
    if (boost === undefined) return false;
    if (this.chatBoostTypes === -1 && update.chat_boost === undefined) return false;
    if (this.chatBoostTypes === 0 && update.removed_chat_boost === undefined) return false;
    if (this.chatIds.size === 0 && this.chatUsernames.size === 0) return true;
    return this.chatIds.has(boost.chat.id) || hasUsername(this.chatUsernames, boost.chat.username);
  }
}
