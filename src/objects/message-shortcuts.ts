/**
 * Message shortcuts (PTB's `Message.reply_*`, `forward`, `copy`, `edit_*`, `delete`, `pin`, forum
 * topic actions...). Each is one generated Bot method with this message's identifiers filled in;
 * every other parameter of that method is available in the options object, typed the same.
 *
 * Replies go to this message's chat, quote it as {@link QuoteOptions.doQuote} says, and carry over
 * its forum topic (when it is a topic message and the reply stays in the chat), its business
 * connection and its direct-messages topic. `message_thread_id` and `reply_parameters` given by
 * the caller win over the carried-over values.
 */
import type { Bot } from '../bot.js';
import type { ChatAction } from '../constants/enums.js';
import { InvalidArgumentError } from '../errors.js';
import type {
  ApproveSuggestedPostOptions,
  CopyMessageOptions,
  DeclineSuggestedPostOptions,
  DeleteMessageReactionOptions,
  EditForumTopicOptions,
  EditMessageCaptionOptions,
  EditMessageChecklistOptions,
  EditMessageLiveLocationOptions,
  EditMessageMediaOptions,
  EditMessageReplyMarkupOptions,
  EditMessageTextOptions,
  ForwardMessageOptions,
  PinChatMessageOptions,
  SendAnimationOptions,
  SendAudioOptions,
  SendChatActionOptions,
  SendChecklistOptions,
  SendContactOptions,
  SendDiceOptions,
  SendDocumentOptions,
  SendGameOptions,
  SendInvoiceOptions,
  SendLivePhotoOptions,
  SendLocationOptions,
  SendMediaGroupOptions,
  SendMessageDraftOptions,
  SendMessageOptions,
  SendPaidMediaOptions,
  SendPhotoOptions,
  SendPollOptions,
  SendStickerOptions,
  SendVenueOptions,
  SendVideoNoteOptions,
  SendVideoOptions,
  SendVoiceOptions,
  SetGameScoreOptions,
  SetMessageReactionOptions,
  StopMessageLiveLocationOptions,
  StopPollOptions,
} from '../generated/params.js';
import {
  type GameHighScore,
  type InlineQueryResultInit,
  type InputChecklistInit,
  type InputMediaInit,
  type InputPaidMediaInit,
  type InputPollOptionInit,
  type LabeledPriceInit,
  Message,
  type MessageId,
  type Poll,
  type ReactionTypeEmojiInit,
  type ReactionTypeInit,
  type SentGuestMessage,
} from '../generated/types.js';
import type { InputFileLike } from '../request/input-file.js';
import type { CallSettings } from '../request/types.js';
import { defineBehaviour } from './behaviour.js';
import { isSameChat, planReply, type QuoteOptions } from './message-quote.js';

/** Parameters a reply shortcut always takes from the message. */
export type ReplyFilled = 'business_connection_id' | 'direct_messages_topic_id';

/** The options of a reply shortcut: its Bot method's options minus {@link ReplyFilled}, plus {@link QuoteOptions}. */
export type ReplyOptions<O> = Omit<O, ReplyFilled> & QuoteOptions;

/** Parameters an edit shortcut takes from the message. */
export type EditFilled = 'chat_id' | 'message_id' | 'inline_message_id' | 'business_connection_id';

/** The options of an edit shortcut: its Bot method's options minus {@link EditFilled}. */
export type EditOptions<O> = Omit<O, EditFilled>;

/** An emoji a reaction may carry (see `constants.ReactionEmoji`). */
type ReactionEmojiValue = ReactionTypeEmojiInit['emoji'];

/** A reaction as `setReaction` takes it: an emoji, a reaction type, or a list of them. */
export type ReactionLike =
  | ReactionEmojiValue
  | ReactionTypeInit
  | readonly (ReactionEmojiValue | ReactionTypeInit)[];

