import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Bot } from '../../src/bot.js';
import { Chat, ChatFullInfo, InlineKeyboardButton, User } from '../../src/index.js';
import '../../src/objects/properties.js';
import type { FakeApiServer } from '../helpers/fake-api-server.js';
import { lastCall, startHarness } from './shortcut-harness.js';

const CHAT_ID = -1001234567890;
const USER_ID = 4242;

interface Case<T> {
  readonly name: string;
  readonly call: (target: T) => Promise<unknown>;
  readonly method: string;
  readonly body: Record<string, unknown>;
}

/** Shortcuts shared by chats and users: `chat_id` is the object's id (`ID` stands for it). */
const ID = Symbol('id');
type Shared = Chat & User;
const SHARED: ReadonlyArray<Case<Chat | ChatFullInfo | User>> = [
  {
    name: 'sendMessage',
    call: (t) => t.sendMessage('hi', { parse_mode: 'HTML' }),
    method: 'sendMessage',
    body: { chat_id: ID, text: 'hi', parse_mode: 'HTML' },
  },
  {
    name: 'sendPhoto',
    call: (t) => t.sendPhoto('PHOTO_ID', { caption: 'c' }),
    method: 'sendPhoto',
    body: { chat_id: ID, photo: 'PHOTO_ID', caption: 'c' },
  },
  {
    name: 'sendAudio',
    call: (t) => t.sendAudio('A', { title: 't' }),
    method: 'sendAudio',
    body: { chat_id: ID, audio: 'A', title: 't' },
  },
  {
    name: 'sendDocument',
    call: (t) => t.sendDocument('D'),
    method: 'sendDocument',
    body: { chat_id: ID, document: 'D' },
  },
  {
    name: 'sendAnimation',
    call: (t) => t.sendAnimation('N', { has_spoiler: true }),
    method: 'sendAnimation',
    body: { chat_id: ID, animation: 'N', has_spoiler: true },
  },
  {
    name: 'sendSticker',
    call: (t) => t.sendSticker('S', { emoji: '👍' }),
    method: 'sendSticker',
    body: { chat_id: ID, sticker: 'S', emoji: '👍' },
  },
  {
    name: 'sendVideo',
    call: (t) => t.sendVideo('V', { duration: 3 }),
    method: 'sendVideo',
    body: { chat_id: ID, video: 'V', duration: 3 },
  },
  {
    name: 'sendVideoNote',
    call: (t) => t.sendVideoNote('VN', { length: 240 }),
    method: 'sendVideoNote',
    body: { chat_id: ID, video_note: 'VN', length: 240 },
  },
  {
    name: 'sendVoice',
    call: (t) => t.sendVoice('VO', { caption: 'v' }),
    method: 'sendVoice',
    body: { chat_id: ID, voice: 'VO', caption: 'v' },
  },
  {
    name: 'sendLivePhoto',
    call: (t) => t.sendLivePhoto('LP', 'P'),
    method: 'sendLivePhoto',
    body: { chat_id: ID, live_photo: 'LP', photo: 'P' },
  },
  {
    name: 'sendMediaGroup',
    call: (t) =>
      t.sendMediaGroup([
        { type: 'photo', media: 'P1' },
        { type: 'photo', media: 'P2' },
      ]),
    method: 'sendMediaGroup',
    body: {
      chat_id: ID,
      media: [
        { type: 'photo', media: 'P1' },
        { type: 'photo', media: 'P2' },
      ],
    },
  },
  {
    name: 'sendPaidMedia',
    call: (t) => t.sendPaidMedia(5, [{ type: 'photo', media: 'P' }], { payload: 'x' }),
    method: 'sendPaidMedia',
    body: { chat_id: ID, star_count: 5, payload: 'x' },
  },
  {
    name: 'sendLocation',
    call: (t) => t.sendLocation(1.5, 2.5, { live_period: 60 }),
    method: 'sendLocation',
    body: { chat_id: ID, latitude: 1.5, longitude: 2.5, live_period: 60 },
  },
  {
    name: 'sendVenue',
    call: (t) => t.sendVenue(1, 2, 'T', 'A'),
    method: 'sendVenue',
    body: { chat_id: ID, latitude: 1, longitude: 2, title: 'T', address: 'A' },
  },
  {
    name: 'sendContact',
    call: (t) => t.sendContact('+1', 'Ann', { last_name: 'L' }),
    method: 'sendContact',
    body: { chat_id: ID, phone_number: '+1', first_name: 'Ann', last_name: 'L' },
  },
  {
    name: 'sendPoll',
    call: (t) => t.sendPoll('Q?', [{ text: 'a' }, { text: 'b' }], { is_anonymous: false }),
    method: 'sendPoll',
    body: { chat_id: ID, question: 'Q?', is_anonymous: false },
  },
  {
    name: 'sendDice',
    call: (t) => t.sendDice({ emoji: '🎯' }),
    method: 'sendDice',
    body: { chat_id: ID, emoji: '🎯' },
  },
  {
    name: 'sendGame',
    call: (t) => t.sendGame('g'),
    method: 'sendGame',
    body: { chat_id: ID, game_short_name: 'g' },
  },
  {
    name: 'sendInvoice',
    call: (t) => t.sendInvoice('T', 'D', 'p', 'XTR', [{ label: 'x', amount: 1 }]),
    method: 'sendInvoice',
    body: { chat_id: ID, title: 'T', currency: 'XTR' },
  },
  {
    name: 'sendChatAction',
    call: (t) => t.sendChatAction('typing', { message_thread_id: 3 }),
    method: 'sendChatAction',
    body: { chat_id: ID, action: 'typing', message_thread_id: 3 },
  },
  {
    name: 'sendMessageDraft',
    call: (t) => t.sendMessageDraft(9, { text: 'dr' }),
    method: 'sendMessageDraft',
    body: { chat_id: ID, draft_id: 9, text: 'dr' },
  },
  {
    name: 'sendChecklist',
    call: (t) => t.sendChecklist('bc', { title: 'T', tasks: [{ id: 1, text: 'a' }] }),
    method: 'sendChecklist',
    body: { chat_id: ID, business_connection_id: 'bc' },
  },
  {
    name: 'sendCopy',
    call: (t) => t.sendCopy(77, 5, { caption: 'c' }),
    method: 'copyMessage',
    body: { chat_id: ID, from_chat_id: 77, message_id: 5, caption: 'c' },
  },
  {
    name: 'copyMessage',
    call: (t) => t.copyMessage('@to', 5, { disable_notification: true }),
    method: 'copyMessage',
    body: { chat_id: '@to', from_chat_id: ID, message_id: 5, disable_notification: true },
  },
  {
    name: 'sendCopies',
    call: (t) => t.sendCopies(77, [1, 2], { remove_caption: true }),
    method: 'copyMessages',
    body: { chat_id: ID, from_chat_id: 77, message_ids: [1, 2], remove_caption: true },
  },
  {
    name: 'copyMessages',
    call: (t) => t.copyMessages(88, [3]),
    method: 'copyMessages',
    body: { chat_id: 88, from_chat_id: ID, message_ids: [3] },
  },
  {
    name: 'forwardFrom',
    call: (t) => t.forwardFrom(77, 5, { protect_content: true }),
    method: 'forwardMessage',
    body: { chat_id: ID, from_chat_id: 77, message_id: 5, protect_content: true },
  },
  {
    name: 'forwardTo',
    call: (t) => t.forwardTo(88, 5),
    method: 'forwardMessage',
    body: { chat_id: 88, from_chat_id: ID, message_id: 5 },
  },
  {
    name: 'forwardMessagesFrom',
    call: (t) => t.forwardMessagesFrom(77, [1, 2]),
    method: 'forwardMessages',
    body: { chat_id: ID, from_chat_id: 77, message_ids: [1, 2] },
  },
  {
    name: 'forwardMessagesTo',
    call: (t) => t.forwardMessagesTo(88, [1], { disable_notification: true }),
    method: 'forwardMessages',
    body: { chat_id: 88, from_chat_id: ID, message_ids: [1], disable_notification: true },
  },
  {
    name: 'pinMessage',
    call: (t) => t.pinMessage(5, { disable_notification: true }),
    method: 'pinChatMessage',
    body: { chat_id: ID, message_id: 5, disable_notification: true },
  },
  {
    name: 'unpinMessage',
    call: (t) => t.unpinMessage({ message_id: 5 }),
    method: 'unpinChatMessage',
    body: { chat_id: ID, message_id: 5 },
  },
  {
    name: 'unpinAllMessages',
    call: (t) => t.unpinAllMessages(),
    method: 'unpinAllChatMessages',
    body: { chat_id: ID },
  },
  {
    name: 'deleteMessage',
    call: (t) => t.deleteMessage(5),
    method: 'deleteMessage',
    body: { chat_id: ID, message_id: 5 },
  },
  {
    name: 'deleteMessages',
    call: (t) => t.deleteMessages([5, 6]),
    method: 'deleteMessages',
    body: { chat_id: ID, message_ids: [5, 6] },
  },
  {
    name: 'setMenuButton',
    call: (t) => t.setMenuButton({ menu_button: { type: 'commands' } }),
    method: 'setChatMenuButton',
    body: { chat_id: ID, menu_button: { type: 'commands' } },
  },
  {
    name: 'getMenuButton',
    call: (t) => t.getMenuButton(),
    method: 'getChatMenuButton',
    body: { chat_id: ID },
  },
  {
    name: 'repostStory',
    call: (t) => t.repostStory('bc', 3, 86400, { protect_content: true }),
    method: 'repostStory',
    body: {
      business_connection_id: 'bc',
      from_chat_id: ID,
      from_story_id: 3,
      active_period: 86400,
      protect_content: true,
    },
  },
];

