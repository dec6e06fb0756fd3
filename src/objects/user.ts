/**
 * User: PTB's names, links, mentions and mention button, the chat shortcuts of the user's private
 * chat (`chat_id` = the user's id), and the shortcuts about the user (`user_id` = the user's id).
 */
import { InlineKeyboardButton, User } from '../generated/types.js';
import { mentionHtml, mentionMarkdown } from '../helpers.js';
import type { CallSettings } from '../request/types.js';
import { defineBehaviour } from './behaviour.js';
import { type ChatSendShortcuts, chatSendMembers } from './chat-send.js';
import {
  idAt,
  idIn,
  type OptionsAt,
  type Resolves,
  type ShortcutImpl,
  type SkipFirst,
  type SkipSecond,
} from './id-shortcut.js';
import { fullNameOf, linkOf, nameOf } from './naming.js';

/** Names, links and mentions of a user. */
export interface UserNaming {
  /** `first_name last_name`, or just the first name. */
  readonly fullName: string;
  /** `@username` when the user has one, else {@link fullName}. */
  readonly name: string;
  /** `https://t.me/<username>` when the user has a username. */
  readonly link: string | undefined;
  /**
   * An HTML `tg://user` mention showing `name` (by default the full name), escaped.
   *
   * @example user.mentionHtml() // '<a href="tg://user?id=42">Ann Lee</a>'
   */
  mentionHtml(name?: string): string;
  /** A legacy Markdown `tg://user` mention showing `name` (by default the full name). */
  mentionMarkdown(name?: string): string;
  /** A MarkdownV2 `tg://user` mention showing `name` (by default the full name), escaped. */
  mentionMarkdownV2(name?: string): string;
  /** An inline keyboard button that opens the user's profile, labelled `name` (by default the full name). */
  mentionButton(name?: string): InlineKeyboardButton;
}

/** Shortcuts about a user: `user_id` is the user's id. */
export interface UserShortcuts {
  /** The user's profile photos ([getUserProfilePhotos](https://core.telegram.org/bots/api#getuserprofilephotos)). */
  getProfilePhotos(...args: SkipFirst<'getUserProfilePhotos'>): Resolves<'getUserProfilePhotos'>;
  /** The user's profile audios ([getUserProfileAudios](https://core.telegram.org/bots/api#getuserprofileaudios)). */
  getProfileAudios(...args: SkipFirst<'getUserProfileAudios'>): Resolves<'getUserProfileAudios'>;
  /** The user's boosts of a chat: `getUserChatBoosts` with `user_id` filled. */
  getChatBoosts(...args: SkipSecond<'getUserChatBoosts'>): Resolves<'getUserChatBoosts'>;
  /** The gifts the user owns ([getUserGifts](https://core.telegram.org/bots/api#getusergifts)). */
  getGifts(...args: SkipFirst<'getUserGifts'>): Resolves<'getUserGifts'>;
  /** Sends the user a gift: `sendGift` with `user_id` filled (and no `chat_id`). */
  sendGift(
    gift_id: string,
    options?: Omit<OptionsAt<'sendGift', 1>, 'chat_id' | 'user_id'>,
    settings?: CallSettings,
  ): Resolves<'sendGift'>;
  /** Gifts the user Telegram Premium ([giftPremiumSubscription](https://core.telegram.org/bots/api#giftpremiumsubscription)). */
  giftPremiumSubscription(...args: SkipFirst<'giftPremiumSubscription'>): Resolves<'giftPremiumSubscription'>;
  /** Refunds the user's Star payment ([refundStarPayment](https://core.telegram.org/bots/api#refundstarpayment)). */
  refundStarPayment(...args: SkipFirst<'refundStarPayment'>): Resolves<'refundStarPayment'>;
  /** Verifies the user for the bot's organisation ([verifyUser](https://core.telegram.org/bots/api#verifyuser)). */
  verify(...args: SkipFirst<'verifyUser'>): Resolves<'verifyUser'>;
  /** Removes the user's verification ([removeUserVerification](https://core.telegram.org/bots/api#removeuserverification)). */
  removeVerification(...args: SkipFirst<'removeUserVerification'>): Resolves<'removeUserVerification'>;
  /** Lets the user into a chat: `approveChatJoinRequest` with `user_id` filled. */
  approveJoinRequest(...args: SkipSecond<'approveChatJoinRequest'>): Resolves<'approveChatJoinRequest'>;
  /** Turns the user away from a chat: `declineChatJoinRequest` with `user_id` filled. */
  declineJoinRequest(...args: SkipSecond<'declineChatJoinRequest'>): Resolves<'declineChatJoinRequest'>;
  /** Sets the user's tag in a chat: `setChatMemberTag` with `user_id` filled. */
  setChatMemberTag(...args: SkipSecond<'setChatMemberTag'>): Resolves<'setChatMemberTag'>;
  /** Removes the user's reaction on a message: `deleteMessageReaction` with `user_id` filled. */
  deleteReaction(
    chat_id: number | string,
    message_id: number,
    options?: Omit<OptionsAt<'deleteMessageReaction', 2>, 'user_id'>,
    settings?: CallSettings,
  ): Resolves<'deleteMessageReaction'>;
  /** Removes the user's reactions on recent messages of a chat: `deleteAllMessageReactions` with `user_id` filled. */
  deleteAllReactions(
    chat_id: number | string,
    options?: Omit<OptionsAt<'deleteAllMessageReactions', 1>, 'user_id'>,
    settings?: CallSettings,
  ): Resolves<'deleteAllMessageReactions'>;
  /** Messages of the user's personal chat ([getUserPersonalChatMessages](https://core.telegram.org/bots/api#getuserpersonalchatmessages)). */
  getPersonalChatMessages(
    ...args: SkipFirst<'getUserPersonalChatMessages'>
  ): Resolves<'getUserPersonalChatMessages'>;
  /** Access settings of this managed bot ([getManagedBotAccessSettings](https://core.telegram.org/bots/api#getmanagedbotaccesssettings)). */
  getManagedBotAccessSettings(
    ...args: SkipFirst<'getManagedBotAccessSettings'>
  ): Resolves<'getManagedBotAccessSettings'>;
  /** Changes access settings of this managed bot ([setManagedBotAccessSettings](https://core.telegram.org/bots/api#setmanagedbotaccesssettings)). */
  setManagedBotAccessSettings(
    ...args: SkipFirst<'setManagedBotAccessSettings'>
  ): Resolves<'setManagedBotAccessSettings'>;
  /** The token of this managed bot ([getManagedBotToken](https://core.telegram.org/bots/api#getmanagedbottoken)). */
  getManagedBotToken(...args: SkipFirst<'getManagedBotToken'>): Resolves<'getManagedBotToken'>;
  /** Replaces this managed bot's token ([replaceManagedBotToken](https://core.telegram.org/bots/api#replacemanagedbottoken)). */
  replaceToken(...args: SkipFirst<'replaceManagedBotToken'>): Resolves<'replaceManagedBotToken'>;
}