declare module '../generated/types.js' {
  interface Message {
    /**
     * Sends a text message to this message's chat (`bot.sendMessage`), as a reply where
     * `doQuote` (or the default) says so.
     *
     * @example await update.message!.replyText('Hello!', { doQuote: true });
     */
    replyText(
      text: string,
      options?: ReplyOptions<SendMessageOptions>,
      settings?: CallSettings,
    ): Promise<Message>;
    /**
     * {@link replyText} with `parse_mode: 'HTML'`.
     *
     * @example await message.replyHtml('<b>bold</b> move');
     */
    replyHtml(
      text: string,
      options?: ReplyOptions<Omit<SendMessageOptions, 'parse_mode'>>,
      settings?: CallSettings,
    ): Promise<Message>;
    /** {@link replyText} with the legacy `parse_mode: 'Markdown'`. */
    replyMarkdown(
      text: string,
      options?: ReplyOptions<Omit<SendMessageOptions, 'parse_mode'>>,
      settings?: CallSettings,
    ): Promise<Message>;
    /** {@link replyText} with `parse_mode: 'MarkdownV2'`. */
    replyMarkdownV2(
      text: string,
      options?: ReplyOptions<Omit<SendMessageOptions, 'parse_mode'>>,
      settings?: CallSettings,
    ): Promise<Message>;
    /** Sends a photo to this chat (`bot.sendPhoto`). */
    replyPhoto(
      photo: InputFileLike,
      options?: ReplyOptions<SendPhotoOptions>,
      settings?: CallSettings,
    ): Promise<Message>;
    /** Sends an audio file to this chat (`bot.sendAudio`). */
    replyAudio(
      audio: InputFileLike,
      options?: ReplyOptions<SendAudioOptions>,
      settings?: CallSettings,
    ): Promise<Message>;
    /** Sends a document to this chat (`bot.sendDocument`). */
    replyDocument(
      document: InputFileLike,
      options?: ReplyOptions<SendDocumentOptions>,
      settings?: CallSettings,
    ): Promise<Message>;
    /** Sends an animation to this chat (`bot.sendAnimation`). */
    replyAnimation(
      animation: InputFileLike,
      options?: ReplyOptions<SendAnimationOptions>,
      settings?: CallSettings,
    ): Promise<Message>;
    /** Sends a sticker to this chat (`bot.sendSticker`). */
    replySticker(
      sticker: InputFileLike,
      options?: ReplyOptions<SendStickerOptions>,
      settings?: CallSettings,
    ): Promise<Message>;
    /** Sends a video to this chat (`bot.sendVideo`). */
    replyVideo(
      video: InputFileLike,
      options?: ReplyOptions<SendVideoOptions>,
      settings?: CallSettings,
    ): Promise<Message>;
    /** Sends a round video note to this chat (`bot.sendVideoNote`). */
    replyVideoNote(
      videoNote: InputFileLike,
      options?: ReplyOptions<SendVideoNoteOptions>,
      settings?: CallSettings,
    ): Promise<Message>;
    /** Sends a voice note to this chat (`bot.sendVoice`). */
    replyVoice(
      voice: InputFileLike,
      options?: ReplyOptions<SendVoiceOptions>,
      settings?: CallSettings,
    ): Promise<Message>;
    /** Sends a live photo (its video and its still photo) to this chat (`bot.sendLivePhoto`). */
    replyLivePhoto(
      livePhoto: InputFileLike,
      photo: InputFileLike,
      options?: ReplyOptions<SendLivePhotoOptions>,
      settings?: CallSettings,
    ): Promise<Message>;
    /**
     * Sends an album to this chat (`bot.sendMediaGroup`).
     *
     * @example await message.replyMediaGroup([{ type: 'photo', media: a }, { type: 'photo', media: b }]);
     */
    replyMediaGroup(
      media: Parameters<Bot['sendMediaGroup']>[1],
      options?: ReplyOptions<SendMediaGroupOptions>,
      settings?: CallSettings,
    ): Promise<readonly Message[]>;
    /** Sends media that cost `starCount` Telegram Stars to see (`bot.sendPaidMedia`). */
    replyPaidMedia(
      starCount: number,
      media: readonly InputPaidMediaInit[],
      options?: ReplyOptions<SendPaidMediaOptions>,
      settings?: CallSettings,
    ): Promise<Message>;
    /** Sends a point on the map to this chat (`bot.sendLocation`). */
    replyLocation(
      latitude: number,
      longitude: number,
      options?: ReplyOptions<SendLocationOptions>,
      settings?: CallSettings,
    ): Promise<Message>;
    /** Sends a venue to this chat (`bot.sendVenue`). */
    replyVenue(
      latitude: number,
      longitude: number,
      title: string,
      address: string,
      options?: ReplyOptions<SendVenueOptions>,
      settings?: CallSettings,
    ): Promise<Message>;
    /** Sends a phone contact to this chat (`bot.sendContact`). */
    replyContact(
      phoneNumber: string,
      firstName: string,
      options?: ReplyOptions<SendContactOptions>,
      settings?: CallSettings,
    ): Promise<Message>;
    /**
     * Sends a poll to this chat (`bot.sendPoll`); `other` holds sendPoll's optional parameters.
     *
     * @example await message.replyPoll('Lunch?', [{ text: 'Pizza' }, { text: 'Salad' }], { is_anonymous: false });
     */
    replyPoll(
      question: string,
      options: readonly InputPollOptionInit[],
      other?: ReplyOptions<SendPollOptions>,
      settings?: CallSettings,
    ): Promise<Message>;
    /** Sends an animated emoji with a random value to this chat (`bot.sendDice`). */
    replyDice(options?: ReplyOptions<SendDiceOptions>, settings?: CallSettings): Promise<Message>;
    /**
     * Sends a checklist on behalf of this message's business connection (`bot.sendChecklist`);
     * fails for a message that did not come through a business connection.
     */
    replyChecklist(
      checklist: InputChecklistInit,
      options?: ReplyOptions<SendChecklistOptions>,
      settings?: CallSettings,
    ): Promise<Message>;
    /** Sends a game to this chat (`bot.sendGame`). */
    replyGame(
      gameShortName: string,
      options?: ReplyOptions<SendGameOptions>,
      settings?: CallSettings,
    ): Promise<Message>;
    /** Sends an invoice to this chat (`bot.sendInvoice`). */
    replyInvoice(
      title: string,
      description: string,
      payload: string,
      currency: string,
      prices: readonly LabeledPriceInit[],
      options?: ReplyOptions<SendInvoiceOptions>,
      settings?: CallSettings,
    ): Promise<Message>;
    /**
     * Shows a chat action ("typing...", "sending photo...") in this chat and topic (`bot.sendChatAction`).
     *
     * @example await message.replyChatAction('typing');
     */
    replyChatAction(
      action: ChatAction,
      options?: Omit<SendChatActionOptions, ReplyFilled>,
      settings?: CallSettings,
    ): Promise<true>;
    /** Copies message `messageId` of chat `fromChatId` into this chat, as a reply (`bot.copyMessage`). */
    replyCopy(
      fromChatId: number | string,
      messageId: number,
      options?: ReplyOptions<CopyMessageOptions>,
      settings?: CallSettings,
    ): Promise<MessageId>;
    /** Streams a partial text message (a draft) into this chat and topic (`bot.sendMessageDraft`). */
    replyTextDraft(
      draftId: number,
      options?: SendMessageDraftOptions,
      settings?: CallSettings,
    ): Promise<true>;

