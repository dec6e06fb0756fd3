/**
 * How a reply shortcut decides where it goes and what it quotes (PTB's `_parse_quote_arguments`,
 * `_do_quote`, `_parse_message_thread_id`), plus the public `buildReplyArguments` and
 * `computeQuotePositionAndEntities` of Message.
 */
import { InvalidArgumentError } from '../errors.js';
import { METHODS } from '../generated/metadata.js';
import { Message, MessageEntity, ReplyParameters, type ReplyParametersInit } from '../generated/types.js';
import { defineBehaviour } from './behaviour.js';

/**
 * The target chat and reply parameters of a reply, as {@link Message.buildReplyArguments} builds
 * them; pass it as `doQuote` to a reply shortcut, or spread it into a Bot call.
 */
export interface ReplyArguments {
  /** Where the reply goes. */
  readonly chat_id: number | string;
  /** What it replies to (and quotes). */
  readonly reply_parameters: ReplyParametersInit;
}

/** The options every reply shortcut adds to its Bot method's own. */
export interface QuoteOptions {
  /**
   * Reply to (quote) this message: `true`, `false`, or arguments from
   * {@link Message.buildReplyArguments}. When not given, the bot's `defaults.doQuote` decides, and
   * without defaults a reply quotes in groups and channels but not in private chats (PTB's rule).
   * An explicit `reply_parameters` option wins over it.
   */
  readonly doQuote?: boolean | ReplyArguments | undefined;
  /** Send even if the quoted message is gone (for `doQuote: true` or the default quoting only). */
  readonly allowSendingWithoutReply?: boolean | undefined;
  /**
   * Not an option of reply shortcuts: the Bot methods' `allow_sending_without_reply` is spelt
   * {@link allowSendingWithoutReply} here, next to `doQuote`, and throws when given.
   */
  readonly allow_sending_without_reply?: never;
}

/** Options of {@link Message.buildReplyArguments}. */
export interface BuildReplyArgumentsOptions {
  /** A piece of the message's text or caption to quote (plain text, no markup). */
  readonly quote?: string | undefined;
  /** Which occurrence of `quote` to use, from 0 (default the first). */
  readonly quoteIndex?: number | undefined;
  /** Send the reply to another chat (default this message's chat). */
  readonly targetChatId?: number | string | undefined;
  /** Kept only when replying in the same chat and topic. */
  readonly allowSendingWithoutReply?: boolean | undefined;
  /** The topic the reply goes to; `allowSendingWithoutReply` is dropped when it is another one. */
  readonly messageThreadId?: number | undefined;
}

/** Where a quote sits in the message, in UTF-16 code units, and the entities inside it. */
export interface QuotePosition {
  /** Offset of the quote in the text or caption. */
  readonly position: number;
  /** The message's entities cut to the quote and moved to its start, or `undefined` when none overlap. */
  readonly entities: readonly MessageEntity[] | undefined;
}

declare module '../generated/types.js' {
  interface Message {
    /**
     * Where `quote` occurs in the text (or caption) and the entities that fall inside it, ready
     * for `ReplyParameters.quote_position`/`quote_entities`. Throws when the message has no text
     * or caption, or when the `index`-th occurrence does not exist.
     *
     * @example message.computeQuotePositionAndEntities('world', 1) // the second "world"
     */
    computeQuotePositionAndEntities(quote: string, index?: number): QuotePosition;
    /**
     * The `chat_id` and `reply_parameters` of a reply to this message, optionally quoting part of
     * it or going to another chat; pass the result as `doQuote` of a reply shortcut.
     *
     * @example
     * await message.replyText('Indeed', { doQuote: message.buildReplyArguments({ quote: 'cats' }) });
     */
    buildReplyArguments(options?: BuildReplyArgumentsOptions): ReplyArguments;
  }
}

const paramNames = new Map<string, ReadonlySet<string>>();
const NO_OPTIONS: Readonly<Record<string, unknown>> = Object.freeze({});

/** Whether the Bot API method takes the parameter (so shortcuts fill only what a method has). */
export function methodTakes(method: string, param: string): boolean {
  let names = paramNames.get(method);
  if (names === undefined) {
    names = new Set(METHODS[method]?.params.map((p) => p.name));
    paramNames.set(method, names);
  }
  return names.has(param);
}

/** Whether `chatId` names this message's chat, by id or by `@username`. */
export function isSameChat(message: Message, chatId: number | string): boolean {
  return (
    chatId === message.chat.id ||
    (message.chat.username !== undefined && chatId === `@${message.chat.username}`)
  );
}

/** The reply parameters of PTB's `doQuote: true/false/undefined`. */
function quoteParameters(
  message: Message,
  doQuote: boolean | undefined,
  allowSendingWithoutReply: boolean | undefined,
): ReplyParametersInit | undefined {
  const fallback = doQuote === undefined ? message.getBot().defaults?.doQuote : undefined;
  const quote = doQuote ?? fallback ?? message.chat.type !== 'private';
  if (!quote) return undefined;
  return allowSendingWithoutReply === undefined
    ? { message_id: message.message_id }
    : { message_id: message.message_id, allow_sending_without_reply: allowSendingWithoutReply };
}

/**
 * Throws on the Bot methods' spelling of the reply options' `allowSendingWithoutReply`: one option,
 * one spelling, and failing loudly beats one of the two silently winning.
 */
