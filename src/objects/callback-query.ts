/**
 * CallbackQuery shortcuts (PTB's `CallbackQuery.answer`, `edit_message_*`, ...). A button pressed
 * under an inline-mode message identifies it by `inline_message_id`; a button under a chat message
 * carries that message. The shortcuts use whichever the query has, and fail with a `TypeError`
 * (as PTB does) when the message is an `InaccessibleMessage`.
 */
import type {
  AnswerCallbackQueryOptions,
  CopyMessageOptions,
  EditMessageCaptionOptions,
  EditMessageChecklistOptions,
  EditMessageLiveLocationOptions,
  EditMessageMediaOptions,
  EditMessageReplyMarkupOptions,
  EditMessageTextOptions,
  PinChatMessageOptions,
  SetGameScoreOptions,
  StopMessageLiveLocationOptions,
} from '../generated/params.js';
import {
  CallbackQuery,
  type GameHighScore,
  type InputChecklistInit,
  type InputMediaInit,
  Message,
  type MessageId,
} from '../generated/types.js';
import type { CallSettings } from '../request/types.js';
import { defineBehaviour } from './behaviour.js';
// The chat-message cases delegate to the Message shortcuts, so those must be installed.
import './message-shortcuts.js';
import type { EditOptions } from './message-shortcuts.js';

declare module '../generated/types.js' {
  interface CallbackQuery {
    /**
     * Answers the query, stopping the button's progress indicator, optionally with a notification
     * or an alert (`bot.answerCallbackQuery(this.id, ...)`).
     *
     * @example await query.answer({ text: 'Saved', show_alert: false });
     */
    answer(options?: AnswerCallbackQueryOptions, settings?: CallSettings): Promise<true>;
    /**
     * Edits the text of the message with the pressed button, in a chat or inline.
     *
     * @example await query.editMessageText(`You chose ${query.data}`);
     */
    editMessageText(
      text: string,
      options?: EditOptions<EditMessageTextOptions>,
      settings?: CallSettings,
    ): Promise<Message | true>;
    /** Edits the caption of the message with the pressed button. */
    editMessageCaption(
      options?: EditOptions<EditMessageCaptionOptions>,
      settings?: CallSettings,
    ): Promise<Message | true>;
    /** Replaces the media of the message with the pressed button. */
    editMessageMedia(
      media: InputMediaInit,
      options?: EditOptions<EditMessageMediaOptions>,
      settings?: CallSettings,
    ): Promise<Message | true>;
    /** Replaces (or removes) the inline keyboard of the message with the pressed button. */
    editMessageReplyMarkup(
      options?: EditOptions<EditMessageReplyMarkupOptions>,
      settings?: CallSettings,
    ): Promise<Message | true>;
    /** Moves the live location of the message with the pressed button. */
    editMessageLiveLocation(
      latitude: number,
      longitude: number,
      options?: EditOptions<EditMessageLiveLocationOptions>,
      settings?: CallSettings,
    ): Promise<Message | true>;
    /** Stops the live location of the message with the pressed button. */
    stopMessageLiveLocation(
      options?: EditOptions<StopMessageLiveLocationOptions>,
      settings?: CallSettings,
    ): Promise<Message | true>;
    /** Replaces the checklist of the (business) chat message with the pressed button. */
    editMessageChecklist(
      checklist: InputChecklistInit,
      options?: EditMessageChecklistOptions,
      settings?: CallSettings,
    ): Promise<Message>;
    /** Deletes the chat message with the pressed button. */
    deleteMessage(settings?: CallSettings): Promise<true>;
    /** Copies the chat message with the pressed button to `chatId`. */
    copyMessage(
      chatId: number | string,
      options?: CopyMessageOptions,
      settings?: CallSettings,
    ): Promise<MessageId>;
    /** Pins the chat message with the pressed button. */
    pinMessage(
      options?: Omit<PinChatMessageOptions, 'business_connection_id'>,
      settings?: CallSettings,
    ): Promise<true>;
    /** Unpins the chat message with the pressed button. */
    unpinMessage(settings?: CallSettings): Promise<true>;
    /** Sets a user's score in the game of the message with the pressed button, in a chat or inline. */
    setGameScore(
      userId: number,
      score: number,
      options?: EditOptions<SetGameScoreOptions>,
      settings?: CallSettings,
    ): Promise<Message | true>;
    /** The high scores of the game of the message with the pressed button, in a chat or inline. */
    getGameHighScores(userId: number, settings?: CallSettings): Promise<readonly GameHighScore[]>;
  }
}

/** The chat message of the query, or a TypeError naming what could not be done. */
function chatMessage(query: CallbackQuery, action: string): Message {
  if (query.message instanceof Message) return query.message;
  if (query.message === undefined) {
    throw new TypeError(
      `Cannot ${action} the message: this callback query has neither a message nor an inline_message_id`,
    );
  }
  throw new TypeError(`Cannot ${action} an inaccessible message`);
}