    /**
     * Forwards this message to `chatId` (`bot.forwardMessage`).
     *
     * @example await message.forward(adminChatId);
     */
    forward(
      chatId: number | string,
      options?: ForwardMessageOptions,
      settings?: CallSettings,
    ): Promise<Message>;
    /** Copies this message to `chatId` without a link to the original (`bot.copyMessage`). */
    copy(chatId: number | string, options?: CopyMessageOptions, settings?: CallSettings): Promise<MessageId>;
    /**
     * Edits this message's text (`bot.editMessageText`). Resolves to the edited message.
     *
     * @example await sent.editText('Done ✅');
     */
    editText(
      text: string,
      options?: EditOptions<EditMessageTextOptions>,
      settings?: CallSettings,
    ): Promise<Message | true>;
    /** Edits (or, without `caption`, removes) this message's caption (`bot.editMessageCaption`). */
    editCaption(
      options?: EditOptions<EditMessageCaptionOptions>,
      settings?: CallSettings,
    ): Promise<Message | true>;
    /** Replaces this message's media (`bot.editMessageMedia`). */
    editMedia(
      media: InputMediaInit,
      options?: EditOptions<EditMessageMediaOptions>,
      settings?: CallSettings,
    ): Promise<Message | true>;
    /** Replaces (or, without `reply_markup`, removes) this message's inline keyboard (`bot.editMessageReplyMarkup`). */
    editReplyMarkup(
      options?: EditOptions<EditMessageReplyMarkupOptions>,
      settings?: CallSettings,
    ): Promise<Message | true>;
    /** Moves this live location (`bot.editMessageLiveLocation`). */
    editLiveLocation(
      latitude: number,
      longitude: number,
      options?: EditOptions<EditMessageLiveLocationOptions>,
      settings?: CallSettings,
    ): Promise<Message | true>;
    /** Stops updating this live location (`bot.stopMessageLiveLocation`). */
    stopLiveLocation(
      options?: EditOptions<StopMessageLiveLocationOptions>,
      settings?: CallSettings,
    ): Promise<Message | true>;
    /** Replaces this checklist, sent through this message's business connection (`bot.editMessageChecklist`). */
    editChecklist(
      checklist: InputChecklistInit,
      options?: EditMessageChecklistOptions,
      settings?: CallSettings,
    ): Promise<Message>;
    /**
     * Deletes this message (`bot.deleteMessage`, or `bot.deleteBusinessMessages` for a business message).
     *
     * @example await message.delete();
     */
    delete(settings?: CallSettings): Promise<true>;
    /** Pins this message in its chat (`bot.pinChatMessage`). */
    pin(
      options?: Omit<PinChatMessageOptions, 'business_connection_id'>,
      settings?: CallSettings,
    ): Promise<true>;
    /** Unpins this message (`bot.unpinChatMessage`). */
    unpin(settings?: CallSettings): Promise<true>;
    /**
     * Sets the bot's reaction to this message (`bot.setMessageReaction`); a string is an emoji,
     * nothing removes the reaction.
     *
     * @example await message.setReaction('👍');
     */
    setReaction(
      reaction?: ReactionLike,
      options?: Omit<SetMessageReactionOptions, 'reaction'>,
      settings?: CallSettings,
    ): Promise<true>;
    /** Removes reactions of a user or chat from this message (`bot.deleteMessageReaction`). */
    deleteReaction(options?: DeleteMessageReactionOptions, settings?: CallSettings): Promise<true>;
    /** Sets a user's score in the game of this message (`bot.setGameScore`). */
    setGameScore(
      userId: number,
      score: number,
      options?: EditOptions<SetGameScoreOptions>,
      settings?: CallSettings,
    ): Promise<Message | true>;
    /** The high scores of the game of this message around `userId` (`bot.getGameHighScores`). */
    getGameHighScores(userId: number, settings?: CallSettings): Promise<readonly GameHighScore[]>;
    /** Stops the poll of this message (`bot.stopPoll`). */
    stopPoll(
      options?: Omit<StopPollOptions, 'business_connection_id'>,
      settings?: CallSettings,
    ): Promise<Poll>;
    /** Marks this business message as read (`bot.readBusinessMessage`). */
    readBusinessMessage(settings?: CallSettings): Promise<true>;
    /** Approves this suggested post of a channel's direct messages (`bot.approveSuggestedPost`). */
    approveSuggestedPost(options?: ApproveSuggestedPostOptions, settings?: CallSettings): Promise<true>;
    /** Declines this suggested post (`bot.declineSuggestedPost`). */
    declineSuggestedPost(options?: DeclineSuggestedPostOptions, settings?: CallSettings): Promise<true>;
    /** Answers the guest query this message carries (`bot.answerGuestQuery(guest_query_id, result)`). */
    answerGuestQuery(result: InlineQueryResultInit, settings?: CallSettings): Promise<SentGuestMessage>;

