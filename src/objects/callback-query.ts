/**
 * CallbackQuery shortcuts (PTB's `CallbackQuery.answer`, `edit_message_*`, ...). A button pressed
 * under an inline-mode message identifies it by `inline_message_id`; a button under a chat message
 * carries that message. The shortcuts use whichever the query has, and fail with a `TypeError`
 * (as PTB does) when the message is an `InaccessibleMessage`.
 */
import { CallbackQuery, Message } from '../generated/types.js';
import { defineBehaviour } from './behaviour.js';
// The chat-message cases delegate to the Message shortcuts, so those must be installed.
import './message-shortcuts.js';
import type { Resolves, SkipFirst } from './id-shortcut.js';

declare module '../generated/types.js' {
  interface CallbackQuery {
    /**
     * Answers the query, stopping the button's progress indicator, optionally with a notification
     * or an alert (`bot.answerCallbackQuery(this.id, ...)`).
     *
     * @example await query.answer({ text: 'Saved', show_alert: false });
     */
    answer(...args: SkipFirst<'answerCallbackQuery'>): Resolves<'answerCallbackQuery'>;
    /**
     * Edits the text of the message with the pressed button, in a chat or inline.
     *
     * @example await query.editMessageText(`You chose ${query.data}`);
     */
    editMessageText(...args: Parameters<Message['editText']>): Resolves<'editMessageText'>;
    /** Edits the caption of the message with the pressed button. */
    editMessageCaption(...args: Parameters<Message['editCaption']>): Resolves<'editMessageCaption'>;
    /** Replaces the media of the message with the pressed button. */
    editMessageMedia(...args: Parameters<Message['editMedia']>): Resolves<'editMessageMedia'>;
    /** Replaces (or removes) the inline keyboard of the message with the pressed button. */
    editMessageReplyMarkup(
      ...args: Parameters<Message['editReplyMarkup']>
    ): Resolves<'editMessageReplyMarkup'>;
    /** Moves the live location of the message with the pressed button. */
    editMessageLiveLocation(
      ...args: Parameters<Message['editLiveLocation']>
    ): Resolves<'editMessageLiveLocation'>;
    /** Stops the live location of the message with the pressed button. */
    stopMessageLiveLocation(
      ...args: Parameters<Message['stopLiveLocation']>
    ): Resolves<'stopMessageLiveLocation'>;
    /** Replaces the checklist of the (business) chat message with the pressed button. */
    editMessageChecklist(...args: Parameters<Message['editChecklist']>): Resolves<'editMessageChecklist'>;
    /** Deletes the chat message with the pressed button. */
    deleteMessage(...args: Parameters<Message['delete']>): Resolves<'deleteMessage'>;
    /** Copies the chat message with the pressed button to `chatId`. */
    copyMessage(...args: Parameters<Message['copy']>): Resolves<'copyMessage'>;
    /** Pins the chat message with the pressed button. */
    pinMessage(...args: Parameters<Message['pin']>): Resolves<'pinChatMessage'>;
    /** Unpins the chat message with the pressed button. */
    unpinMessage(...args: Parameters<Message['unpin']>): Resolves<'unpinChatMessage'>;
    /** Sets a user's score in the game of the message with the pressed button, in a chat or inline. */
    setGameScore(...args: Parameters<Message['setGameScore']>): Resolves<'setGameScore'>;
    /** The high scores of the game of the message with the pressed button, in a chat or inline. */
    getGameHighScores(...args: Parameters<Message['getGameHighScores']>): Resolves<'getGameHighScores'>;
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
  answer(options, settings) {
    return this.getBot().answerCallbackQuery(this.id, options, settings);
  },
  async editMessageText(text, options, settings) {
    if (this.inline_message_id !== undefined) {
      return this.getBot().editMessageText(
        { ...options, inline_message_id: this.inline_message_id, text },
        settings,
      );
    }
    return chatMessage(this, 'edit').editText(text, options, settings);
  },
  async editMessageCaption(options, settings) {
    if (this.inline_message_id !== undefined) {
      return this.getBot().editMessageCaption(
        { ...options, inline_message_id: this.inline_message_id },
        settings,
      );
    }
    return chatMessage(this, 'edit').editCaption(options, settings);
  },
  async editMessageMedia(media, options, settings) {
    if (this.inline_message_id !== undefined) {
      return this.getBot().editMessageMedia(
        media,
        { ...options, inline_message_id: this.inline_message_id },
        settings,
      );
    }
    return chatMessage(this, 'edit').editMedia(media, options, settings);
  },
  async editMessageReplyMarkup(options, settings) {
    if (this.inline_message_id !== undefined) {
      return this.getBot().editMessageReplyMarkup(
        { ...options, inline_message_id: this.inline_message_id },
        settings,
      );
    }
    return chatMessage(this, 'edit').editReplyMarkup(options, settings);
  },
  async editMessageLiveLocation(latitude, longitude, options, settings) {
    if (this.inline_message_id !== undefined) {
      const params = { ...options, inline_message_id: this.inline_message_id };
      return this.getBot().editMessageLiveLocation(latitude, longitude, params, settings);
    }
    return chatMessage(this, 'edit').editLiveLocation(latitude, longitude, options, settings);
  },
  async stopMessageLiveLocation(options, settings) {
    if (this.inline_message_id !== undefined) {
      return this.getBot().stopMessageLiveLocation(
        { ...options, inline_message_id: this.inline_message_id },
        settings,
      );
    }
    return chatMessage(this, 'edit').stopLiveLocation(options, settings);
  },
  async editMessageChecklist(checklist, options, settings) {
    return chatMessage(this, 'edit').editChecklist(checklist, options, settings);
  },
  async deleteMessage(settings) {
    return chatMessage(this, 'delete').delete(settings);
  },
  async copyMessage(chatId, options, settings) {
    return chatMessage(this, 'copy').copy(chatId, options, settings);
  },
  async pinMessage(options, settings) {
    return chatMessage(this, 'pin').pin(options, settings);
  },
  async unpinMessage(settings) {
    return chatMessage(this, 'unpin').unpin(settings);
  },
  async setGameScore(userId, score, options, settings) {
    if (this.inline_message_id !== undefined) {
      const params = { ...options, inline_message_id: this.inline_message_id };
      return this.getBot().setGameScore(userId, score, params, settings);
    }
    return chatMessage(this, 'set the game score of').setGameScore(userId, score, options, settings);
  },
  async getGameHighScores(userId, settings) {
    if (this.inline_message_id !== undefined) {
      return this.getBot().getGameHighScores(userId, { inline_message_id: this.inline_message_id }, settings);
    }
    return chatMessage(this, 'get the game high scores of').getGameHighScores(userId, settings);
  },
});
