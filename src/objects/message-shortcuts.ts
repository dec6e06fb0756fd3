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
import { InvalidArgumentError } from '../errors.js';
import { METHODS } from '../generated/metadata.js';
import { Message, type ReactionTypeEmojiInit, type ReactionTypeInit } from '../generated/types.js';
import type { CallSettings } from '../request/types.js';
import { defineBehaviour } from './behaviour.js';
import {
  type ApiMethodName,
  type DropFirst,
  invoke,
  type MapOptions,
  type OptionsAt,
  type OptionsIn,
  type ParamsOf,
  type Resolves,
  type SkipFirst,
} from './id-shortcut.js';
import { isSameChat, planReply, type QuoteOptions } from './message-quote.js';

/** Parameters a reply shortcut always takes from the message. */
export type ReplyFilled = 'business_connection_id' | 'direct_messages_topic_id';

/**
 * The options of a reply shortcut: its Bot method's options minus `business_connection_id` and
 * `direct_messages_topic_id` (taken from the message), plus
 * {@link QuoteOptions} (whose `allowSendingWithoutReply` replaces the method's `allow_sending_without_reply`).
 */
export type ReplyOptions<O> = Omit<O, ReplyFilled | 'allow_sending_without_reply'> & QuoteOptions;

/** Parameters an edit shortcut takes from the message. */
export type EditFilled = 'chat_id' | 'message_id' | 'inline_message_id' | 'business_connection_id';

/** The options of an edit shortcut: its Bot method's options minus the ids it takes from the message (`chat_id`, `message_id`, `inline_message_id`, `business_connection_id`). */
export type EditOptions<O> = Omit<O, EditFilled>;

/**
 * The parameters of a reply shortcut: a Bot method's parameters `A` after the chat, with its
 * options as {@link ReplyOptions} (without `Drop`, which the shortcut sets).
 */
export type ReplyArgs<A extends readonly unknown[], Drop extends PropertyKey = never> = MapOptions<
  A,
  ReplyOptions<[Drop] extends [never] ? OptionsIn<A> : Omit<OptionsIn<A>, Drop>>
>;

/** The parameters of an edit shortcut: `Bot[M]`'s, with its options as {@link EditOptions}. */
export type EditArgs<M extends ApiMethodName> = MapOptions<ParamsOf<M>, EditOptions<OptionsIn<ParamsOf<M>>>>;