const CHAT_ONLY: ReadonlyArray<Case<Chat | ChatFullInfo>> = [
  {
    name: 'getAdministrators',
    call: (c) => c.getAdministrators(),
    method: 'getChatAdministrators',
    body: { chat_id: ID },
  },
  {
    name: 'getMember',
    call: (c) => c.getMember(9),
    method: 'getChatMember',
    body: { chat_id: ID, user_id: 9 },
  },
  {
    name: 'getMemberCount',
    call: (c) => c.getMemberCount(),
    method: 'getChatMemberCount',
    body: { chat_id: ID },
  },
  {
    name: 'banMember',
    call: (c) => c.banMember(9, { revoke_messages: true }),
    method: 'banChatMember',
    body: { chat_id: ID, user_id: 9, revoke_messages: true },
  },
  {
    name: 'unbanMember',
    call: (c) => c.unbanMember(9, { only_if_banned: true }),
    method: 'unbanChatMember',
    body: { chat_id: ID, user_id: 9, only_if_banned: true },
  },
  {
    name: 'banSenderChat',
    call: (c) => c.banSenderChat(-100777),
    method: 'banChatSenderChat',
    body: { chat_id: ID, sender_chat_id: -100777 },
  },
  {
    name: 'unbanSenderChat',
    call: (c) => c.unbanSenderChat(-100777),
    method: 'unbanChatSenderChat',
    body: { chat_id: ID, sender_chat_id: -100777 },
  },
  {
    name: 'banChat',
    call: (c) => c.banChat(-100555),
    method: 'banChatSenderChat',
    body: { chat_id: -100555, sender_chat_id: ID },
  },
  {
    name: 'unbanChat',
    call: (c) => c.unbanChat('@group'),
    method: 'unbanChatSenderChat',
    body: { chat_id: '@group', sender_chat_id: ID },
  },
  {
    name: 'restrictMember',
    call: (c) => c.restrictMember(9, { can_send_messages: false }),
    method: 'restrictChatMember',
    body: { chat_id: ID, user_id: 9, permissions: { can_send_messages: false } },
  },
  {
    name: 'promoteMember',
    call: (c) => c.promoteMember(9, { can_pin_messages: true }),
    method: 'promoteChatMember',
    body: { chat_id: ID, user_id: 9, can_pin_messages: true },
  },
  {
    name: 'setAdministratorCustomTitle',
    call: (c) => c.setAdministratorCustomTitle(9, 'boss'),
    method: 'setChatAdministratorCustomTitle',
    body: { chat_id: ID, user_id: 9, custom_title: 'boss' },
  },
  {
    name: 'setChatMemberTag',
    call: (c) => c.setChatMemberTag(9, { tag: 'vip' }),
    method: 'setChatMemberTag',
    body: { chat_id: ID, user_id: 9, tag: 'vip' },
  },
  {
    name: 'setPermissions',
    call: (c) => c.setPermissions({ can_send_polls: true }, { use_independent_chat_permissions: true }),
    method: 'setChatPermissions',
    body: { chat_id: ID, permissions: { can_send_polls: true }, use_independent_chat_permissions: true },
  },
  {
    name: 'setTitle',
    call: (c) => c.setTitle('New'),
    method: 'setChatTitle',
    body: { chat_id: ID, title: 'New' },
  },
  {
    name: 'setDescription',
    call: (c) => c.setDescription({ description: 'd' }),
    method: 'setChatDescription',
    body: { chat_id: ID, description: 'd' },
  },
  { name: 'setPhoto', call: (c) => c.setPhoto('PHOTO_ID'), method: 'setChatPhoto', body: { chat_id: ID } },
  { name: 'deletePhoto', call: (c) => c.deletePhoto(), method: 'deleteChatPhoto', body: { chat_id: ID } },
  { name: 'leave', call: (c) => c.leave(), method: 'leaveChat', body: { chat_id: ID } },
  {
    name: 'setMessageReaction',
    call: (c) => c.setMessageReaction(5, { reaction: [{ type: 'emoji', emoji: '👍' }], is_big: true }),
    method: 'setMessageReaction',
    body: { chat_id: ID, message_id: 5, reaction: [{ type: 'emoji', emoji: '👍' }], is_big: true },
  },
  {
    name: 'deleteReaction',
    call: (c) => c.deleteReaction(5, { user_id: 9 }),
    method: 'deleteMessageReaction',
    body: { chat_id: ID, message_id: 5, user_id: 9 },
  },
  {
    name: 'deleteAllReactions',
    call: (c) => c.deleteAllReactions({ actor_chat_id: -100777 }),
    method: 'deleteAllMessageReactions',
    body: { chat_id: ID, actor_chat_id: -100777 },
  },
  {
    name: 'getUserChatBoosts',
    call: (c) => c.getUserChatBoosts(9),
    method: 'getUserChatBoosts',
    body: { chat_id: ID, user_id: 9 },
  },
  {
    name: 'getGifts',
    call: (c) => c.getGifts({ limit: 3 }),
    method: 'getChatGifts',
    body: { chat_id: ID, limit: 3 },
  },
  {
    name: 'sendGift',
    call: (c) => c.sendGift('gift', { text: 'hi' }),
    method: 'sendGift',
    body: { chat_id: ID, gift_id: 'gift', text: 'hi' },
  },
  {
    name: 'transferGift',
    call: (c) => c.transferGift('bc', 'og', { star_count: 2 }),
    method: 'transferGift',
    body: { business_connection_id: 'bc', owned_gift_id: 'og', new_owner_chat_id: ID, star_count: 2 },
  },
  {
    name: 'verify',
    call: (c) => c.verify({ custom_description: 'ok' }),
    method: 'verifyChat',
    body: { chat_id: ID, custom_description: 'ok' },
  },
  {
    name: 'removeVerification',
    call: (c) => c.removeVerification(),
    method: 'removeChatVerification',
    body: { chat_id: ID },
  },
  {
    name: 'readBusinessMessage',
    call: (c) => c.readBusinessMessage('bc', 5),
    method: 'readBusinessMessage',
    body: { business_connection_id: 'bc', chat_id: ID, message_id: 5 },
  },
  {
    name: 'exportInviteLink',
    call: (c) => c.exportInviteLink(),
    method: 'exportChatInviteLink',
    body: { chat_id: ID },
  },
  {
    name: 'createInviteLink',
    call: (c) => c.createInviteLink({ member_limit: 3 }),
    method: 'createChatInviteLink',
    body: { chat_id: ID, member_limit: 3 },
  },
  {
    name: 'editInviteLink',
    call: (c) => c.editInviteLink('L', { name: 'n' }),
    method: 'editChatInviteLink',
    body: { chat_id: ID, invite_link: 'L', name: 'n' },
  },
  {
    name: 'revokeInviteLink',
    call: (c) => c.revokeInviteLink('L'),
    method: 'revokeChatInviteLink',
    body: { chat_id: ID, invite_link: 'L' },
  },
  {
    name: 'createSubscriptionInviteLink',
    call: (c) => c.createSubscriptionInviteLink(2592000, 10, { name: 's' }),
    method: 'createChatSubscriptionInviteLink',
    body: { chat_id: ID, subscription_period: 2592000, subscription_price: 10, name: 's' },
  },
  {
    name: 'editSubscriptionInviteLink',
    call: (c) => c.editSubscriptionInviteLink('L', { name: 's' }),
    method: 'editChatSubscriptionInviteLink',
    body: { chat_id: ID, invite_link: 'L', name: 's' },
  },
  {
    name: 'approveJoinRequest',
    call: (c) => c.approveJoinRequest(9),
    method: 'approveChatJoinRequest',
    body: { chat_id: ID, user_id: 9 },
  },
  {
    name: 'declineJoinRequest',
    call: (c) => c.declineJoinRequest(9),
    method: 'declineChatJoinRequest',
    body: { chat_id: ID, user_id: 9 },
  },
  {
    name: 'approveSuggestedPost',
    call: (c) => c.approveSuggestedPost(5, { send_date: 1_800_000_000 }),
    method: 'approveSuggestedPost',
    body: { chat_id: ID, message_id: 5, send_date: 1_800_000_000 },
  },
  {
    name: 'declineSuggestedPost',
    call: (c) => c.declineSuggestedPost(5, { comment: 'no' }),
    method: 'declineSuggestedPost',
    body: { chat_id: ID, message_id: 5, comment: 'no' },
  },
  {
    name: 'createForumTopic',
    call: (c) => c.createForumTopic('T', { icon_color: 7322096 }),
    method: 'createForumTopic',
    body: { chat_id: ID, name: 'T', icon_color: 7322096 },
  },
  {
    name: 'editForumTopic',
    call: (c) => c.editForumTopic(3, { name: 'N' }),
    method: 'editForumTopic',
    body: { chat_id: ID, message_thread_id: 3, name: 'N' },
  },
  {
    name: 'closeForumTopic',
    call: (c) => c.closeForumTopic(3),
    method: 'closeForumTopic',
    body: { chat_id: ID, message_thread_id: 3 },
  },
  {
    name: 'reopenForumTopic',
    call: (c) => c.reopenForumTopic(3),
    method: 'reopenForumTopic',
    body: { chat_id: ID, message_thread_id: 3 },
  },
  {
    name: 'deleteForumTopic',
    call: (c) => c.deleteForumTopic(3),
    method: 'deleteForumTopic',
    body: { chat_id: ID, message_thread_id: 3 },
  },
  {
    name: 'editGeneralForumTopic',
    call: (c) => c.editGeneralForumTopic('G'),
    method: 'editGeneralForumTopic',
    body: { chat_id: ID, name: 'G' },
  },
  {
    name: 'closeGeneralForumTopic',
    call: (c) => c.closeGeneralForumTopic(),
    method: 'closeGeneralForumTopic',
    body: { chat_id: ID },
  },
  {
    name: 'reopenGeneralForumTopic',
    call: (c) => c.reopenGeneralForumTopic(),
    method: 'reopenGeneralForumTopic',
    body: { chat_id: ID },
  },
  {
    name: 'hideGeneralForumTopic',
    call: (c) => c.hideGeneralForumTopic(),
    method: 'hideGeneralForumTopic',
    body: { chat_id: ID },
  },
  {
    name: 'unhideGeneralForumTopic',
    call: (c) => c.unhideGeneralForumTopic(),
    method: 'unhideGeneralForumTopic',
    body: { chat_id: ID },
  },
  {
    name: 'unpinAllForumTopicMessages',
    call: (c) => c.unpinAllForumTopicMessages(3),
    method: 'unpinAllForumTopicMessages',
    body: { chat_id: ID, message_thread_id: 3 },
  },
  {
    name: 'unpinAllGeneralForumTopicMessages',
    call: (c) => c.unpinAllGeneralForumTopicMessages(),
    method: 'unpinAllGeneralForumTopicMessages',
    body: { chat_id: ID },
  },
];

