/**
 * Type-level tests of "one spelling per option" (only type-checked, by `npm run typecheck`): reply
 * shortcuts spell the reply option `allowSendingWithoutReply`, Bot methods
 * `allow_sending_without_reply`; InlineQuery.answer spells its page offset `currentOffset`. Each
 * `@ts-expect-error` must stay an error.
 */
import type {
  Bot,
  InlineQuery,
  InlineQueryResultInit,
  Message,
  SendMessageOptions,
} from '../../src/index.js';

declare const message: Message;
declare const query: InlineQuery;
declare const bot: Bot;
declare const results: InlineQueryResultInit[];

export async function replyShortcuts(): Promise<void> {
  await message.replyText('ok', { doQuote: true, allowSendingWithoutReply: true });
  // @ts-expect-error both spellings of one option in one call
  await message.replyText('x', { allowSendingWithoutReply: true, allow_sending_without_reply: true });
  // @ts-expect-error the Bot's spelling is no reply-shortcut option
  await message.replyPhoto('file-id', { allow_sending_without_reply: false });
  // A spread object is held to it too, not only a literal.
  const fromBotCall: SendMessageOptions = { reply_to_message_id: 5, allow_sending_without_reply: true };
  // @ts-expect-error options written for bot.sendMessage carry the Bot's spelling
  await message.replyText('x', { ...fromBotCall });
}

export async function botMethods(): Promise<void> {
  await bot.sendMessage(1, 'ok', { reply_to_message_id: 5, allow_sending_without_reply: true });
  // @ts-expect-error the shortcuts' spelling is no Bot method parameter
  await bot.sendMessage(1, 'x', { reply_to_message_id: 5, allowSendingWithoutReply: true });
}

export async function inlineAnswer(): Promise<void> {
  await query.answer(results, { currentOffset: '' });
  // @ts-expect-error Bot.answerInlineQuery's spelling is no option of the shortcut
  await query.answer(results, { current_offset: '' });
  await bot.answerInlineQuery('iq', results, { current_offset: '' });
  // @ts-expect-error the shortcut's spelling is no Bot parameter
  await bot.answerInlineQuery('iq', results, { currentOffset: '' });
}