/** `Bot[M]`'s parameters after the two the message fills (`chat_id`, `message_id`). */
type AfterIds<M extends ApiMethodName> = DropFirst<SkipFirst<M>>;

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
    replyText(...args: ReplyArgs<SkipFirst<'sendMessage'>>): Resolves<'sendMessage'>;
    /**
     * {@link replyText} with `parse_mode: 'HTML'`.
     *
     * @example await message.replyHtml('<b>bold</b> move');
     */
    replyHtml(...args: ReplyArgs<SkipFirst<'sendMessage'>, 'parse_mode'>): Resolves<'sendMessage'>;
    /** {@link replyText} with the legacy `parse_mode: 'Markdown'`. */
    replyMarkdown(...args: ReplyArgs<SkipFirst<'sendMessage'>, 'parse_mode'>): Resolves<'sendMessage'>;
    /** {@link replyText} with `parse_mode: 'MarkdownV2'`. */
    replyMarkdownV2(...args: ReplyArgs<SkipFirst<'sendMessage'>, 'parse_mode'>): Resolves<'sendMessage'>;
    /** Sends a photo to this chat (`bot.sendPhoto`). */
    replyPhoto(...args: ReplyArgs<SkipFirst<'sendPhoto'>>): Resolves<'sendPhoto'>;
    /** Sends an audio file to this chat (`bot.sendAudio`). */
    replyAudio(...args: ReplyArgs<SkipFirst<'sendAudio'>>): Resolves<'sendAudio'>;
    /** Sends a document to this chat (`bot.sendDocument`). */
    replyDocument(...args: ReplyArgs<SkipFirst<'sendDocument'>>): Resolves<'sendDocument'>;
    /** Sends an animation to this chat (`bot.sendAnimation`). */
    replyAnimation(...args: ReplyArgs<SkipFirst<'sendAnimation'>>): Resolves<'sendAnimation'>;
    /** Sends a sticker to this chat (`bot.sendSticker`). */
    replySticker(...args: ReplyArgs<SkipFirst<'sendSticker'>>): Resolves<'sendSticker'>;
    /** Sends a video to this chat (`bot.sendVideo`). */
    replyVideo(...args: ReplyArgs<SkipFirst<'sendVideo'>>): Resolves<'sendVideo'>;
    /** Sends a round video note to this chat (`bot.sendVideoNote`). */
    replyVideoNote(...args: ReplyArgs<SkipFirst<'sendVideoNote'>>): Resolves<'sendVideoNote'>;
    /** Sends a voice note to this chat (`bot.sendVoice`). */
    replyVoice(...args: ReplyArgs<SkipFirst<'sendVoice'>>): Resolves<'sendVoice'>;
    /** Sends a live photo (its video and its still photo) to this chat (`bot.sendLivePhoto`). */
    replyLivePhoto(...args: ReplyArgs<SkipFirst<'sendLivePhoto'>>): Resolves<'sendLivePhoto'>;
    /**
     * Sends an album to this chat (`bot.sendMediaGroup`).
     *
     * @example await message.replyMediaGroup([{ type: 'photo', media: a }, { type: 'photo', media: b }]);
     */
    replyMediaGroup(...args: ReplyArgs<SkipFirst<'sendMediaGroup'>>): Resolves<'sendMediaGroup'>;
    /** Sends media that cost `starCount` Telegram Stars to see (`bot.sendPaidMedia`). */
    replyPaidMedia(...args: ReplyArgs<SkipFirst<'sendPaidMedia'>>): Resolves<'sendPaidMedia'>;
    /** Sends a point on the map to this chat (`bot.sendLocation`). */
    replyLocation(...args: ReplyArgs<SkipFirst<'sendLocation'>>): Resolves<'sendLocation'>;
    /** Sends a venue to this chat (`bot.sendVenue`). */
    replyVenue(...args: ReplyArgs<SkipFirst<'sendVenue'>>): Resolves<'sendVenue'>;
    /** Sends a phone contact to this chat (`bot.sendContact`). */
    replyContact(...args: ReplyArgs<SkipFirst<'sendContact'>>): Resolves<'sendContact'>;
    /**
     * Sends a poll to this chat (`bot.sendPoll`); `other` holds sendPoll's optional parameters.
     *
     * @example await message.replyPoll('Lunch?', [{ text: 'Pizza' }, { text: 'Salad' }], { is_anonymous: false });
     */
    replyPoll(...args: ReplyArgs<SkipFirst<'sendPoll'>>): Resolves<'sendPoll'>;
    /** Sends an animated emoji with a random value to this chat (`bot.sendDice`). */
    replyDice(...args: ReplyArgs<SkipFirst<'sendDice'>>): Resolves<'sendDice'>;
    /**
     * Sends a checklist on behalf of this message's business connection (`bot.sendChecklist`);
     * fails for a message that did not come through a business connection.
     */
    replyChecklist(...args: ReplyArgs<DropFirst<SkipFirst<'sendChecklist'>>>): Resolves<'sendChecklist'>;
    /** Sends a game to this chat (`bot.sendGame`). */
    replyGame(...args: ReplyArgs<SkipFirst<'sendGame'>>): Resolves<'sendGame'>;
    /** Sends an invoice to this chat (`bot.sendInvoice`). */
    replyInvoice(...args: ReplyArgs<SkipFirst<'sendInvoice'>>): Resolves<'sendInvoice'>;
    /**
     * Shows a chat action ("typing...", "sending photo...") in this chat and topic (`bot.sendChatAction`).
     *
     * @example await message.replyChatAction('typing');
     */
    replyChatAction(
      ...args: MapOptions<SkipFirst<'sendChatAction'>, Omit<OptionsAt<'sendChatAction', 2>, ReplyFilled>>
    ): Resolves<'sendChatAction'>;
    /** Copies message `messageId` of chat `fromChatId` into this chat, as a reply (`bot.copyMessage`). */
    replyCopy(...args: ReplyArgs<SkipFirst<'copyMessage'>>): Resolves<'copyMessage'>;
    /** Streams a partial text message (a draft) into this chat and topic (`bot.sendMessageDraft`). */
    replyTextDraft(...args: SkipFirst<'sendMessageDraft'>): Resolves<'sendMessageDraft'>;

    /**
     * Forwards this message to `chatId` (`bot.forwardMessage`).
     *
     * @example await message.forward(adminChatId);
     */
    forward(
      chat_id: ParamsOf<'forwardMessage'>[0],
      options?: OptionsAt<'forwardMessage', 3>,
      settings?: CallSettings,
    ): Resolves<'forwardMessage'>;
    /** Copies this message to `chatId` without a link to the original (`bot.copyMessage`). */
    copy(
      chat_id: ParamsOf<'copyMessage'>[0],
      options?: OptionsAt<'copyMessage', 3>,
      settings?: CallSettings,
    ): Resolves<'copyMessage'>;
    /**
     * Edits this message's text (`bot.editMessageText`). Resolves to the edited message.
     *
     * @example await sent.editText('Done ✅');
     */
    editText(text: string, ...args: EditArgs<'editMessageText'>): Resolves<'editMessageText'>;
    /** Edits (or, without `caption`, removes) this message's caption (`bot.editMessageCaption`). */
    editCaption(...args: EditArgs<'editMessageCaption'>): Resolves<'editMessageCaption'>;
    /** Replaces this message's media (`bot.editMessageMedia`). */
    editMedia(...args: EditArgs<'editMessageMedia'>): Resolves<'editMessageMedia'>;
    /** Replaces (or, without `reply_markup`, removes) this message's inline keyboard (`bot.editMessageReplyMarkup`). */
    editReplyMarkup(...args: EditArgs<'editMessageReplyMarkup'>): Resolves<'editMessageReplyMarkup'>;
    /** Moves this live location (`bot.editMessageLiveLocation`). */
    editLiveLocation(...args: EditArgs<'editMessageLiveLocation'>): Resolves<'editMessageLiveLocation'>;
    /** Stops updating this live location (`bot.stopMessageLiveLocation`). */
    stopLiveLocation(...args: EditArgs<'stopMessageLiveLocation'>): Resolves<'stopMessageLiveLocation'>;
    /** Replaces this checklist, sent through this message's business connection (`bot.editMessageChecklist`). */
    editChecklist(...args: DropFirst<AfterIds<'editMessageChecklist'>>): Resolves<'editMessageChecklist'>;
    /**
     * Deletes this message (`bot.deleteMessage`, or `bot.deleteBusinessMessages` for a business message).
     *
     * @example await message.delete();
     */
    delete(settings?: CallSettings): Resolves<'deleteMessage'>;
    /** Pins this message in its chat (`bot.pinChatMessage`). */
    pin(
      ...args: MapOptions<
        AfterIds<'pinChatMessage'>,
        Omit<OptionsAt<'pinChatMessage', 2>, 'business_connection_id'>
      >
    ): Resolves<'pinChatMessage'>;
    /** Unpins this message (`bot.unpinChatMessage`). */
    unpin(settings?: CallSettings): Resolves<'unpinChatMessage'>;
    /**
     * Sets the bot's reaction to this message (`bot.setMessageReaction`); a string is an emoji,
     * nothing removes the reaction.
     *
     * @example await message.setReaction('👍');
     */
    setReaction(
      reaction?: ReactionLike,
      options?: Omit<OptionsAt<'setMessageReaction', 2>, 'reaction'>,
      settings?: CallSettings,
    ): Resolves<'setMessageReaction'>;
    /** Removes reactions of a user or chat from this message (`bot.deleteMessageReaction`). */
    deleteReaction(...args: AfterIds<'deleteMessageReaction'>): Resolves<'deleteMessageReaction'>;
    /** Sets a user's score in the game of this message (`bot.setGameScore`). */
    setGameScore(...args: EditArgs<'setGameScore'>): Resolves<'setGameScore'>;
    /** The high scores of the game of this message around `userId` (`bot.getGameHighScores`). */
    getGameHighScores(
      user_id: ParamsOf<'getGameHighScores'>[0],
      settings?: CallSettings,
    ): Resolves<'getGameHighScores'>;
    /** Stops the poll of this message (`bot.stopPoll`). */
    stopPoll(
      ...args: MapOptions<AfterIds<'stopPoll'>, Omit<OptionsAt<'stopPoll', 2>, 'business_connection_id'>>
    ): Resolves<'stopPoll'>;
    /** Marks this business message as read (`bot.readBusinessMessage`). */
    readBusinessMessage(settings?: CallSettings): Resolves<'readBusinessMessage'>;
    /** Approves this suggested post of a channel's direct messages (`bot.approveSuggestedPost`). */
    approveSuggestedPost(...args: AfterIds<'approveSuggestedPost'>): Resolves<'approveSuggestedPost'>;
    /** Declines this suggested post (`bot.declineSuggestedPost`). */
    declineSuggestedPost(...args: AfterIds<'declineSuggestedPost'>): Resolves<'declineSuggestedPost'>;
    /** Answers the guest query this message carries (`bot.answerGuestQuery(guest_query_id, result)`). */
    answerGuestQuery(...args: SkipFirst<'answerGuestQuery'>): Resolves<'answerGuestQuery'>;

    /** Renames the forum topic of this message or changes its icon (`bot.editForumTopic`). */
    editForumTopic(...args: AfterIds<'editForumTopic'>): Resolves<'editForumTopic'>;
    /** Closes the forum topic of this message (`bot.closeForumTopic`). */
    closeForumTopic(...args: AfterIds<'closeForumTopic'>): Resolves<'closeForumTopic'>;
    /** Reopens the forum topic of this message (`bot.reopenForumTopic`). */
    reopenForumTopic(...args: AfterIds<'reopenForumTopic'>): Resolves<'reopenForumTopic'>;
    /** Deletes the forum topic of this message with all its messages (`bot.deleteForumTopic`). */
    deleteForumTopic(...args: AfterIds<'deleteForumTopic'>): Resolves<'deleteForumTopic'>;
    /** Unpins every message of the forum topic of this message (`bot.unpinAllForumTopicMessages`). */
    unpinAllForumTopicMessages(
      ...args: AfterIds<'unpinAllForumTopicMessages'>
    ): Resolves<'unpinAllForumTopicMessages'>;
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

