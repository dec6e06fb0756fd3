/**
 * Shortcuts that Chat, ChatFullInfo and User share: sending into the chat (a user's private chat
 * has the user's id), copying and forwarding, pins, deletions and the menu button. Each is its
 * `Bot` method with the chat's id filled in; the rest of the method's parameters keep their places.
 * The table below is both the implementation and, through its type, the declaration.
 */
import { idAt, idIn } from './id-shortcut.js';

/** The shortcuts of {@link ChatSendShortcuts}, installed with `defineBehaviour`; `chat_id` is the object's id. */
export const chatSendMembers = {
  /** Sends a text message here ([sendMessage](https://core.telegram.org/bots/api#sendmessage)). */
  sendMessage: idAt('sendMessage', 0),
  /** Sends a photo here ([sendPhoto](https://core.telegram.org/bots/api#sendphoto)). */
  sendPhoto: idAt('sendPhoto', 0),
  /** Sends an audio file here ([sendAudio](https://core.telegram.org/bots/api#sendaudio)). */
  sendAudio: idAt('sendAudio', 0),
  /** Sends a document here ([sendDocument](https://core.telegram.org/bots/api#senddocument)). */
  sendDocument: idAt('sendDocument', 0),
  /** Sends an animation here ([sendAnimation](https://core.telegram.org/bots/api#sendanimation)). */
  sendAnimation: idAt('sendAnimation', 0),
  /** Sends a sticker here ([sendSticker](https://core.telegram.org/bots/api#sendsticker)). */
  sendSticker: idAt('sendSticker', 0),
  /** Sends a video here ([sendVideo](https://core.telegram.org/bots/api#sendvideo)). */
  sendVideo: idAt('sendVideo', 0),
  /** Sends a round video note here ([sendVideoNote](https://core.telegram.org/bots/api#sendvideonote)). */
  sendVideoNote: idAt('sendVideoNote', 0),
  /** Sends a voice message here ([sendVoice](https://core.telegram.org/bots/api#sendvoice)). */
  sendVoice: idAt('sendVoice', 0),
  /** Sends a live photo here ([sendLivePhoto](https://core.telegram.org/bots/api#sendlivephoto)). */
  sendLivePhoto: idAt('sendLivePhoto', 0),
  /** Sends an album here ([sendMediaGroup](https://core.telegram.org/bots/api#sendmediagroup)). */
  sendMediaGroup: idAt('sendMediaGroup', 0),
  /** Sends paid media here ([sendPaidMedia](https://core.telegram.org/bots/api#sendpaidmedia)). */
  sendPaidMedia: idAt('sendPaidMedia', 0),
  /** Sends a point on the map here ([sendLocation](https://core.telegram.org/bots/api#sendlocation)). */
  sendLocation: idAt('sendLocation', 0),
  /** Sends a venue here ([sendVenue](https://core.telegram.org/bots/api#sendvenue)). */
  sendVenue: idAt('sendVenue', 0),
  /** Sends a phone contact here ([sendContact](https://core.telegram.org/bots/api#sendcontact)). */
  sendContact: idAt('sendContact', 0),
  /** Sends a poll here ([sendPoll](https://core.telegram.org/bots/api#sendpoll)). */
  sendPoll: idAt('sendPoll', 0),
  /** Sends an animated emoji with a random value here ([sendDice](https://core.telegram.org/bots/api#senddice)). */
  sendDice: idAt('sendDice', 0),
  /** Sends a game here ([sendGame](https://core.telegram.org/bots/api#sendgame)). */
  sendGame: idAt('sendGame', 0),
  /** Sends an invoice here ([sendInvoice](https://core.telegram.org/bots/api#sendinvoice)). */
  sendInvoice: idAt('sendInvoice', 0),
  /** Shows a status such as "typing..." here ([sendChatAction](https://core.telegram.org/bots/api#sendchataction)). */
  sendChatAction: idAt('sendChatAction', 0),
  /** Streams a partial message here ([sendMessageDraft](https://core.telegram.org/bots/api#sendmessagedraft)). */
  sendMessageDraft: idAt('sendMessageDraft', 0),
  /** Sends a rich message here ([sendRichMessage](https://core.telegram.org/bots/api#sendrichmessage)). */
  sendRichMessage: idAt('sendRichMessage', 0),
  /** Streams a partial rich message here ([sendRichMessageDraft](https://core.telegram.org/bots/api#sendrichmessagedraft)). */
  sendRichMessageDraft: idAt('sendRichMessageDraft', 0),
  /** Sends a checklist here on behalf of a business account ([sendChecklist](https://core.telegram.org/bots/api#sendchecklist)). */
  sendChecklist: idAt('sendChecklist', 1),
  /** Copies a message of another chat into this one: `copyMessage` with `chat_id` filled. */
  sendCopy: idAt('copyMessage', 0),
  /** Copies a message of this chat into another one: `copyMessage` with `from_chat_id` filled. */
  copyMessage: idAt('copyMessage', 1),
  /** Copies messages of another chat into this one: `copyMessages` with `chat_id` filled. */
  sendCopies: idAt('copyMessages', 0),
  /** Copies messages of this chat into another one: `copyMessages` with `from_chat_id` filled. */
  copyMessages: idAt('copyMessages', 1),
  /** Forwards a message of another chat into this one: `forwardMessage` with `chat_id` filled. */
  forwardFrom: idAt('forwardMessage', 0),
  /** Forwards a message of this chat to another one: `forwardMessage` with `from_chat_id` filled. */
  forwardTo: idAt('forwardMessage', 1),
  /** Forwards messages of another chat into this one: `forwardMessages` with `chat_id` filled. */
  forwardMessagesFrom: idAt('forwardMessages', 0),
  /** Forwards messages of this chat to another one: `forwardMessages` with `from_chat_id` filled. */
  forwardMessagesTo: idAt('forwardMessages', 1),
  /** Pins a message here ([pinChatMessage](https://core.telegram.org/bots/api#pinchatmessage)). */
  pinMessage: idAt('pinChatMessage', 0),
  /** Unpins one message here, by default the latest ([unpinChatMessage](https://core.telegram.org/bots/api#unpinchatmessage)). */
  unpinMessage: idAt('unpinChatMessage', 0),
  /** Unpins every message here ([unpinAllChatMessages](https://core.telegram.org/bots/api#unpinallchatmessages)). */
  unpinAllMessages: idAt('unpinAllChatMessages', 0),
  /** Deletes a message here ([deleteMessage](https://core.telegram.org/bots/api#deletemessage)). */
  deleteMessage: idAt('deleteMessage', 0),
  /** Deletes several messages here ([deleteMessages](https://core.telegram.org/bots/api#deletemessages)). */
  deleteMessages: idAt('deleteMessages', 0),
  /** Sets the bot's menu button in this private chat ([setChatMenuButton](https://core.telegram.org/bots/api#setchatmenubutton)). */
  setMenuButton: idIn('setChatMenuButton', 0, 'chat_id'),
  /** The bot's menu button in this private chat ([getChatMenuButton](https://core.telegram.org/bots/api#getchatmenubutton)). */
  getMenuButton: idIn('getChatMenuButton', 0, 'chat_id'),
  /** Reposts one of this chat's stories to a business account: `repostStory` with `from_chat_id` filled. */
  repostStory: idAt('repostStory', 1),
};

/** Shortcuts on a chat or user that send into its chat; `chat_id` is the object's id. */
export type ChatSendShortcuts = typeof chatSendMembers;