const USER_ONLY: ReadonlyArray<Case<User>> = [
  {
    name: 'getProfilePhotos',
    call: (u) => u.getProfilePhotos({ limit: 2 }),
    method: 'getUserProfilePhotos',
    body: { user_id: ID, limit: 2 },
  },
  {
    name: 'getProfileAudios',
    call: (u) => u.getProfileAudios({ offset: 1 }),
    method: 'getUserProfileAudios',
    body: { user_id: ID, offset: 1 },
  },
  {
    name: 'getChatBoosts',
    call: (u) => u.getChatBoosts(-100777),
    method: 'getUserChatBoosts',
    body: { chat_id: -100777, user_id: ID },
  },
  {
    name: 'getGifts',
    call: (u) => u.getGifts({ limit: 4 }),
    method: 'getUserGifts',
    body: { user_id: ID, limit: 4 },
  },
  {
    name: 'sendGift',
    call: (u) => u.sendGift('gift', { pay_for_upgrade: true }),
    method: 'sendGift',
    body: { user_id: ID, gift_id: 'gift', pay_for_upgrade: true },
  },
  {
    name: 'giftPremiumSubscription',
    call: (u) => u.giftPremiumSubscription(3, 1000, { text: 't' }),
    method: 'giftPremiumSubscription',
    body: { user_id: ID, month_count: 3, star_count: 1000, text: 't' },
  },
  {
    name: 'refundStarPayment',
    call: (u) => u.refundStarPayment('ch'),
    method: 'refundStarPayment',
    body: { user_id: ID, telegram_payment_charge_id: 'ch' },
  },
  {
    name: 'verify',
    call: (u) => u.verify({ custom_description: 'ok' }),
    method: 'verifyUser',
    body: { user_id: ID, custom_description: 'ok' },
  },
  {
    name: 'removeVerification',
    call: (u) => u.removeVerification(),
    method: 'removeUserVerification',
    body: { user_id: ID },
  },
  {
    name: 'approveJoinRequest',
    call: (u) => u.approveJoinRequest(-100777),
    method: 'approveChatJoinRequest',
    body: { chat_id: -100777, user_id: ID },
  },
  {
    name: 'declineJoinRequest',
    call: (u) => u.declineJoinRequest('@g'),
    method: 'declineChatJoinRequest',
    body: { chat_id: '@g', user_id: ID },
  },
  {
    name: 'setChatMemberTag',
    call: (u) => u.setChatMemberTag(-100777, { tag: 't' }),
    method: 'setChatMemberTag',
    body: { chat_id: -100777, user_id: ID, tag: 't' },
  },
  {
    name: 'deleteReaction',
    call: (u) => u.deleteReaction(-100777, 5),
    method: 'deleteMessageReaction',
    body: { chat_id: -100777, message_id: 5, user_id: ID },
  },
  {
    name: 'deleteAllReactions',
    call: (u) => u.deleteAllReactions(-100777),
    method: 'deleteAllMessageReactions',
    body: { chat_id: -100777, user_id: ID },
  },
  {
    name: 'getPersonalChatMessages',
    call: (u) => u.getPersonalChatMessages(10),
    method: 'getUserPersonalChatMessages',
    body: { user_id: ID, limit: 10 },
  },
  {
    name: 'getManagedBotAccessSettings',
    call: (u) => u.getManagedBotAccessSettings(),
    method: 'getManagedBotAccessSettings',
    body: { user_id: ID },
  },
  {
    name: 'setManagedBotAccessSettings',
    call: (u) => u.setManagedBotAccessSettings(true),
    method: 'setManagedBotAccessSettings',
    body: { user_id: ID, is_access_restricted: true },
  },
  {
    name: 'getManagedBotToken',
    call: (u) => u.getManagedBotToken(),
    method: 'getManagedBotToken',
    body: { user_id: ID },
  },
  {
    name: 'replaceToken',
    call: (u) => u.replaceToken(),
    method: 'replaceManagedBotToken',
    body: { user_id: ID },
  },
];