    /** Renames the forum topic of this message or changes its icon (`bot.editForumTopic`). */
    editForumTopic(options?: EditForumTopicOptions, settings?: CallSettings): Promise<true>;
    /** Closes the forum topic of this message (`bot.closeForumTopic`). */
    closeForumTopic(settings?: CallSettings): Promise<true>;
    /** Reopens the forum topic of this message (`bot.reopenForumTopic`). */
    reopenForumTopic(settings?: CallSettings): Promise<true>;
    /** Deletes the forum topic of this message with all its messages (`bot.deleteForumTopic`). */
    deleteForumTopic(settings?: CallSettings): Promise<true>;
    /** Unpins every message of the forum topic of this message (`bot.unpinAllForumTopicMessages`). */
    unpinAllForumTopicMessages(settings?: CallSettings): Promise<true>;
  }
}

function needBusiness(message: Message, what: string): string {
  if (message.business_connection_id === undefined) {
    throw new InvalidArgumentError(`${what} needs a message received through a business connection`, {
      parameter: 'business_connection_id',
    });
  }
  return message.business_connection_id;
}

function needThread(message: Message, what: string): number {
  if (message.message_thread_id === undefined) {
    throw new InvalidArgumentError(`${what} needs a message in a forum topic (it has no message_thread_id)`, {
      parameter: 'message_thread_id',
    });
  }
  return message.message_thread_id;
}

