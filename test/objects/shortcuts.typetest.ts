/**
 * Type-level tests of the shortcuts (only type-checked, by `npm run typecheck`): a shortcut's
 * options are its Bot method's options minus what the shortcut fills in, each option typed as the
 * method types it. Each `@ts-expect-error` must stay an error.
 */
import type {
  AnswerInlineQueryOptions,
  CallbackQuery,
  CopyMessageOptions,
  EditMessageTextOptions,
  ForwardMessageOptions,
  InlineQuery,
  Message,
  MessageId,
  SendChatActionOptions,
  SendMessageOptions,
  SendPhotoOptions,
  SendPollOptions,
  SetGameScoreOptions,
} from '../../src/index.js';
import { InlineKeyboardMarkup, ReplyKeyboardMarkup } from '../../src/index.js';
import type { QuoteOptions } from '../../src/objects/message-quote.js';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<T extends true>(_: T): void {}

/** The options parameter (at `I`) of a function, without `undefined`. */
type OptionsOf<F, I extends number> = F extends (...args: infer P) => unknown ? NonNullable<P[I]> : never;

/** True when `S` has exactly the keys of `M` minus `Filled` plus `Added`, each typed as in `M`. */
type SameOptions<S, M, Filled extends PropertyKey, Added extends PropertyKey = never> =
  Equal<keyof S, Exclude<keyof M, Filled> | Added> extends true
    ? { [K in Exclude<keyof M, Filled>]: K extends keyof S ? Equal<S[K], M[K]> : false }[Exclude<
        keyof M,
        Filled
      >] extends true
      ? true
      : false
    : false;

type ReplyFilledKeys = 'business_connection_id' | 'direct_messages_topic_id';
type QuoteKeys = keyof QuoteOptions;
/** What a reply shortcut takes out of its method's options: what it fills, and the Bot's spelling of allowSendingWithoutReply. */
type ReplyReplacedKeys = ReplyFilledKeys | 'allow_sending_without_reply';

declare const message: Message;
declare const query: CallbackQuery;
declare const inline: InlineQuery;

export function replyOptions(): void {
  // Reply shortcuts: the method's options minus business connection and direct topic, plus doQuote.
  expectType<
    SameOptions<OptionsOf<Message['replyText'], 1>, SendMessageOptions, ReplyReplacedKeys, QuoteKeys>
  >(true);
  expectType<
    SameOptions<OptionsOf<Message['replyPhoto'], 1>, SendPhotoOptions, ReplyReplacedKeys, QuoteKeys>
  >(true);
  expectType<SameOptions<OptionsOf<Message['replyPoll'], 2>, SendPollOptions, ReplyReplacedKeys, QuoteKeys>>(
    true,
  );
  expectType<
    SameOptions<
      OptionsOf<Message['replyHtml'], 1>,
      SendMessageOptions,
      ReplyReplacedKeys | 'parse_mode',
      QuoteKeys
    >
  >(true);
  expectType<
    SameOptions<OptionsOf<Message['replyCopy'], 2>, CopyMessageOptions, ReplyReplacedKeys, QuoteKeys>
  >(true);
  expectType<SameOptions<OptionsOf<Message['replyChatAction'], 1>, SendChatActionOptions, ReplyFilledKeys>>(
    true,
  );
  expectType<Equal<OptionsOf<Message['replyText'], 1>['doQuote'], QuoteOptions['doQuote']>>(true);
  // The results are the method's.
  expectType<Equal<ReturnType<Message['replyText']>, Promise<Message>>>(true);
  expectType<Equal<ReturnType<Message['replyCopy']>, Promise<MessageId>>>(true);
}

type EditFilledKeys = 'chat_id' | 'message_id' | 'inline_message_id' | 'business_connection_id';

export function actionOptions(): void {
  // Edits: the method's options minus the message identifiers; the text is positional.
  expectType<SameOptions<OptionsOf<Message['editText'], 1>, EditMessageTextOptions, EditFilledKeys>>(true);
  expectType<
    SameOptions<OptionsOf<CallbackQuery['editMessageText'], 1>, EditMessageTextOptions, EditFilledKeys>
  >(true);
  expectType<SameOptions<OptionsOf<Message['setGameScore'], 2>, SetGameScoreOptions, EditFilledKeys>>(true);
  // Forward and copy keep every option of their method.
  expectType<SameOptions<OptionsOf<Message['forward'], 1>, ForwardMessageOptions, never>>(true);
  expectType<SameOptions<OptionsOf<Message['copy'], 1>, CopyMessageOptions, never>>(true);
  expectType<
    SameOptions<
      OptionsOf<InlineQuery['answer'], 1>,
      AnswerInlineQueryOptions,
      never,
      'autoPagination' | 'currentOffset' | 'current_offset'
    >
  >(true);
  expectType<Equal<ReturnType<Message['editText']>, Promise<Message | true>>>(true);
}

export async function calls(): Promise<void> {
  await message.replyText('hi', { parse_mode: 'HTML', doQuote: message.buildReplyArguments({ quote: 'x' }) });
  await message.replyPhoto('file-id', { caption: 'c', has_spoiler: true });
  await query.editMessageText('done', { reply_markup: { inline_keyboard: [] } });
  await inline.answer((page) => (page < 3 ? [] : undefined), { autoPagination: true });
  // @ts-expect-error the shortcut fills business_connection_id itself
  await message.replyText('x', { business_connection_id: 'b' });
  // @ts-expect-error replyHtml sets the parse mode
  await message.replyHtml('x', { parse_mode: 'MarkdownV2' });
  // @ts-expect-error edits name their message themselves
  await message.editText('x', { chat_id: 1 });
  // @ts-expect-error options are typed as the method types them
  await message.replyText('x', { disable_notification: 'yes' });
  const inlineKeyboard: InlineKeyboardMarkup = InlineKeyboardMarkup.fromRow([
    { text: 'a', callback_data: 'b' },
  ]);
  const replyKeyboard: ReplyKeyboardMarkup = ReplyKeyboardMarkup.fromColumn(['a', { text: 'b' }], {
    selective: true,
  });
  void inlineKeyboard;
  void replyKeyboard;
  // @ts-expect-error inline keyboards have no plain-string buttons
  InlineKeyboardMarkup.fromButton('a');
}