const positionalCounts = new Map<string, number>();

/** How many parameters `method` takes positionally (its required ones, in the API's order). */
function positionalCount(method: string): number {
  let count = positionalCounts.get(method);
  if (count === undefined) {
    count = METHODS[method]?.params.filter((p) => p.required).length ?? 1;
    positionalCounts.set(method, count);
  }
  return count;
}

/**
 * A reply shortcut over `method` (whose first parameter is `chat_id`): the caller's positional
 * arguments, then the options worked out by {@link planReply}, then the call settings.
 */
function replyVia<M extends ApiMethodName>(
  method: M,
): (this: Message, ...args: ReplyArgs<SkipFirst<M>>) => Resolves<M> {
  // A bad option rejects the promise as the Bot method would, instead of throwing. Not an async
  // function: that would wrap the Bot's promise in one more, a few microtask turns per reply.
  return function (this: Message, ...args: unknown[]): Resolves<M> {
    try {
      const before = positionalCount(method) - 1;
      const { chatId, params } = planReply<object>(this, method, args[before] as QuoteOptions | undefined);
      const filled: unknown[] = [chatId];
      for (let i = 0; i < before; i++) filled.push(args[i]);
      filled.push(params, args[before + 1]);
      return invoke(this.getBot(), method, filled);
    } catch (error) {
      return Promise.reject(error) as Resolves<M>;
    }
  };
}