/** The chat and message identifiers (and business connection) an edit shortcut fills in. */
function editTarget(message: Message): {
  chat_id: number;
  message_id: number;
  business_connection_id?: string;
} {
  const target = { chat_id: message.chat.id, message_id: message.message_id };
  return message.business_connection_id === undefined
    ? target
    : { ...target, business_connection_id: message.business_connection_id };
}

/** The source message's direct-messages topic, for a forward or copy back into the same chat. */
function withDirectTopic<O extends { readonly direct_messages_topic_id?: number | undefined }>(
  message: Message,
  chatId: number | string,
  options: O | undefined,
): O {
  const topic = message.direct_messages_topic?.topic_id;
  if (
    topic === undefined ||
    !isSameChat(message, chatId) ||
    options?.direct_messages_topic_id !== undefined
  ) {
    return options ?? ({} as O);
  }
  return { ...options, direct_messages_topic_id: topic } as O;
}

function toReactions(reaction: ReactionLike | undefined): ReactionTypeInit[] | undefined {
  if (reaction === undefined) return undefined;
  const list: readonly (ReactionEmojiValue | ReactionTypeInit)[] =
    typeof reaction === 'string' || !Array.isArray(reaction)
      ? [reaction as ReactionEmojiValue | ReactionTypeInit]
      : reaction;
  return list.map((r) => (typeof r === 'string' ? { type: 'emoji', emoji: r } : r));
}

