/**
 * Shortcuts only a Chat (and ChatFullInfo) has: members and administration, invite links and join
 * requests, suggested posts, forum topics. Each is its `Bot` method with `chat_id` (or, where the
 * chat is the other party, `sender_chat_id` / `new_owner_chat_id`) filled with the chat's id.
 */
import type { CallSettings } from '../request/types.js';
import {
  idAt,
  idIn,
  type OptionsAt,
  type Resolves,
  type ShortcutImpl,
  type SkipFirst,
  type SkipSecond,
  type SkipThird,
} from './id-shortcut.js';

/** Administration shortcuts of a chat; see {@link chatAdminMembers}. */
export interface ChatAdminShortcuts {
  /** The chat's administrators ([getChatAdministrators](https://core.telegram.org/bots/api#getchatadministrators)). */
  getAdministrators(...args: SkipFirst<'getChatAdministrators'>): Resolves<'getChatAdministrators'>;
  /** One member of the chat ([getChatMember](https://core.telegram.org/bots/api#getchatmember)). */
  getMember(...args: SkipFirst<'getChatMember'>): Resolves<'getChatMember'>;
  /** How many members the chat has ([getChatMemberCount](https://core.telegram.org/bots/api#getchatmembercount)). */
  getMemberCount(...args: SkipFirst<'getChatMemberCount'>): Resolves<'getChatMemberCount'>;
  /** Bans a user from the chat ([banChatMember](https://core.telegram.org/bots/api#banchatmember)). */
  banMember(...args: SkipFirst<'banChatMember'>): Resolves<'banChatMember'>;
  /** Lifts a user's ban ([unbanChatMember](https://core.telegram.org/bots/api#unbanchatmember)). */
  unbanMember(...args: SkipFirst<'unbanChatMember'>): Resolves<'unbanChatMember'>;
  /** Bans a channel from posting in this chat ([banChatSenderChat](https://core.telegram.org/bots/api#banchatsenderchat)). */
  banSenderChat(...args: SkipFirst<'banChatSenderChat'>): Resolves<'banChatSenderChat'>;
  /** Lifts a channel's ban in this chat ([unbanChatSenderChat](https://core.telegram.org/bots/api#unbanchatsenderchat)). */
  unbanSenderChat(...args: SkipFirst<'unbanChatSenderChat'>): Resolves<'unbanChatSenderChat'>;
  /** Bans this chat from posting in the chat given: `banChatSenderChat` with `sender_chat_id` filled. */
  banChat(...args: SkipSecond<'banChatSenderChat'>): Resolves<'banChatSenderChat'>;
  /** Lifts this chat's ban in the chat given: `unbanChatSenderChat` with `sender_chat_id` filled. */
  unbanChat(...args: SkipSecond<'unbanChatSenderChat'>): Resolves<'unbanChatSenderChat'>;
  /** Restricts a member ([restrictChatMember](https://core.telegram.org/bots/api#restrictchatmember)). */
  restrictMember(...args: SkipFirst<'restrictChatMember'>): Resolves<'restrictChatMember'>;
  /** Promotes or demotes a member ([promoteChatMember](https://core.telegram.org/bots/api#promotechatmember)). */
  promoteMember(...args: SkipFirst<'promoteChatMember'>): Resolves<'promoteChatMember'>;
  /** Sets an administrator's title ([setChatAdministratorCustomTitle](https://core.telegram.org/bots/api#setchatadministratorcustomtitle)). */
  setAdministratorCustomTitle(
    ...args: SkipFirst<'setChatAdministratorCustomTitle'>
  ): Resolves<'setChatAdministratorCustomTitle'>;
  /** Sets a member's tag ([setChatMemberTag](https://core.telegram.org/bots/api#setchatmembertag)). */
  setChatMemberTag(...args: SkipFirst<'setChatMemberTag'>): Resolves<'setChatMemberTag'>;
  /** Sets the default member permissions ([setChatPermissions](https://core.telegram.org/bots/api#setchatpermissions)). */
  setPermissions(...args: SkipFirst<'setChatPermissions'>): Resolves<'setChatPermissions'>;
  /** Renames the chat ([setChatTitle](https://core.telegram.org/bots/api#setchattitle)). */
  setTitle(...args: SkipFirst<'setChatTitle'>): Resolves<'setChatTitle'>;
  /** Sets or clears the description ([setChatDescription](https://core.telegram.org/bots/api#setchatdescription)). */
  setDescription(...args: SkipFirst<'setChatDescription'>): Resolves<'setChatDescription'>;
  /** Sets the chat photo ([setChatPhoto](https://core.telegram.org/bots/api#setchatphoto)). */
  setPhoto(...args: SkipFirst<'setChatPhoto'>): Resolves<'setChatPhoto'>;
  /** Removes the chat photo ([deleteChatPhoto](https://core.telegram.org/bots/api#deletechatphoto)). */
  deletePhoto(...args: SkipFirst<'deleteChatPhoto'>): Resolves<'deleteChatPhoto'>;
  /** Makes the bot leave the chat ([leaveChat](https://core.telegram.org/bots/api#leavechat)). */
  leave(...args: SkipFirst<'leaveChat'>): Resolves<'leaveChat'>;
  /** Sets the bot's reaction on a message here ([setMessageReaction](https://core.telegram.org/bots/api#setmessagereaction)). */
  setMessageReaction(...args: SkipFirst<'setMessageReaction'>): Resolves<'setMessageReaction'>;
  /** Removes a user's or chat's reaction on a message here ([deleteMessageReaction](https://core.telegram.org/bots/api#deletemessagereaction)). */
  deleteReaction(...args: SkipFirst<'deleteMessageReaction'>): Resolves<'deleteMessageReaction'>;
  /** Removes the reactions of a user or chat on recent messages here ([deleteAllMessageReactions](https://core.telegram.org/bots/api#deleteallmessagereactions)). */
  deleteAllReactions(...args: SkipFirst<'deleteAllMessageReactions'>): Resolves<'deleteAllMessageReactions'>;
  /** A user's boosts of this chat ([getUserChatBoosts](https://core.telegram.org/bots/api#getuserchatboosts)). */
  getUserChatBoosts(...args: SkipFirst<'getUserChatBoosts'>): Resolves<'getUserChatBoosts'>;
  /** The gifts this chat owns ([getChatGifts](https://core.telegram.org/bots/api#getchatgifts)). */
  getGifts(...args: SkipFirst<'getChatGifts'>): Resolves<'getChatGifts'>;
  /** Sends a gift to this chat: `sendGift` with `chat_id` filled (and no `user_id`). */
  sendGift(
    gift_id: string,
    options?: Omit<OptionsAt<'sendGift', 1>, 'chat_id' | 'user_id'>,
    settings?: CallSettings,
  ): Resolves<'sendGift'>;
  /** Gives a business account's gift to this chat: `transferGift` with `new_owner_chat_id` filled. */
  transferGift(...args: SkipThird<'transferGift'>): Resolves<'transferGift'>;
  /** Verifies the chat for the bot's organisation ([verifyChat](https://core.telegram.org/bots/api#verifychat)). */
  verify(...args: SkipFirst<'verifyChat'>): Resolves<'verifyChat'>;
  /** Removes the chat's verification ([removeChatVerification](https://core.telegram.org/bots/api#removechatverification)). */
  removeVerification(...args: SkipFirst<'removeChatVerification'>): Resolves<'removeChatVerification'>;
  /** Marks a message here as read for a business account ([readBusinessMessage](https://core.telegram.org/bots/api#readbusinessmessage)). */
  readBusinessMessage(...args: SkipSecond<'readBusinessMessage'>): Resolves<'readBusinessMessage'>;
  /** The chat's primary invite link, newly generated ([exportChatInviteLink](https://core.telegram.org/bots/api#exportchatinvitelink)). */
  exportInviteLink(...args: SkipFirst<'exportChatInviteLink'>): Resolves<'exportChatInviteLink'>;
  /** Creates an extra invite link ([createChatInviteLink](https://core.telegram.org/bots/api#createchatinvitelink)). */
  createInviteLink(...args: SkipFirst<'createChatInviteLink'>): Resolves<'createChatInviteLink'>;
  /** Edits an invite link ([editChatInviteLink](https://core.telegram.org/bots/api#editchatinvitelink)). */
  editInviteLink(...args: SkipFirst<'editChatInviteLink'>): Resolves<'editChatInviteLink'>;
  /** Revokes an invite link ([revokeChatInviteLink](https://core.telegram.org/bots/api#revokechatinvitelink)). */
  revokeInviteLink(...args: SkipFirst<'revokeChatInviteLink'>): Resolves<'revokeChatInviteLink'>;
  /** Creates a paid subscription link ([createChatSubscriptionInviteLink](https://core.telegram.org/bots/api#createchatsubscriptioninvitelink)). */
  createSubscriptionInviteLink(
    ...args: SkipFirst<'createChatSubscriptionInviteLink'>
  ): Resolves<'createChatSubscriptionInviteLink'>;
  /** Edits a subscription link ([editChatSubscriptionInviteLink](https://core.telegram.org/bots/api#editchatsubscriptioninvitelink)). */
  editSubscriptionInviteLink(
    ...args: SkipFirst<'editChatSubscriptionInviteLink'>
  ): Resolves<'editChatSubscriptionInviteLink'>;
  /** Lets a user in ([approveChatJoinRequest](https://core.telegram.org/bots/api#approvechatjoinrequest)). */
  approveJoinRequest(...args: SkipFirst<'approveChatJoinRequest'>): Resolves<'approveChatJoinRequest'>;
  /** Turns a user away ([declineChatJoinRequest](https://core.telegram.org/bots/api#declinechatjoinrequest)). */
  declineJoinRequest(...args: SkipFirst<'declineChatJoinRequest'>): Resolves<'declineChatJoinRequest'>;
  /** Approves a suggested post here ([approveSuggestedPost](https://core.telegram.org/bots/api#approvesuggestedpost)). */
  approveSuggestedPost(...args: SkipFirst<'approveSuggestedPost'>): Resolves<'approveSuggestedPost'>;
  /** Declines a suggested post here ([declineSuggestedPost](https://core.telegram.org/bots/api#declinesuggestedpost)). */
  declineSuggestedPost(...args: SkipFirst<'declineSuggestedPost'>): Resolves<'declineSuggestedPost'>;
  /** Creates a forum topic ([createForumTopic](https://core.telegram.org/bots/api#createforumtopic)). */
  createForumTopic(...args: SkipFirst<'createForumTopic'>): Resolves<'createForumTopic'>;
  /** Edits a forum topic ([editForumTopic](https://core.telegram.org/bots/api#editforumtopic)). */
  editForumTopic(...args: SkipFirst<'editForumTopic'>): Resolves<'editForumTopic'>;
  /** Closes a forum topic ([closeForumTopic](https://core.telegram.org/bots/api#closeforumtopic)). */
  closeForumTopic(...args: SkipFirst<'closeForumTopic'>): Resolves<'closeForumTopic'>;
  /** Reopens a forum topic ([reopenForumTopic](https://core.telegram.org/bots/api#reopenforumtopic)). */
  reopenForumTopic(...args: SkipFirst<'reopenForumTopic'>): Resolves<'reopenForumTopic'>;
  /** Deletes a forum topic and its messages ([deleteForumTopic](https://core.telegram.org/bots/api#deleteforumtopic)). */
  deleteForumTopic(...args: SkipFirst<'deleteForumTopic'>): Resolves<'deleteForumTopic'>;
  /** Renames the General topic ([editGeneralForumTopic](https://core.telegram.org/bots/api#editgeneralforumtopic)). */
  editGeneralForumTopic(...args: SkipFirst<'editGeneralForumTopic'>): Resolves<'editGeneralForumTopic'>;
  /** Closes the General topic ([closeGeneralForumTopic](https://core.telegram.org/bots/api#closegeneralforumtopic)). */
  closeGeneralForumTopic(...args: SkipFirst<'closeGeneralForumTopic'>): Resolves<'closeGeneralForumTopic'>;
  /** Reopens the General topic ([reopenGeneralForumTopic](https://core.telegram.org/bots/api#reopengeneralforumtopic)). */
  reopenGeneralForumTopic(...args: SkipFirst<'reopenGeneralForumTopic'>): Resolves<'reopenGeneralForumTopic'>;
  /** Hides the General topic ([hideGeneralForumTopic](https://core.telegram.org/bots/api#hidegeneralforumtopic)). */
  hideGeneralForumTopic(...args: SkipFirst<'hideGeneralForumTopic'>): Resolves<'hideGeneralForumTopic'>;
  /** Shows the General topic again ([unhideGeneralForumTopic](https://core.telegram.org/bots/api#unhidegeneralforumtopic)). */
  unhideGeneralForumTopic(...args: SkipFirst<'unhideGeneralForumTopic'>): Resolves<'unhideGeneralForumTopic'>;
  /** Unpins every message of a topic ([unpinAllForumTopicMessages](https://core.telegram.org/bots/api#unpinallforumtopicmessages)). */
  unpinAllForumTopicMessages(
    ...args: SkipFirst<'unpinAllForumTopicMessages'>
  ): Resolves<'unpinAllForumTopicMessages'>;
  /** Unpins every message of the General topic ([unpinAllGeneralForumTopicMessages](https://core.telegram.org/bots/api#unpinallgeneralforumtopicmessages)). */
  unpinAllGeneralForumTopicMessages(
    ...args: SkipFirst<'unpinAllGeneralForumTopicMessages'>
  ): Resolves<'unpinAllGeneralForumTopicMessages'>;
}