defineBehaviour(Message, {
  replyText: replyVia('sendMessage'),
  async replyHtml(text, options, settings) {
    return this.replyText(text, { ...options, parse_mode: 'HTML' }, settings);
  },
  async replyMarkdown(text, options, settings) {
    return this.replyText(text, { ...options, parse_mode: 'Markdown' }, settings);
  },
  async replyMarkdownV2(text, options, settings) {
    return this.replyText(text, { ...options, parse_mode: 'MarkdownV2' }, settings);
  },
  replyPhoto: replyVia('sendPhoto'),
  replyAudio: replyVia('sendAudio'),
  replyDocument: replyVia('sendDocument'),
  replyAnimation: replyVia('sendAnimation'),
  replySticker: replyVia('sendSticker'),
  replyVideo: replyVia('sendVideo'),
  replyVideoNote: replyVia('sendVideoNote'),
  replyVoice: replyVia('sendVoice'),
  replyLivePhoto: replyVia('sendLivePhoto'),
  replyMediaGroup: replyVia('sendMediaGroup'),
  replyPaidMedia: replyVia('sendPaidMedia'),
  replyLocation: replyVia('sendLocation'),
  replyVenue: replyVia('sendVenue'),
  replyContact: replyVia('sendContact'),
  replyPoll: replyVia('sendPoll'),
  replyDice: replyVia('sendDice'),
  async replyChecklist(checklist, options, settings) {
    const connection = needBusiness(this, 'replyChecklist');
    const { chatId, params } = planReply(this, 'sendChecklist', options);
    return this.getBot().sendChecklist(connection, chatId, checklist, params, settings);
  },
  replyGame: replyVia('sendGame'),
  replyInvoice: replyVia('sendInvoice'),
  async replyChatAction(action, options, settings) {
    // A chat action is not a message: it never quotes.
    const { chatId, params } = planReply(this, 'sendChatAction', { ...options, doQuote: false });
    return this.getBot().sendChatAction(chatId, action, params, settings);
  },
  replyCopy: replyVia('copyMessage'),
  async replyTextDraft(draftId, options, settings) {
    const { params } = planReply(this, 'sendMessageDraft', { ...options, doQuote: false });
    return this.getBot().sendMessageDraft(this.chat.id, draftId, params, settings);
  },

  async forward(chatId, options, settings) {
    const params = withDirectTopic(this, chatId, options);
    return this.getBot().forwardMessage(chatId, this.chat.id, this.message_id, params, settings);
  },
  async copy(chatId, options, settings) {
    const params = withDirectTopic(this, chatId, options);
    return this.getBot().copyMessage(chatId, this.chat.id, this.message_id, params, settings);
  },
  async editText(text, options, settings) {
    return this.getBot().editMessageText({ ...options, ...editTarget(this), text }, settings);
  },
  async editCaption(options, settings) {
    return this.getBot().editMessageCaption({ ...options, ...editTarget(this) }, settings);
  },
  async editMedia(media, options, settings) {
    return this.getBot().editMessageMedia(media, { ...options, ...editTarget(this) }, settings);
  },
  async editReplyMarkup(options, settings) {
    return this.getBot().editMessageReplyMarkup({ ...options, ...editTarget(this) }, settings);
  },
  async editLiveLocation(latitude, longitude, options, settings) {
    const params = { ...options, ...editTarget(this) };
    return this.getBot().editMessageLiveLocation(latitude, longitude, params, settings);
  },
  async stopLiveLocation(options, settings) {
    return this.getBot().stopMessageLiveLocation({ ...options, ...editTarget(this) }, settings);
  },
  async editChecklist(checklist, options, settings) {
    const connection = needBusiness(this, 'editChecklist');
    const bot = this.getBot();
    return bot.editMessageChecklist(connection, this.chat.id, this.message_id, checklist, options, settings);
  },
  async delete(settings) {
    if (this.business_connection_id !== undefined) {
      return this.getBot().deleteBusinessMessages(this.business_connection_id, [this.message_id], settings);
    }
    return this.getBot().deleteMessage(this.chat.id, this.message_id, settings);
  },
  async pin(options, settings) {
    const { chat_id, message_id, ...business } = editTarget(this);
    return this.getBot().pinChatMessage(chat_id, message_id, { ...options, ...business }, settings);
  },
  async unpin(settings) {
    const { chat_id, ...rest } = editTarget(this);
    return this.getBot().unpinChatMessage(chat_id, rest, settings);
  },
  async setReaction(reaction, options, settings) {
    const reactions = toReactions(reaction);
    const params = reactions === undefined ? { ...options } : { ...options, reaction: reactions };
    return this.getBot().setMessageReaction(this.chat.id, this.message_id, params, settings);
  },
  async deleteReaction(options, settings) {
    return this.getBot().deleteMessageReaction(this.chat.id, this.message_id, options, settings);
  },
  async setGameScore(userId, score, options, settings) {
    const params = { ...options, chat_id: this.chat.id, message_id: this.message_id };
    return this.getBot().setGameScore(userId, score, params, settings);
  },
  async getGameHighScores(userId, settings) {
    const target = { chat_id: this.chat.id, message_id: this.message_id };
    return this.getBot().getGameHighScores(userId, target, settings);
  },
  async stopPoll(options, settings) {
    const { chat_id, message_id, ...business } = editTarget(this);
    return this.getBot().stopPoll(chat_id, message_id, { ...options, ...business }, settings);
  },
  async readBusinessMessage(settings) {
    const connection = needBusiness(this, 'readBusinessMessage');
    return this.getBot().readBusinessMessage(connection, this.chat.id, this.message_id, settings);
  },
  async approveSuggestedPost(options, settings) {
    return this.getBot().approveSuggestedPost(this.chat.id, this.message_id, options, settings);
  },
  async declineSuggestedPost(options, settings) {
    return this.getBot().declineSuggestedPost(this.chat.id, this.message_id, options, settings);
  },
  async answerGuestQuery(result, settings) {
    if (this.guest_query_id === undefined) {
      throw new InvalidArgumentError('answerGuestQuery needs a message that carries a guest_query_id', {
        parameter: 'guest_query_id',
      });
    }
    return this.getBot().answerGuestQuery(this.guest_query_id, result, settings);
  },

  async editForumTopic(options, settings) {
    return this.getBot().editForumTopic(this.chat.id, needThread(this, 'editForumTopic'), options, settings);
  },
  async closeForumTopic(settings) {
    return this.getBot().closeForumTopic(this.chat.id, needThread(this, 'closeForumTopic'), settings);
  },
  async reopenForumTopic(settings) {
    return this.getBot().reopenForumTopic(this.chat.id, needThread(this, 'reopenForumTopic'), settings);
  },
  async deleteForumTopic(settings) {
    return this.getBot().deleteForumTopic(this.chat.id, needThread(this, 'deleteForumTopic'), settings);
  },
  async unpinAllForumTopicMessages(settings) {
    const thread = needThread(this, 'unpinAllForumTopicMessages');
    return this.getBot().unpinAllForumTopicMessages(this.chat.id, thread, settings);
  },
});