defineBehaviour(Message, {
  async replyText(
    this: Message,
    text: string,
    options?: ReplyOptions<SendMessageOptions>,
    settings?: CallSettings,
  ) {
    const { chatId, params } = planReply<SendMessageOptions>(this, 'sendMessage', options);
    return this.getBot().sendMessage(chatId, text, params, settings);
  },
  async replyHtml(
    this: Message,
    text: string,
    options?: ReplyOptions<SendMessageOptions>,
    settings?: CallSettings,
  ) {
    return this.replyText(text, { ...options, parse_mode: 'HTML' }, settings);
  },
  async replyMarkdown(
    this: Message,
    text: string,
    options?: ReplyOptions<SendMessageOptions>,
    settings?: CallSettings,
  ) {
    return this.replyText(text, { ...options, parse_mode: 'Markdown' }, settings);
  },
  async replyMarkdownV2(
    this: Message,
    text: string,
    options?: ReplyOptions<SendMessageOptions>,
    settings?: CallSettings,
  ) {
    return this.replyText(text, { ...options, parse_mode: 'MarkdownV2' }, settings);
  },
  async replyPhoto(
    this: Message,
    photo: InputFileLike,
    options?: ReplyOptions<SendPhotoOptions>,
    settings?: CallSettings,
  ) {
    const { chatId, params } = planReply<SendPhotoOptions>(this, 'sendPhoto', options);
    return this.getBot().sendPhoto(chatId, photo, params, settings);
  },
  async replyAudio(
    this: Message,
    audio: InputFileLike,
    options?: ReplyOptions<SendAudioOptions>,
    settings?: CallSettings,
  ) {
    const { chatId, params } = planReply<SendAudioOptions>(this, 'sendAudio', options);
    return this.getBot().sendAudio(chatId, audio, params, settings);
  },
  async replyDocument(
    this: Message,
    document: InputFileLike,
    options?: ReplyOptions<SendDocumentOptions>,
    settings?: CallSettings,
  ) {
    const { chatId, params } = planReply<SendDocumentOptions>(this, 'sendDocument', options);
    return this.getBot().sendDocument(chatId, document, params, settings);
  },
  async replyAnimation(
    this: Message,
    animation: InputFileLike,
    options?: ReplyOptions<SendAnimationOptions>,
    settings?: CallSettings,
  ) {
    const { chatId, params } = planReply<SendAnimationOptions>(this, 'sendAnimation', options);
    return this.getBot().sendAnimation(chatId, animation, params, settings);
  },
  async replySticker(
    this: Message,
    sticker: InputFileLike,
    options?: ReplyOptions<SendStickerOptions>,
    settings?: CallSettings,
  ) {
    const { chatId, params } = planReply<SendStickerOptions>(this, 'sendSticker', options);
    return this.getBot().sendSticker(chatId, sticker, params, settings);
  },
  async replyVideo(
    this: Message,
    video: InputFileLike,
    options?: ReplyOptions<SendVideoOptions>,
    settings?: CallSettings,
  ) {
    const { chatId, params } = planReply<SendVideoOptions>(this, 'sendVideo', options);
    return this.getBot().sendVideo(chatId, video, params, settings);
  },
  async replyVideoNote(
    this: Message,
    videoNote: InputFileLike,
    options?: ReplyOptions<SendVideoNoteOptions>,
    settings?: CallSettings,
  ) {
    const { chatId, params } = planReply<SendVideoNoteOptions>(this, 'sendVideoNote', options);
    return this.getBot().sendVideoNote(chatId, videoNote, params, settings);
  },
  async replyVoice(
    this: Message,
    voice: InputFileLike,
    options?: ReplyOptions<SendVoiceOptions>,
    settings?: CallSettings,
  ) {
    const { chatId, params } = planReply<SendVoiceOptions>(this, 'sendVoice', options);
    return this.getBot().sendVoice(chatId, voice, params, settings);
  },
  async replyLivePhoto(
    this: Message,
    livePhoto: InputFileLike,
    photo: InputFileLike,
    options?: ReplyOptions<SendLivePhotoOptions>,
    settings?: CallSettings,
  ) {
    const { chatId, params } = planReply<SendLivePhotoOptions>(this, 'sendLivePhoto', options);
    return this.getBot().sendLivePhoto(chatId, livePhoto, photo, params, settings);
  },
  async replyMediaGroup(
    this: Message,
    media: Parameters<Bot['sendMediaGroup']>[1],
    options?: ReplyOptions<SendMediaGroupOptions>,
    settings?: CallSettings,
  ) {
    const { chatId, params } = planReply<SendMediaGroupOptions>(this, 'sendMediaGroup', options);
    return this.getBot().sendMediaGroup(chatId, media, params, settings);
  },
  async replyPaidMedia(
    this: Message,
    starCount: number,
    media: readonly InputPaidMediaInit[],
    options?: ReplyOptions<SendPaidMediaOptions>,
    settings?: CallSettings,
  ) {
    const { chatId, params } = planReply<SendPaidMediaOptions>(this, 'sendPaidMedia', options);
    return this.getBot().sendPaidMedia(chatId, starCount, media, params, settings);
  },
  async replyLocation(
    this: Message,
    latitude: number,
    longitude: number,
    options?: ReplyOptions<SendLocationOptions>,
    settings?: CallSettings,
  ) {
    const { chatId, params } = planReply<SendLocationOptions>(this, 'sendLocation', options);
    return this.getBot().sendLocation(chatId, latitude, longitude, params, settings);
  },
  async replyVenue(
    this: Message,
    latitude: number,
    longitude: number,
    title: string,
    address: string,
    options?: ReplyOptions<SendVenueOptions>,
    settings?: CallSettings,
  ) {
    const { chatId, params } = planReply<SendVenueOptions>(this, 'sendVenue', options);
    return this.getBot().sendVenue(chatId, latitude, longitude, title, address, params, settings);
  },
  async replyContact(
    this: Message,
    phoneNumber: string,
    firstName: string,
    options?: ReplyOptions<SendContactOptions>,
    settings?: CallSettings,
  ) {
    const { chatId, params } = planReply<SendContactOptions>(this, 'sendContact', options);
    return this.getBot().sendContact(chatId, phoneNumber, firstName, params, settings);
  },
  async replyPoll(
    this: Message,
    question: string,
    options: readonly InputPollOptionInit[],
    other?: ReplyOptions<SendPollOptions>,
    settings?: CallSettings,
  ) {
    const { chatId, params } = planReply<SendPollOptions>(this, 'sendPoll', other);
    return this.getBot().sendPoll(chatId, question, options, params, settings);
  },
  async replyDice(this: Message, options?: ReplyOptions<SendDiceOptions>, settings?: CallSettings) {
    const { chatId, params } = planReply<SendDiceOptions>(this, 'sendDice', options);
    return this.getBot().sendDice(chatId, params, settings);
  },
  async replyChecklist(
    this: Message,
    checklist: InputChecklistInit,
    options?: ReplyOptions<SendChecklistOptions>,
    settings?: CallSettings,
  ) {
    const connection = needBusiness(this, 'replyChecklist');
    const { chatId, params } = planReply<SendChecklistOptions>(this, 'sendChecklist', options);
    return this.getBot().sendChecklist(connection, chatId, checklist, params, settings);
  },
  async replyGame(
    this: Message,
    gameShortName: string,
    options?: ReplyOptions<SendGameOptions>,
    settings?: CallSettings,
  ) {
    const { chatId, params } = planReply<SendGameOptions>(this, 'sendGame', options);
    return this.getBot().sendGame(chatId, gameShortName, params, settings);
  },
  async replyInvoice(
    this: Message,
    title: string,
    description: string,
    payload: string,
    currency: string,
    prices: readonly LabeledPriceInit[],
    options?: ReplyOptions<SendInvoiceOptions>,
    settings?: CallSettings,
  ) {
    const { chatId, params } = planReply<SendInvoiceOptions>(this, 'sendInvoice', options);
    return this.getBot().sendInvoice(chatId, title, description, payload, currency, prices, params, settings);
  },
  async replyChatAction(
    this: Message,
    action: ChatAction,
    options?: Omit<SendChatActionOptions, ReplyFilled>,
    settings?: CallSettings,
  ) {
    // A chat action is not a message: it never quotes.
    const { chatId, params } = planReply<SendChatActionOptions>(this, 'sendChatAction', {
      ...options,
      doQuote: false,
    });
    return this.getBot().sendChatAction(chatId, action, params, settings);
  },
  async replyCopy(
    this: Message,
    fromChatId: number | string,
    messageId: number,
    options?: ReplyOptions<CopyMessageOptions>,
    settings?: CallSettings,
  ) {
    const { chatId, params } = planReply<CopyMessageOptions>(this, 'copyMessage', options);
    return this.getBot().copyMessage(chatId, fromChatId, messageId, params, settings);
  },
  async replyTextDraft(
    this: Message,
    draftId: number,
    options?: SendMessageDraftOptions,
    settings?: CallSettings,
  ) {
    const { params } = planReply<SendMessageDraftOptions>(this, 'sendMessageDraft', {
      ...options,
      doQuote: false,
    });
    return this.getBot().sendMessageDraft(this.chat.id, draftId, params, settings);
  },

  async forward(
    this: Message,
    chatId: number | string,
    options?: ForwardMessageOptions,
    settings?: CallSettings,
  ) {
    const params = withDirectTopic(this, chatId, options);
    return this.getBot().forwardMessage(chatId, this.chat.id, this.message_id, params, settings);
  },
  async copy(this: Message, chatId: number | string, options?: CopyMessageOptions, settings?: CallSettings) {
    const params = withDirectTopic(this, chatId, options);
    return this.getBot().copyMessage(chatId, this.chat.id, this.message_id, params, settings);
  },
  async editText(
    this: Message,
    text: string,
    options?: EditOptions<EditMessageTextOptions>,
    settings?: CallSettings,
  ) {
    return this.getBot().editMessageText({ ...options, ...editTarget(this), text }, settings);
  },
  async editCaption(
    this: Message,
    options?: EditOptions<EditMessageCaptionOptions>,
    settings?: CallSettings,
  ) {
    return this.getBot().editMessageCaption({ ...options, ...editTarget(this) }, settings);
  },
  async editMedia(
    this: Message,
    media: InputMediaInit,
    options?: EditOptions<EditMessageMediaOptions>,
    settings?: CallSettings,
  ) {
    return this.getBot().editMessageMedia(media, { ...options, ...editTarget(this) }, settings);
  },
  async editReplyMarkup(
    this: Message,
    options?: EditOptions<EditMessageReplyMarkupOptions>,
    settings?: CallSettings,
  ) {
    return this.getBot().editMessageReplyMarkup({ ...options, ...editTarget(this) }, settings);
  },
  async editLiveLocation(
    this: Message,
    latitude: number,
    longitude: number,
    options?: EditOptions<EditMessageLiveLocationOptions>,
    settings?: CallSettings,
  ) {
    return this.getBot().editMessageLiveLocation(
      latitude,
      longitude,
      { ...options, ...editTarget(this) },
      settings,
    );
  },
  async stopLiveLocation(
    this: Message,
    options?: EditOptions<StopMessageLiveLocationOptions>,
    settings?: CallSettings,
  ) {
    return this.getBot().stopMessageLiveLocation({ ...options, ...editTarget(this) }, settings);
  },
  async editChecklist(
    this: Message,
    checklist: InputChecklistInit,
    options?: EditMessageChecklistOptions,
    settings?: CallSettings,
  ) {
    const connection = needBusiness(this, 'editChecklist');
    return this.getBot().editMessageChecklist(
      connection,
      this.chat.id,
      this.message_id,
      checklist,
      options,
      settings,
    );
  },
  async delete(this: Message, settings?: CallSettings) {
    if (this.business_connection_id !== undefined) {
      return this.getBot().deleteBusinessMessages(this.business_connection_id, [this.message_id], settings);
    }
    return this.getBot().deleteMessage(this.chat.id, this.message_id, settings);
  },
  async pin(
    this: Message,
    options?: Omit<PinChatMessageOptions, 'business_connection_id'>,
    settings?: CallSettings,
  ) {
    const { chat_id, message_id, ...business } = editTarget(this);
    return this.getBot().pinChatMessage(chat_id, message_id, { ...options, ...business }, settings);
  },
  async unpin(this: Message, settings?: CallSettings) {
    const { chat_id, ...rest } = editTarget(this);
    return this.getBot().unpinChatMessage(chat_id, rest, settings);
  },
  async setReaction(
    this: Message,
    reaction?: ReactionLike,
    options?: Omit<SetMessageReactionOptions, 'reaction'>,
    settings?: CallSettings,
  ) {
    const reactions = toReactions(reaction);
    const params = reactions === undefined ? { ...options } : { ...options, reaction: reactions };
    return this.getBot().setMessageReaction(this.chat.id, this.message_id, params, settings);
  },
  async deleteReaction(this: Message, options?: DeleteMessageReactionOptions, settings?: CallSettings) {
    return this.getBot().deleteMessageReaction(this.chat.id, this.message_id, options, settings);
  },
  async setGameScore(
    this: Message,
    userId: number,
    score: number,
    options?: EditOptions<SetGameScoreOptions>,
    settings?: CallSettings,
  ) {
    const params = { ...options, chat_id: this.chat.id, message_id: this.message_id };
    return this.getBot().setGameScore(userId, score, params, settings);
  },
  async getGameHighScores(this: Message, userId: number, settings?: CallSettings) {
    return this.getBot().getGameHighScores(
      userId,
      { chat_id: this.chat.id, message_id: this.message_id },
      settings,
    );
  },
  async stopPoll(
    this: Message,
    options?: Omit<StopPollOptions, 'business_connection_id'>,
    settings?: CallSettings,
  ) {
    const { chat_id, message_id, ...business } = editTarget(this);
    return this.getBot().stopPoll(chat_id, message_id, { ...options, ...business }, settings);
  },
  async readBusinessMessage(this: Message, settings?: CallSettings) {
    const connection = needBusiness(this, 'readBusinessMessage');
    return this.getBot().readBusinessMessage(connection, this.chat.id, this.message_id, settings);
  },
  async approveSuggestedPost(this: Message, options?: ApproveSuggestedPostOptions, settings?: CallSettings) {
    return this.getBot().approveSuggestedPost(this.chat.id, this.message_id, options, settings);
  },
  async declineSuggestedPost(this: Message, options?: DeclineSuggestedPostOptions, settings?: CallSettings) {
    return this.getBot().declineSuggestedPost(this.chat.id, this.message_id, options, settings);
  },
  async answerGuestQuery(this: Message, result: InlineQueryResultInit, settings?: CallSettings) {
    if (this.guest_query_id === undefined) {
      throw new InvalidArgumentError('answerGuestQuery needs a message that carries a guest_query_id', {
        parameter: 'guest_query_id',
      });
    }
    return this.getBot().answerGuestQuery(this.guest_query_id, result, settings);
  },

  async editForumTopic(this: Message, options?: EditForumTopicOptions, settings?: CallSettings) {
    return this.getBot().editForumTopic(this.chat.id, needThread(this, 'editForumTopic'), options, settings);
  },
  async closeForumTopic(this: Message, settings?: CallSettings) {
    return this.getBot().closeForumTopic(this.chat.id, needThread(this, 'closeForumTopic'), settings);
  },
  async reopenForumTopic(this: Message, settings?: CallSettings) {
    return this.getBot().reopenForumTopic(this.chat.id, needThread(this, 'reopenForumTopic'), settings);
  },
  async deleteForumTopic(this: Message, settings?: CallSettings) {
    return this.getBot().deleteForumTopic(this.chat.id, needThread(this, 'deleteForumTopic'), settings);
  },
  async unpinAllForumTopicMessages(this: Message, settings?: CallSettings) {
    const thread = needThread(this, 'unpinAllForumTopicMessages');
    return this.getBot().unpinAllForumTopicMessages(this.chat.id, thread, settings);
  },
});
