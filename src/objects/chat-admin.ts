/**
 * Shortcuts only a Chat (and ChatFullInfo) has: members and administration, invite links and join
 * requests, suggested posts, forum topics. Each is its `Bot` method with `chat_id` (or, where the
 * chat is the other party, `sender_chat_id` / `new_owner_chat_id`) filled with the chat's id.
 * The table below is both the implementation and, through its type, the declaration.
 */
import { idAt, idIn } from './id-shortcut.js';

/** The shortcuts of {@link ChatAdminShortcuts}, installed with `defineBehaviour`. */
export const chatAdminMembers = {
  /** The chat's administrators ([getChatAdministrators](https://core.telegram.org/bots/api#getchatadministrators)). */
  getAdministrators: idAt('getChatAdministrators', 0),
  /** One member of the chat ([getChatMember](https://core.telegram.org/bots/api#getchatmember)). */
  getMember: idAt('getChatMember', 0),
  /** How many members the chat has ([getChatMemberCount](https://core.telegram.org/bots/api#getchatmembercount)). */
  getMemberCount: idAt('getChatMemberCount', 0),
  /** Bans a user from the chat ([banChatMember](https://core.telegram.org/bots/api#banchatmember)). */
  banMember: idAt('banChatMember', 0),
  /** Lifts a user's ban ([unbanChatMember](https://core.telegram.org/bots/api#unbanchatmember)). */
  unbanMember: idAt('unbanChatMember', 0),
  /** Bans a channel from posting in this chat ([banChatSenderChat](https://core.telegram.org/bots/api#banchatsenderchat)). */
  banSenderChat: idAt('banChatSenderChat', 0),
  /** Lifts a channel's ban in this chat ([unbanChatSenderChat](https://core.telegram.org/bots/api#unbanchatsenderchat)). */
  unbanSenderChat: idAt('unbanChatSenderChat', 0),
  /** Bans this chat from posting in the chat given: `banChatSenderChat` with `sender_chat_id` filled. */
  banChat: idAt('banChatSenderChat', 1),
  /** Lifts this chat's ban in the chat given: `unbanChatSenderChat` with `sender_chat_id` filled. */
  unbanChat: idAt('unbanChatSenderChat', 1),
  /** Restricts a member ([restrictChatMember](https://core.telegram.org/bots/api#restrictchatmember)). */
  restrictMember: idAt('restrictChatMember', 0),
  /** Promotes or demotes a member ([promoteChatMember](https://core.telegram.org/bots/api#promotechatmember)). */
  promoteMember: idAt('promoteChatMember', 0),
  /** Sets an administrator's title ([setChatAdministratorCustomTitle](https://core.telegram.org/bots/api#setchatadministratorcustomtitle)). */
  setAdministratorCustomTitle: idAt('setChatAdministratorCustomTitle', 0),
  /** Sets a member's tag ([setChatMemberTag](https://core.telegram.org/bots/api#setchatmembertag)). */
  setChatMemberTag: idAt('setChatMemberTag', 0),
  /** Sets the default member permissions ([setChatPermissions](https://core.telegram.org/bots/api#setchatpermissions)). */
  setPermissions: idAt('setChatPermissions', 0),
  /** Renames the chat ([setChatTitle](https://core.telegram.org/bots/api#setchattitle)). */
  setTitle: idAt('setChatTitle', 0),
  /** Sets or clears the description ([setChatDescription](https://core.telegram.org/bots/api#setchatdescription)). */
  setDescription: idAt('setChatDescription', 0),
  /** Sets the chat photo ([setChatPhoto](https://core.telegram.org/bots/api#setchatphoto)). */
  setPhoto: idAt('setChatPhoto', 0),
  /** Removes the chat photo ([deleteChatPhoto](https://core.telegram.org/bots/api#deletechatphoto)). */
  deletePhoto: idAt('deleteChatPhoto', 0),
  /** Makes the bot leave the chat ([leaveChat](https://core.telegram.org/bots/api#leavechat)). */
  leave: idAt('leaveChat', 0),
  /** Sets the bot's reaction on a message here ([setMessageReaction](https://core.telegram.org/bots/api#setmessagereaction)). */
  setMessageReaction: idAt('setMessageReaction', 0),
  /** Removes a user's or chat's reaction on a message here ([deleteMessageReaction](https://core.telegram.org/bots/api#deletemessagereaction)). */
  deleteReaction: idAt('deleteMessageReaction', 0),
  /** Removes the reactions of a user or chat on recent messages here ([deleteAllMessageReactions](https://core.telegram.org/bots/api#deleteallmessagereactions)). */
  deleteAllReactions: idAt('deleteAllMessageReactions', 0),
  /** A user's boosts of this chat ([getUserChatBoosts](https://core.telegram.org/bots/api#getuserchatboosts)). */
  getUserChatBoosts: idAt('getUserChatBoosts', 0),
  /** The gifts this chat owns ([getChatGifts](https://core.telegram.org/bots/api#getchatgifts)). */
  getGifts: idAt('getChatGifts', 0),
  /** Sends a gift to this chat: `sendGift` with `chat_id` filled (and no `user_id`). */
  sendGift: idIn('sendGift', 1, 'chat_id', ['user_id']),
  /** Gives a business account's gift to this chat: `transferGift` with `new_owner_chat_id` filled. */
  transferGift: idAt('transferGift', 2),
  /** Verifies the chat for the bot's organisation ([verifyChat](https://core.telegram.org/bots/api#verifychat)). */
  verify: idAt('verifyChat', 0),
  /** Removes the chat's verification ([removeChatVerification](https://core.telegram.org/bots/api#removechatverification)). */
  removeVerification: idAt('removeChatVerification', 0),
  /** Marks a message here as read for a business account ([readBusinessMessage](https://core.telegram.org/bots/api#readbusinessmessage)). */
  readBusinessMessage: idAt('readBusinessMessage', 1),
  /** The chat's primary invite link, newly generated ([exportChatInviteLink](https://core.telegram.org/bots/api#exportchatinvitelink)). */
  exportInviteLink: idAt('exportChatInviteLink', 0),
  /** Creates an extra invite link ([createChatInviteLink](https://core.telegram.org/bots/api#createchatinvitelink)). */
  createInviteLink: idAt('createChatInviteLink', 0),
  /** Edits an invite link ([editChatInviteLink](https://core.telegram.org/bots/api#editchatinvitelink)). */
  editInviteLink: idAt('editChatInviteLink', 0),
  /** Revokes an invite link ([revokeChatInviteLink](https://core.telegram.org/bots/api#revokechatinvitelink)). */
  revokeInviteLink: idAt('revokeChatInviteLink', 0),
  /** Creates a paid subscription link ([createChatSubscriptionInviteLink](https://core.telegram.org/bots/api#createchatsubscriptioninvitelink)). */
  createSubscriptionInviteLink: idAt('createChatSubscriptionInviteLink', 0),
  /** Edits a subscription link ([editChatSubscriptionInviteLink](https://core.telegram.org/bots/api#editchatsubscriptioninvitelink)). */
  editSubscriptionInviteLink: idAt('editChatSubscriptionInviteLink', 0),
  /** Lets a user in ([approveChatJoinRequest](https://core.telegram.org/bots/api#approvechatjoinrequest)). */
  approveJoinRequest: idAt('approveChatJoinRequest', 0),
  /** Turns a user away ([declineChatJoinRequest](https://core.telegram.org/bots/api#declinechatjoinrequest)). */
  declineJoinRequest: idAt('declineChatJoinRequest', 0),
  /** Approves a suggested post here ([approveSuggestedPost](https://core.telegram.org/bots/api#approvesuggestedpost)). */
  approveSuggestedPost: idAt('approveSuggestedPost', 0),
  /** Declines a suggested post here ([declineSuggestedPost](https://core.telegram.org/bots/api#declinesuggestedpost)). */
  declineSuggestedPost: idAt('declineSuggestedPost', 0),
  /** Creates a forum topic ([createForumTopic](https://core.telegram.org/bots/api#createforumtopic)). */
  createForumTopic: idAt('createForumTopic', 0),
  /** Edits a forum topic ([editForumTopic](https://core.telegram.org/bots/api#editforumtopic)). */
  editForumTopic: idAt('editForumTopic', 0),
  /** Closes a forum topic ([closeForumTopic](https://core.telegram.org/bots/api#closeforumtopic)). */
  closeForumTopic: idAt('closeForumTopic', 0),
  /** Reopens a forum topic ([reopenForumTopic](https://core.telegram.org/bots/api#reopenforumtopic)). */
  reopenForumTopic: idAt('reopenForumTopic', 0),
  /** Deletes a forum topic and its messages ([deleteForumTopic](https://core.telegram.org/bots/api#deleteforumtopic)). */
  deleteForumTopic: idAt('deleteForumTopic', 0),
  /** Renames the General topic ([editGeneralForumTopic](https://core.telegram.org/bots/api#editgeneralforumtopic)). */
  editGeneralForumTopic: idAt('editGeneralForumTopic', 0),
  /** Closes the General topic ([closeGeneralForumTopic](https://core.telegram.org/bots/api#closegeneralforumtopic)). */
  closeGeneralForumTopic: idAt('closeGeneralForumTopic', 0),
  /** Reopens the General topic ([reopenGeneralForumTopic](https://core.telegram.org/bots/api#reopengeneralforumtopic)). */
  reopenGeneralForumTopic: idAt('reopenGeneralForumTopic', 0),
  /** Hides the General topic ([hideGeneralForumTopic](https://core.telegram.org/bots/api#hidegeneralforumtopic)). */
  hideGeneralForumTopic: idAt('hideGeneralForumTopic', 0),
  /** Shows the General topic again ([unhideGeneralForumTopic](https://core.telegram.org/bots/api#unhidegeneralforumtopic)). */
  unhideGeneralForumTopic: idAt('unhideGeneralForumTopic', 0),
  /** Unpins every message of a topic ([unpinAllForumTopicMessages](https://core.telegram.org/bots/api#unpinallforumtopicmessages)). */
  unpinAllForumTopicMessages: idAt('unpinAllForumTopicMessages', 0),
  /** Unpins every message of the General topic ([unpinAllGeneralForumTopicMessages](https://core.telegram.org/bots/api#unpinallgeneralforumtopicmessages)). */
  unpinAllGeneralForumTopicMessages: idAt('unpinAllGeneralForumTopicMessages', 0),
};

/** Administration shortcuts of a chat; `chat_id` is the chat's id. */
export type ChatAdminShortcuts = typeof chatAdminMembers;