declare module '../generated/types.js' {
  interface User extends UserNaming, ChatSendShortcuts, UserShortcuts {}
}

const userMembers: Readonly<Record<string, ShortcutImpl>> = {
  getProfilePhotos: idAt('getUserProfilePhotos', 0),
  getProfileAudios: idAt('getUserProfileAudios', 0),
  getChatBoosts: idAt('getUserChatBoosts', 1),
  getGifts: idAt('getUserGifts', 0),
  sendGift: idIn('sendGift', 1, 'user_id', ['chat_id']),
  giftPremiumSubscription: idAt('giftPremiumSubscription', 0),
  refundStarPayment: idAt('refundStarPayment', 0),
  verify: idAt('verifyUser', 0),
  removeVerification: idAt('removeUserVerification', 0),
  approveJoinRequest: idAt('approveChatJoinRequest', 1),
  declineJoinRequest: idAt('declineChatJoinRequest', 1),
  setChatMemberTag: idAt('setChatMemberTag', 1),
  deleteReaction: idIn('deleteMessageReaction', 2, 'user_id'),
  deleteAllReactions: idIn('deleteAllMessageReactions', 1, 'user_id'),
  getPersonalChatMessages: idAt('getUserPersonalChatMessages', 0),
  getManagedBotAccessSettings: idAt('getManagedBotAccessSettings', 0),
  setManagedBotAccessSettings: idAt('setManagedBotAccessSettings', 0),
  getManagedBotToken: idAt('getManagedBotToken', 0),
  replaceToken: idAt('replaceManagedBotToken', 0),
};

function fullName(user: User): string {
  return fullNameOf(user) ?? user.first_name;
}

defineBehaviour(User, {
  get fullName(): string {
    return fullName(this);
  },
  get name(): string {
    return nameOf(this) ?? this.first_name;
  },
  get link(): string | undefined {
    return linkOf(this);
  },
  mentionHtml(this: User, name?: string): string {
    return mentionHtml(this.id, name || fullName(this));
  },
  mentionMarkdown(this: User, name?: string): string {
    return mentionMarkdown(this.id, name || fullName(this), 1);
  },
  mentionMarkdownV2(this: User, name?: string): string {
    return mentionMarkdown(this.id, name || fullName(this), 2);
  },
  mentionButton(this: User, name?: string): InlineKeyboardButton {
    return new InlineKeyboardButton({ text: name || fullName(this), url: `tg://user?id=${this.id}` });
  },
});

defineBehaviour(User, chatSendMembers);
defineBehaviour(User, userMembers);