function expected(body: Record<string, unknown>, id: number): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, v === ID ? id : v]));
}

/** Only the keys the case names: the rest (e.g. defaults) is not the shortcut's business. */
function picked(actual: Record<string, unknown>, wanted: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(wanted).map((k) => [k, actual[k]]));
}

async function check<T>(server: FakeApiServer, target: T, id: number, c: Case<T>): Promise<void> {
  await c.call(target);
  const { method, body } = lastCall(server);
  assert.equal(method, c.method, c.name);
  const want = expected(c.body, id);
  assert.deepEqual(picked(body, want), want, c.name);
}

describe('Chat, ChatFullInfo and User shortcuts over loopback HTTP', () => {
  let server: FakeApiServer;
  let bot: Bot;
  let chat: Chat;
  let full: ChatFullInfo;
  let user: User;
  before(async () => {
    ({ server, bot } = await startHarness());
    chat = Chat.fromJSON({ id: CHAT_ID, type: 'supergroup', title: 'G' }, bot);
    full = ChatFullInfo.fromJSON(
      {
        id: CHAT_ID,
        type: 'supergroup',
        title: 'G',
        accent_color_id: 1,
        max_reaction_count: 11,
        accepted_gift_types: {
          unlimited_gifts: true,
          limited_gifts: true,
          unique_gifts: true,
          premium_subscription: true,
          gifts_from_channels: true,
        },
      },
      bot,
    );
    user = User.fromJSON({ id: USER_ID, is_bot: false, first_name: 'Ann' }, bot);
  });
  after(() => server.close());

  for (const c of SHARED) {
    test(`Chat.${c.name} and User.${c.name} fill chat_id`, async () => {
      await check(server, chat, CHAT_ID, c);
      await check(server, user, USER_ID, c);
    });
  }
  for (const c of CHAT_ONLY) {
    test(`Chat.${c.name}`, async () => {
      await check(server, chat, CHAT_ID, c);
    });
  }
  for (const c of USER_ONLY) {
    test(`User.${c.name}`, async () => {
      await check(server, user, USER_ID, c);
    });
  }

  test('ChatFullInfo has the chat shortcuts too', async () => {
    for (const c of [...SHARED, ...CHAT_ONLY]) await check(server, full, CHAT_ID, c);
  });

  test('a filled id wins over one smuggled into the options; the other gift target is dropped', async () => {
    const smuggled = { chat_id: 1, user_id: 2, text: 'x' } as unknown as { text: string };
    await chat.sendGift('gift', smuggled);
    assert.deepEqual(lastCall(server).body, { gift_id: 'gift', chat_id: CHAT_ID, text: 'x' });
    await user.sendGift('gift', smuggled);
    assert.deepEqual(lastCall(server).body, { gift_id: 'gift', user_id: USER_ID, text: 'x' });
  });

  test('call settings pass through (apiKwargs reach the server)', async () => {
    await chat.sendMessage('hi', {}, { apiKwargs: { extra_flag: true } });
    assert.equal(lastCall(server).body.extra_flag, true);
  });

  test('uploads go as multipart with the filled chat_id beside the file', async () => {
    await user.sendPhoto(new Uint8Array([0xff, 0xd8, 0xff]), { caption: 'up' });
    const request = server.requests.at(-1);
    assert.match(String(request?.headers['content-type']), /^multipart\/form-data/);
    const body = request?.body?.toString('latin1') ?? '';
    assert.match(body, new RegExp(`name="chat_id"\\r\\n\\r\\n${USER_ID}\\r\\n`));
    assert.match(body, /name="caption"\r\n\r\nup\r\n/);
    assert.match(body, /name="photo"; filename=/);
  });

  test('results are parsed into the method return type', async () => {
    const sent = await user.sendMessage('hi');
    assert.equal(typeof sent.message_id, 'number');
    assert.equal(await chat.getMemberCount(), 7);
  });

  test('every shortcut in the tables is a function on the prototypes', () => {
    for (const c of SHARED) {
      assert.equal(typeof (Chat.prototype as unknown as Shared)[c.name as keyof Shared], 'function', c.name);
      assert.equal(typeof (User.prototype as unknown as Shared)[c.name as keyof Shared], 'function', c.name);
    }
  });
});