defineBehaviour(CallbackQuery, {
  answer(this: CallbackQuery, options?: AnswerCallbackQueryOptions, settings?: CallSettings): Promise<true> {
    return this.getBot().answerCallbackQuery(this.id, options, settings);
  },
  async editMessageText(
    this: CallbackQuery,
    text: string,
    options?: EditOptions<EditMessageTextOptions>,
    settings?: CallSettings,
  ): Promise<Message | true> {
    if (this.inline_message_id !== undefined) {
      return this.getBot().editMessageText(
        { ...options, inline_message_id: this.inline_message_id, text },
        settings,
      );
    }
    return chatMessage(this, 'edit').editText(text, options, settings);
  },
  async editMessageCaption(
    this: CallbackQuery,
    options?: EditOptions<EditMessageCaptionOptions>,
    settings?: CallSettings,
  ): Promise<Message | true> {
    if (this.inline_message_id !== undefined) {
      return this.getBot().editMessageCaption(
        { ...options, inline_message_id: this.inline_message_id },
        settings,
      );
    }
    return chatMessage(this, 'edit').editCaption(options, settings);
  },
  async editMessageMedia(
    this: CallbackQuery,
    media: InputMediaInit,
    options?: EditOptions<EditMessageMediaOptions>,
    settings?: CallSettings,
  ): Promise<Message | true> {
    if (this.inline_message_id !== undefined) {
      return this.getBot().editMessageMedia(
        media,
        { ...options, inline_message_id: this.inline_message_id },
        settings,
      );
    }
    return chatMessage(this, 'edit').editMedia(media, options, settings);
  },
  async editMessageReplyMarkup(
    this: CallbackQuery,
    options?: EditOptions<EditMessageReplyMarkupOptions>,
    settings?: CallSettings,
  ): Promise<Message | true> {
    if (this.inline_message_id !== undefined) {
      return this.getBot().editMessageReplyMarkup(
        { ...options, inline_message_id: this.inline_message_id },
        settings,
      );
    }
    return chatMessage(this, 'edit').editReplyMarkup(options, settings);
  },
  async editMessageLiveLocation(
    this: CallbackQuery,
    latitude: number,
    longitude: number,
    options?: EditOptions<EditMessageLiveLocationOptions>,
    settings?: CallSettings,
  ): Promise<Message | true> {
    if (this.inline_message_id !== undefined) {
      const params = { ...options, inline_message_id: this.inline_message_id };
      return this.getBot().editMessageLiveLocation(latitude, longitude, params, settings);
    }
    return chatMessage(this, 'edit').editLiveLocation(latitude, longitude, options, settings);
  },
  async stopMessageLiveLocation(
    this: CallbackQuery,
    options?: EditOptions<StopMessageLiveLocationOptions>,
    settings?: CallSettings,
  ): Promise<Message | true> {
    if (this.inline_message_id !== undefined) {
      return this.getBot().stopMessageLiveLocation(
        { ...options, inline_message_id: this.inline_message_id },
        settings,
      );
    }
    return chatMessage(this, 'edit').stopLiveLocation(options, settings);
  },
  async editMessageChecklist(
    this: CallbackQuery,
    checklist: InputChecklistInit,
    options?: EditMessageChecklistOptions,
    settings?: CallSettings,
  ): Promise<Message> {
    return chatMessage(this, 'edit').editChecklist(checklist, options, settings);
  },
  async deleteMessage(this: CallbackQuery, settings?: CallSettings): Promise<true> {
    return chatMessage(this, 'delete').delete(settings);
  },
  async copyMessage(
    this: CallbackQuery,
    chatId: number | string,
    options?: CopyMessageOptions,
    settings?: CallSettings,
  ): Promise<MessageId> {
    return chatMessage(this, 'copy').copy(chatId, options, settings);
  },
  async pinMessage(
    this: CallbackQuery,
    options?: Omit<PinChatMessageOptions, 'business_connection_id'>,
    settings?: CallSettings,
  ): Promise<true> {
    return chatMessage(this, 'pin').pin(options, settings);
  },
  async unpinMessage(this: CallbackQuery, settings?: CallSettings): Promise<true> {
    return chatMessage(this, 'unpin').unpin(settings);
  },
  async setGameScore(
    this: CallbackQuery,
    userId: number,
    score: number,
    options?: EditOptions<SetGameScoreOptions>,
    settings?: CallSettings,
  ): Promise<Message | true> {
    if (this.inline_message_id !== undefined) {
      const params = { ...options, inline_message_id: this.inline_message_id };
      return this.getBot().setGameScore(userId, score, params, settings);
    }
    return chatMessage(this, 'set the game score of').setGameScore(userId, score, options, settings);
  },
  async getGameHighScores(
    this: CallbackQuery,
    userId: number,
    settings?: CallSettings,
  ): Promise<readonly GameHighScore[]> {
    if (this.inline_message_id !== undefined) {
      return this.getBot().getGameHighScores(userId, { inline_message_id: this.inline_message_id }, settings);
    }
    return chatMessage(this, 'get the game high scores of').getGameHighScores(userId, settings);
  },
});