/** The implementations of {@link ChatAdminShortcuts}, for `defineBehaviour`. */
export const chatAdminMembers: Readonly<Record<string, ShortcutImpl>> = {
  getAdministrators: idAt('getChatAdministrators', 0),
  getMember: idAt('getChatMember', 0),
  getMemberCount: idAt('getChatMemberCount', 0),
  banMember: idAt('banChatMember', 0),
  unbanMember: idAt('unbanChatMember', 0),
  banSenderChat: idAt('banChatSenderChat', 0),
  unbanSenderChat: idAt('unbanChatSenderChat', 0),
  banChat: idAt('banChatSenderChat', 1),
  unbanChat: idAt('unbanChatSenderChat', 1),
  restrictMember: idAt('restrictChatMember', 0),
  promoteMember: idAt('promoteChatMember', 0),
  setAdministratorCustomTitle: idAt('setChatAdministratorCustomTitle', 0),
  setChatMemberTag: idAt('setChatMemberTag', 0),
  setPermissions: idAt('setChatPermissions', 0),
  setTitle: idAt('setChatTitle', 0),
  setDescription: idAt('setChatDescription', 0),
  setPhoto: idAt('setChatPhoto', 0),
  deletePhoto: idAt('deleteChatPhoto', 0),
  leave: idAt('leaveChat', 0),
  setMessageReaction: idAt('setMessageReaction', 0),
  deleteReaction: idAt('deleteMessageReaction', 0),
  deleteAllReactions: idAt('deleteAllMessageReactions', 0),
  getUserChatBoosts: idAt('getUserChatBoosts', 0),
  getGifts: idAt('getChatGifts', 0),
  sendGift: idIn('sendGift', 1, 'chat_id', ['user_id']),
  transferGift: idAt('transferGift', 2),
  verify: idAt('verifyChat', 0),
  removeVerification: idAt('removeChatVerification', 0),
  readBusinessMessage: idAt('readBusinessMessage', 1),
  exportInviteLink: idAt('exportChatInviteLink', 0),
  createInviteLink: idAt('createChatInviteLink', 0),
  editInviteLink: idAt('editChatInviteLink', 0),
  revokeInviteLink: idAt('revokeChatInviteLink', 0),
  createSubscriptionInviteLink: idAt('createChatSubscriptionInviteLink', 0),
  editSubscriptionInviteLink: idAt('editChatSubscriptionInviteLink', 0),
  approveJoinRequest: idAt('approveChatJoinRequest', 0),
  declineJoinRequest: idAt('declineChatJoinRequest', 0),
  approveSuggestedPost: idAt('approveSuggestedPost', 0),
  declineSuggestedPost: idAt('declineSuggestedPost', 0),
  createForumTopic: idAt('createForumTopic', 0),
  editForumTopic: idAt('editForumTopic', 0),
  closeForumTopic: idAt('closeForumTopic', 0),
  reopenForumTopic: idAt('reopenForumTopic', 0),
  deleteForumTopic: idAt('deleteForumTopic', 0),
  editGeneralForumTopic: idAt('editGeneralForumTopic', 0),
  closeGeneralForumTopic: idAt('closeGeneralForumTopic', 0),
  reopenGeneralForumTopic: idAt('reopenGeneralForumTopic', 0),
  hideGeneralForumTopic: idAt('hideGeneralForumTopic', 0),
  unhideGeneralForumTopic: idAt('unhideGeneralForumTopic', 0),
  unpinAllForumTopicMessages: idAt('unpinAllForumTopicMessages', 0),
  unpinAllGeneralForumTopicMessages: idAt('unpinAllGeneralForumTopicMessages', 0),
};