describe('Chat names, links and mentions', () => {
  const privateChat = Chat.fromJSON({ id: 7, type: 'private', first_name: 'Ann', last_name: 'Lee' });
  const publicGroup = Chat.fromJSON({
    id: -100,
    type: 'supergroup',
    title: 'Cats & <Dogs>',
    username: 'pets',
  });
  const privateGroup = Chat.fromJSON({ id: -5, type: 'group', title: 'Family' });

  test('effectiveName, fullName, link', () => {
    assert.equal(privateChat.effectiveName, 'Ann Lee');
    assert.equal(privateChat.fullName, 'Ann Lee');
    assert.equal(privateChat.link, undefined);
    assert.equal(publicGroup.effectiveName, 'Cats & <Dogs>');
    assert.equal(publicGroup.fullName, undefined);
    assert.equal(publicGroup.link, 'https://t.me/pets');
    assert.equal(Chat.fromJSON({ id: 1, type: 'private', first_name: 'Bo' }).fullName, 'Bo');
    assert.equal(Chat.fromJSON({ id: 1, type: 'private' }).effectiveName, undefined);
  });

  test('mentions of a private chat use tg://user links', () => {
    assert.equal(privateChat.mentionHtml(), '<a href="tg://user?id=7">Ann Lee</a>');
    assert.equal(privateChat.mentionHtml('A&B'), '<a href="tg://user?id=7">A&amp;B</a>');
    assert.equal(privateChat.mentionMarkdown('a_b'), '[a_b](tg://user?id=7)');
    assert.equal(privateChat.mentionMarkdownV2('a_b'), '[a\\_b](tg://user?id=7)');
    assert.throws(() => Chat.fromJSON({ id: 1, type: 'private' }).mentionHtml(), TypeError);
  });

  test('mentions of a public chat use its t.me link; private groups cannot be mentioned', () => {
    assert.equal(publicGroup.mentionHtml(), '<a href="https://t.me/pets">Cats &amp; &lt;Dogs&gt;</a>');
    assert.equal(publicGroup.mentionMarkdown(), '[Cats & <Dogs>](https://t.me/pets)');
    assert.equal(publicGroup.mentionMarkdownV2('x.y'), '[x\\.y](https://t.me/pets)');
    assert.throws(() => privateGroup.mentionHtml(), TypeError);
    assert.throws(() => privateGroup.mentionMarkdownV2('x'), TypeError);
    assert.throws(
      () => Chat.fromJSON({ id: -1, type: 'channel', username: 'c' }).mentionMarkdown(),
      TypeError,
    );
  });

  test('ChatFullInfo has the same properties', () => {
    const info = ChatFullInfo.fromJSON({
      id: 7,
      type: 'private',
      first_name: 'Ann',
      username: 'ann',
      accent_color_id: 1,
      max_reaction_count: 11,
      accepted_gift_types: {
        unlimited_gifts: true,
        limited_gifts: true,
        unique_gifts: true,
        premium_subscription: true,
        gifts_from_channels: true,
      },
    });
    assert.equal(info.effectiveName, 'Ann');
    assert.equal(info.link, 'https://t.me/ann');
    assert.equal(info.mentionHtml(), '<a href="tg://user?id=7">Ann</a>');
  });
});

