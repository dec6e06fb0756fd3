/**
 * User: PTB's names, links, mentions and mention button, the chat shortcuts of the user's private
 * chat (`chat_id` = the user's id), and the shortcuts about the user (`user_id` = the user's id).
 */
import { InlineKeyboardButton, User } from '../generated/types.js';
import { mentionHtml, mentionMarkdown } from '../helpers.js';
import { defineBehaviour } from './behaviour.js';
import { type ChatSendShortcuts, chatSendMembers } from './chat-send.js';
import { idAt, idIn } from './id-shortcut.js';
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

declare module '../generated/types.js' {
  interface User extends UserNaming, ChatSendShortcuts, UserShortcuts {}
}

/** Shortcuts about a user, installed with `defineBehaviour`; `user_id` is the user's id. */
const userMembers = {
  /** The user's profile photos ([getUserProfilePhotos](https://core.telegram.org/bots/api#getuserprofilephotos)). */
  getProfilePhotos: idAt('getUserProfilePhotos', 0),
  /** The user's profile audios ([getUserProfileAudios](https://core.telegram.org/bots/api#getuserprofileaudios)). */
  getProfileAudios: idAt('getUserProfileAudios', 0),
  /** The user's boosts of a chat: `getUserChatBoosts` with `user_id` filled. */
  getChatBoosts: idAt('getUserChatBoosts', 1),
  /** The gifts the user owns ([getUserGifts](https://core.telegram.org/bots/api#getusergifts)). */
  getGifts: idAt('getUserGifts', 0),
  /** Sends the user a gift: `sendGift` with `user_id` filled (and no `chat_id`). */
  sendGift: idIn('sendGift', 1, 'user_id', ['chat_id']),
  /** Gifts the user Telegram Premium ([giftPremiumSubscription](https://core.telegram.org/bots/api#giftpremiumsubscription)). */
  giftPremiumSubscription: idAt('giftPremiumSubscription', 0),
  /** Refunds the user's Star payment ([refundStarPayment](https://core.telegram.org/bots/api#refundstarpayment)). */
  refundStarPayment: idAt('refundStarPayment', 0),
  /** Verifies the user for the bot's organisation ([verifyUser](https://core.telegram.org/bots/api#verifyuser)). */
  verify: idAt('verifyUser', 0),
  /** Removes the user's verification ([removeUserVerification](https://core.telegram.org/bots/api#removeuserverification)). */
  removeVerification: idAt('removeUserVerification', 0),
  /** Lets the user into a chat: `approveChatJoinRequest` with `user_id` filled. */
  approveJoinRequest: idAt('approveChatJoinRequest', 1),
  /** Turns the user away from a chat: `declineChatJoinRequest` with `user_id` filled. */
  declineJoinRequest: idAt('declineChatJoinRequest', 1),
  /** Sets the user's tag in a chat: `setChatMemberTag` with `user_id` filled. */
  setChatMemberTag: idAt('setChatMemberTag', 1),
  /** Removes the user's reaction on a message: `deleteMessageReaction` with `user_id` filled. */
  deleteReaction: idIn('deleteMessageReaction', 2, 'user_id'),
  /** Removes the user's reactions on recent messages of a chat: `deleteAllMessageReactions` with `user_id` filled. */
  deleteAllReactions: idIn('deleteAllMessageReactions', 1, 'user_id'),
  /** Messages of the user's personal chat ([getUserPersonalChatMessages](https://core.telegram.org/bots/api#getuserpersonalchatmessages)). */
  getPersonalChatMessages: idAt('getUserPersonalChatMessages', 0),
  /** Access settings of this managed bot ([getManagedBotAccessSettings](https://core.telegram.org/bots/api#getmanagedbotaccesssettings)). */
  getManagedBotAccessSettings: idAt('getManagedBotAccessSettings', 0),
  /** Changes access settings of this managed bot ([setManagedBotAccessSettings](https://core.telegram.org/bots/api#setmanagedbotaccesssettings)). */
  setManagedBotAccessSettings: idAt('setManagedBotAccessSettings', 0),
  /** The token of this managed bot ([getManagedBotToken](https://core.telegram.org/bots/api#getmanagedbottoken)). */
  getManagedBotToken: idAt('getManagedBotToken', 0),
  /** Replaces this managed bot's token ([replaceManagedBotToken](https://core.telegram.org/bots/api#replacemanagedbottoken)). */
  replaceToken: idAt('replaceManagedBotToken', 0),
};

/** Shortcuts about a user: `user_id` is the user's id. */
export type UserShortcuts = typeof userMembers;

function fullName(user: User): string {
  return fullNameOf(user) ?? user.first_name;
}

defineBehaviour(User, {
  get fullName() {
    return fullName(this);
  },
  get name() {
    return nameOf(this) ?? this.first_name;
  },
  get link() {
    return linkOf(this);
  },
  mentionHtml(name) {
    return mentionHtml(this.id, name || fullName(this));
  },
  mentionMarkdown(name) {
    return mentionMarkdown(this.id, name || fullName(this), 1);
  },
  mentionMarkdownV2(name) {
    return mentionMarkdown(this.id, name || fullName(this), 2);
  },
  mentionButton(name) {
    return new InlineKeyboardButton({ text: name || fullName(this), url: `tg://user?id=${this.id}` });
  },
});
defineBehaviour(User, chatSendMembers);
defineBehaviour(User, userMembers);