function checkSpelling(given: Readonly<Record<string, unknown>>, method: string): void {
  const value = given.allow_sending_without_reply;
  if (value === undefined) return;
  throw new InvalidArgumentError(
    `'allow_sending_without_reply' is not an option of Message reply shortcuts; write allowSendingWithoutReply: ${String(value)}`,
    { parameter: 'allow_sending_without_reply', method },
  );
}

/** A reply's target chat and parameters after the shortcut filled in what it knows. */
export interface ReplyPlan<O> {
  /** The chat the reply goes to. */
  readonly chatId: number | string;
  /** The method's optional parameters, filled in. */
  readonly params: O;
}

/**
 * Works out a reply to `message` through `method`: the target chat, the reply parameters (from
 * `reply_parameters`, `doQuote` or the default), and the message's topic, business connection and
 * direct-messages topic where `method` takes them. Options the caller passed win.
 */
export function planReply<O extends object>(
  message: Message,
  method: string,
  options: (O & QuoteOptions) | undefined,
): ReplyPlan<O> {
  const given = (options ?? NO_OPTIONS) as Readonly<Record<string, unknown>>;
  checkSpelling(given, method);
  const doQuote = given.doQuote as QuoteOptions['doQuote'];
  const allowSendingWithoutReply = given.allowSendingWithoutReply as boolean | undefined;
  let chatId: number | string = message.chat.id;
  let replyParameters: ReplyParametersInit | undefined;
  if (given.reply_parameters !== undefined || typeof doQuote === 'object') {
    if (allowSendingWithoutReply !== undefined) {
      throw new InvalidArgumentError(
        'allowSendingWithoutReply applies to doQuote: true only; put it into reply_parameters instead',
        { parameter: 'allowSendingWithoutReply', method },
      );
    }
    if (given.reply_parameters !== undefined) {
      replyParameters = given.reply_parameters as ReplyParametersInit;
    } else if (typeof doQuote === 'object') {
      replyParameters = doQuote.reply_parameters;
      chatId = doQuote.chat_id;
    }
  } else if (given.reply_to_message_id === undefined) {
    replyParameters = quoteParameters(message, doQuote, allowSendingWithoutReply);
  }
  // An explicit reply_to_message_id (the Bot's convenience) wins over quoting, as in PTB.
  const params: Record<string, unknown> = {};
  if (message.business_connection_id !== undefined && methodTakes(method, 'business_connection_id')) {
    params.business_connection_id = message.business_connection_id;
  }
  if (
    message.is_topic_message === true &&
    message.message_thread_id !== undefined &&
    isSameChat(message, chatId) &&
    methodTakes(method, 'message_thread_id')
  ) {
    params.message_thread_id = message.message_thread_id;
  }
  const directTopic = message.direct_messages_topic?.topic_id;
  if (directTopic !== undefined && methodTakes(method, 'direct_messages_topic_id')) {
    params.direct_messages_topic_id = directTopic;
  }
  for (const key in given) {
    const value = given[key];
    if (value !== undefined && key !== 'doQuote' && key !== 'allowSendingWithoutReply') params[key] = value;
  }
  if (replyParameters !== undefined) params.reply_parameters = replyParameters;
  return { chatId, params: params as O };
}

function findOccurrence(text: string, quote: string, index: number): number {
  let from = 0;
  let seen = 0;
  for (;;) {
    const at = text.indexOf(quote, from);
    if (at === -1) {
      throw new InvalidArgumentError(
        `You asked for occurrence ${index} of ${JSON.stringify(quote)}, but the text has it ${seen} times`,
        { parameter: 'index' },
      );
    }
    if (seen === index) return at;
    seen++;
    from = at + quote.length;
  }
}

defineBehaviour(Message, {
  computeQuotePositionAndEntities(quote, index = 0) {
    const text = this.text || this.caption;
    if (!text) throw new Error('This message has neither text nor caption');
    if (quote === '') throw new InvalidArgumentError('The quote is empty', { parameter: 'quote' });
    // JavaScript strings count UTF-16 code units, as Telegram's offsets do.
    const position = findOccurrence(text, quote, index);
    const end = position + quote.length;
    const entities: MessageEntity[] = [];
    for (const entity of (this.text ? this.entities : this.caption_entities) ?? []) {
      const length = Math.min(end, entity.offset + entity.length) - Math.max(position, entity.offset);
      if (length <= 0) continue;
      entities.push(
        new MessageEntity({
          ...entity,
          offset: Math.max(0, entity.offset - position),
          length,
          apiKwargs: entity.apiKwargs,
        }),
      );
    }
    return { position, entities: entities.length === 0 ? undefined : entities };
  },

  buildReplyArguments(options = {}) {
    const { quote, quoteIndex, targetChatId, allowSendingWithoutReply, messageThreadId } = options;
    const sameChat = targetChatId === undefined || isSameChat(this, targetChatId);
    const sameTopic = messageThreadId === undefined || messageThreadId === this.message_thread_id;
    const quoted = quote ? this.computeQuotePositionAndEntities(quote, quoteIndex) : undefined;
    return {
      chat_id: targetChatId ?? this.chat.id,
      reply_parameters: new ReplyParameters({
        message_id: this.message_id,
        chat_id: sameChat ? undefined : this.chat.id,
        quote: quote || undefined,
        quote_position: quoted?.position,
        quote_entities: quoted?.entities,
        allow_sending_without_reply: sameChat && sameTopic ? allowSendingWithoutReply : undefined,
      }),
    };
  },
});