describe('User names, links and mentions', () => {
  const ann = User.fromJSON({
    id: 42,
    is_bot: false,
    first_name: 'Ann',
    last_name: 'Lee',
    username: 'ann_lee',
  });
  const bo = User.fromJSON({ id: 43, is_bot: false, first_name: 'Bo_*' });

  test('fullName, name, link', () => {
    assert.equal(ann.fullName, 'Ann Lee');
    assert.equal(ann.name, '@ann_lee');
    assert.equal(ann.link, 'https://t.me/ann_lee');
    assert.equal(bo.fullName, 'Bo_*');
    assert.equal(bo.name, 'Bo_*');
    assert.equal(bo.link, undefined);
  });

  test('mentions default to the full name', () => {
    assert.equal(ann.mentionHtml(), '<a href="tg://user?id=42">Ann Lee</a>');
    assert.equal(ann.mentionHtml('<b>'), '<a href="tg://user?id=42">&lt;b&gt;</a>');
    assert.equal(bo.mentionMarkdown(), '[Bo_*](tg://user?id=43)');
    assert.equal(bo.mentionMarkdownV2(), '[Bo\\_\\*](tg://user?id=43)');
    assert.equal(ann.mentionMarkdownV2('x'), '[x](tg://user?id=42)');
  });

  test('mentionButton opens the profile', () => {
    const button = ann.mentionButton();
    assert.ok(button instanceof InlineKeyboardButton);
    assert.equal(button.text, 'Ann Lee');
    assert.equal(button.url, 'tg://user?id=42');
    assert.equal(ann.mentionButton('Me').text, 'Me');
  });

  test('derived members stay out of toJSON', () => {
    assert.deepEqual(Object.keys(ann.toJSON()).sort(), [
      'first_name',
      'id',
      'is_bot',
      'last_name',
      'username',
    ]);
  });
});
