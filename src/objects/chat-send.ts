/**
 * Shortcuts that Chat, ChatFullInfo and User share: sending into the chat (a user's private chat
 * has the user's id), copying and forwarding, pins, deletions and the menu button. Each is its
 * `Bot` method with the chat's id filled in; the rest of the method's parameters keep their places.
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
} from './id-shortcut.js';

/** Shortcuts on a chat or user for {@link chatSendMembers}; `chat_id` is the object's id. */
export interface ChatSendShortcuts {
  /** Sends a text message here ([sendMessage](https://core.telegram.org/bots/api#sendmessage)). */
  sendMessage(...args: SkipFirst<'sendMessage'>): Resolves<'sendMessage'>;
  /** Sends a photo here ([sendPhoto](https://core.telegram.org/bots/api#sendphoto)). */
  sendPhoto(...args: SkipFirst<'sendPhoto'>): Resolves<'sendPhoto'>;
  /** Sends an audio file here ([sendAudio](https://core.telegram.org/bots/api#sendaudio)). */
  sendAudio(...args: SkipFirst<'sendAudio'>): Resolves<'sendAudio'>;
  /** Sends a document here ([sendDocument](https://core.telegram.org/bots/api#senddocument)). */
  sendDocument(...args: SkipFirst<'sendDocument'>): Resolves<'sendDocument'>;
  /** Sends an animation here ([sendAnimation](https://core.telegram.org/bots/api#sendanimation)). */
  sendAnimation(...args: SkipFirst<'sendAnimation'>): Resolves<'sendAnimation'>;
  /** Sends a sticker here ([sendSticker](https://core.telegram.org/bots/api#sendsticker)). */
  sendSticker(...args: SkipFirst<'sendSticker'>): Resolves<'sendSticker'>;
  /** Sends a video here ([sendVideo](https://core.telegram.org/bots/api#sendvideo)). */
  sendVideo(...args: SkipFirst<'sendVideo'>): Resolves<'sendVideo'>;
  /** Sends a round video note here ([sendVideoNote](https://core.telegram.org/bots/api#sendvideonote)). */
  sendVideoNote(...args: SkipFirst<'sendVideoNote'>): Resolves<'sendVideoNote'>;
  /** Sends a voice message here ([sendVoice](https://core.telegram.org/bots/api#sendvoice)). */
  sendVoice(...args: SkipFirst<'sendVoice'>): Resolves<'sendVoice'>;
  /** Sends a live photo here ([sendLivePhoto](https://core.telegram.org/bots/api#sendlivephoto)). */
  sendLivePhoto(...args: SkipFirst<'sendLivePhoto'>): Resolves<'sendLivePhoto'>;
  /** Sends an album here ([sendMediaGroup](https://core.telegram.org/bots/api#sendmediagroup)). */
  sendMediaGroup(...args: SkipFirst<'sendMediaGroup'>): Resolves<'sendMediaGroup'>;
  /** Sends paid media here ([sendPaidMedia](https://core.telegram.org/bots/api#sendpaidmedia)). */
  sendPaidMedia(...args: SkipFirst<'sendPaidMedia'>): Resolves<'sendPaidMedia'>;
  /** Sends a point on the map here ([sendLocation](https://core.telegram.org/bots/api#sendlocation)). */
  sendLocation(...args: SkipFirst<'sendLocation'>): Resolves<'sendLocation'>;
  /** Sends a venue here ([sendVenue](https://core.telegram.org/bots/api#sendvenue)). */
  sendVenue(...args: SkipFirst<'sendVenue'>): Resolves<'sendVenue'>;
  /** Sends a phone contact here ([sendContact](https://core.telegram.org/bots/api#sendcontact)). */
  sendContact(...args: SkipFirst<'sendContact'>): Resolves<'sendContact'>;
  /** Sends a poll here ([sendPoll](https://core.telegram.org/bots/api#sendpoll)). */
  sendPoll(...args: SkipFirst<'sendPoll'>): Resolves<'sendPoll'>;
  /** Sends an animated emoji with a random value here ([sendDice](https://core.telegram.org/bots/api#senddice)). */
  sendDice(...args: SkipFirst<'sendDice'>): Resolves<'sendDice'>;
  /** Sends a game here ([sendGame](https://core.telegram.org/bots/api#sendgame)). */
  sendGame(...args: SkipFirst<'sendGame'>): Resolves<'sendGame'>;
  /** Sends an invoice here ([sendInvoice](https://core.telegram.org/bots/api#sendinvoice)). */
  sendInvoice(...args: SkipFirst<'sendInvoice'>): Resolves<'sendInvoice'>;
  /** Shows a status such as "typing..." here ([sendChatAction](https://core.telegram.org/bots/api#sendchataction)). */
  sendChatAction(...args: SkipFirst<'sendChatAction'>): Resolves<'sendChatAction'>;
  /** Streams a partial message here ([sendMessageDraft](https://core.telegram.org/bots/api#sendmessagedraft)). */
  sendMessageDraft(...args: SkipFirst<'sendMessageDraft'>): Resolves<'sendMessageDraft'>;
  /** Sends a rich message here ([sendRichMessage](https://core.telegram.org/bots/api#sendrichmessage)). */
  sendRichMessage(...args: SkipFirst<'sendRichMessage'>): Resolves<'sendRichMessage'>;
  /** Streams a partial rich message here ([sendRichMessageDraft](https://core.telegram.org/bots/api#sendrichmessagedraft)). */
  sendRichMessageDraft(...args: SkipFirst<'sendRichMessageDraft'>): Resolves<'sendRichMessageDraft'>;
  /** Sends a checklist here on behalf of a business account ([sendChecklist](https://core.telegram.org/bots/api#sendchecklist)). */
  sendChecklist(...args: SkipSecond<'sendChecklist'>): Resolves<'sendChecklist'>;
  /** Copies a message of another chat into this one: `copyMessage` with `chat_id` filled. */
  sendCopy(...args: SkipFirst<'copyMessage'>): Resolves<'copyMessage'>;
  /** Copies a message of this chat into another one: `copyMessage` with `from_chat_id` filled. */
  copyMessage(...args: SkipSecond<'copyMessage'>): Resolves<'copyMessage'>;
  /** Copies messages of another chat into this one: `copyMessages` with `chat_id` filled. */
  sendCopies(...args: SkipFirst<'copyMessages'>): Resolves<'copyMessages'>;
  /** Copies messages of this chat into another one: `copyMessages` with `from_chat_id` filled. */
  copyMessages(...args: SkipSecond<'copyMessages'>): Resolves<'copyMessages'>;
  /** Forwards a message of another chat into this one: `forwardMessage` with `chat_id` filled. */
  forwardFrom(...args: SkipFirst<'forwardMessage'>): Resolves<'forwardMessage'>;
  /** Forwards a message of this chat to another one: `forwardMessage` with `from_chat_id` filled. */
  forwardTo(...args: SkipSecond<'forwardMessage'>): Resolves<'forwardMessage'>;
  /** Forwards messages of another chat into this one: `forwardMessages` with `chat_id` filled. */
  forwardMessagesFrom(...args: SkipFirst<'forwardMessages'>): Resolves<'forwardMessages'>;
  /** Forwards messages of this chat to another one: `forwardMessages` with `from_chat_id` filled. */
  forwardMessagesTo(...args: SkipSecond<'forwardMessages'>): Resolves<'forwardMessages'>;
  /** Pins a message here ([pinChatMessage](https://core.telegram.org/bots/api#pinchatmessage)). */
  pinMessage(...args: SkipFirst<'pinChatMessage'>): Resolves<'pinChatMessage'>;
  /** Unpins one message here, by default the latest ([unpinChatMessage](https://core.telegram.org/bots/api#unpinchatmessage)). */
  unpinMessage(...args: SkipFirst<'unpinChatMessage'>): Resolves<'unpinChatMessage'>;
  /** Unpins every message here ([unpinAllChatMessages](https://core.telegram.org/bots/api#unpinallchatmessages)). */
  unpinAllMessages(...args: SkipFirst<'unpinAllChatMessages'>): Resolves<'unpinAllChatMessages'>;
  /** Deletes a message here ([deleteMessage](https://core.telegram.org/bots/api#deletemessage)). */
  deleteMessage(...args: SkipFirst<'deleteMessage'>): Resolves<'deleteMessage'>;
  /** Deletes several messages here ([deleteMessages](https://core.telegram.org/bots/api#deletemessages)). */
  deleteMessages(...args: SkipFirst<'deleteMessages'>): Resolves<'deleteMessages'>;
  /** Sets the bot's menu button in this private chat ([setChatMenuButton](https://core.telegram.org/bots/api#setchatmenubutton)). */
  setMenuButton(
    options?: Omit<OptionsAt<'setChatMenuButton', 0>, 'chat_id'>,
    settings?: CallSettings,
  ): Resolves<'setChatMenuButton'>;
  /** The bot's menu button in this private chat ([getChatMenuButton](https://core.telegram.org/bots/api#getchatmenubutton)). */
  getMenuButton(
    options?: Omit<OptionsAt<'getChatMenuButton', 0>, 'chat_id'>,
    settings?: CallSettings,
  ): Resolves<'getChatMenuButton'>;
  /** Reposts one of this chat's stories to a business account: `repostStory` with `from_chat_id` filled. */
  repostStory(...args: SkipSecond<'repostStory'>): Resolves<'repostStory'>;
}

/** The implementations of {@link ChatSendShortcuts}, for `defineBehaviour`. */
export const chatSendMembers: Readonly<Record<string, ShortcutImpl>> = {
  sendMessage: idAt('sendMessage', 0),
  sendPhoto: idAt('sendPhoto', 0),
  sendAudio: idAt('sendAudio', 0),
  sendDocument: idAt('sendDocument', 0),
  sendAnimation: idAt('sendAnimation', 0),
  sendSticker: idAt('sendSticker', 0),
  sendVideo: idAt('sendVideo', 0),
  sendVideoNote: idAt('sendVideoNote', 0),
  sendVoice: idAt('sendVoice', 0),
  sendLivePhoto: idAt('sendLivePhoto', 0),
  sendMediaGroup: idAt('sendMediaGroup', 0),
  sendPaidMedia: idAt('sendPaidMedia', 0),
  sendLocation: idAt('sendLocation', 0),
  sendVenue: idAt('sendVenue', 0),
  sendContact: idAt('sendContact', 0),
  sendPoll: idAt('sendPoll', 0),
  sendDice: idAt('sendDice', 0),
  sendGame: idAt('sendGame', 0),
  sendInvoice: idAt('sendInvoice', 0),
  sendChatAction: idAt('sendChatAction', 0),
  sendMessageDraft: idAt('sendMessageDraft', 0),
  sendRichMessage: idAt('sendRichMessage', 0),
  sendRichMessageDraft: idAt('sendRichMessageDraft', 0),
  sendChecklist: idAt('sendChecklist', 1),
  sendCopy: idAt('copyMessage', 0),
  copyMessage: idAt('copyMessage', 1),
  sendCopies: idAt('copyMessages', 0),
  copyMessages: idAt('copyMessages', 1),
  forwardFrom: idAt('forwardMessage', 0),
  forwardTo: idAt('forwardMessage', 1),
  forwardMessagesFrom: idAt('forwardMessages', 0),
  forwardMessagesTo: idAt('forwardMessages', 1),
  pinMessage: idAt('pinChatMessage', 0),
  unpinMessage: idAt('unpinChatMessage', 0),
  unpinAllMessages: idAt('unpinAllChatMessages', 0),
  deleteMessage: idAt('deleteMessage', 0),
  deleteMessages: idAt('deleteMessages', 0),
  setMenuButton: idIn('setChatMenuButton', 0, 'chat_id'),
  getMenuButton: idIn('getChatMenuButton', 0, 'chat_id'),
  repostStory: idAt('repostStory', 1),
};
