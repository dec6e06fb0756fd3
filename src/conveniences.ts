/**
 * PTB's conveniences over the raw Bot API, applied by {@link Bot} before a call is validated and
 * sent: `reply_to_message_id` and `allow_sending_without_reply` become `reply_parameters`,
 * `sendMediaGroup` takes a caption for the whole album, and `answerInlineQuery` pages its results
 * from `current_offset`. `InlineQuery.answer` shares the pagination.
 */

import { TelegramObject } from './base/telegram-object.js';
import type { ParseMode } from './constants/enums.js';
import { InvalidArgumentError } from './errors.js';
import { METHODS } from './generated/metadata.js';
import type { AnswerInlineQueryOptions } from './generated/params.js';
import type { InlineQueryResultInit, MessageEntityInit } from './generated/types.js';

/**
 * PTB's reply options of the methods that take `reply_parameters`. Both are sent inside
 * `reply_parameters`, so neither may be combined with it.
 *
 * @example await bot.sendMessage(chatId, 'Noted', { reply_to_message_id: 7, allow_sending_without_reply: true });
 */
export interface ReplyToOptions {
  /** The message (in the same chat) to reply to: sent as `reply_parameters.message_id`. */
  readonly reply_to_message_id?: number | undefined;
  /**
   * With `reply_to_message_id`: send even when that message is gone (`reply_parameters.allow_sending_without_reply`).
   * Without it the option has nothing to apply to and is dropped, as in PTB. When not given, the
   * bot's `defaults.allowSendingWithoutReply` applies.
   */
  readonly allow_sending_without_reply?: boolean | undefined;
}

/**
 * A caption for a whole album (PTB 20's `send_media_group(caption=...)`): it goes onto the first
 * media item, which Telegram shows as the album's caption. The items themselves must then have none.
 *
 * @example await bot.sendMediaGroup(chatId, [photo1, photo2], { caption: '<b>Trip</b>', parse_mode: 'HTML' });
 */
export interface MediaGroupCaptionOptions {
  /** The album's caption. */
  readonly caption?: string | undefined;
  /** How to parse {@link caption}; when absent the first item keeps its own (or the default) parse mode. */
  readonly parse_mode?: ParseMode | undefined;
  /** Entities of {@link caption}, instead of a parse mode. */
  readonly caption_entities?: readonly MessageEntityInit[] | undefined;
}

declare module './generated/params.js' {
  interface CopyMessageOptions extends ReplyToOptions {}
  interface SendAnimationOptions extends ReplyToOptions {}
  interface SendAudioOptions extends ReplyToOptions {}
  interface SendChecklistOptions extends ReplyToOptions {}
  interface SendContactOptions extends ReplyToOptions {}
  interface SendDiceOptions extends ReplyToOptions {}
  interface SendDocumentOptions extends ReplyToOptions {}
  interface SendGameOptions extends ReplyToOptions {}
  interface SendInvoiceOptions extends ReplyToOptions {}
  interface SendLivePhotoOptions extends ReplyToOptions {}
  interface SendLocationOptions extends ReplyToOptions {}
  interface SendMediaGroupOptions extends ReplyToOptions, MediaGroupCaptionOptions {}
  interface SendMessageOptions extends ReplyToOptions {}
  interface SendPaidMediaOptions extends ReplyToOptions {}
  interface SendPhotoOptions extends ReplyToOptions {}
  interface SendPollOptions extends ReplyToOptions {}
  interface SendRichMessageOptions extends ReplyToOptions {}
  interface SendStickerOptions extends ReplyToOptions {}
  interface SendVenueOptions extends ReplyToOptions {}
  interface SendVideoOptions extends ReplyToOptions {}
  interface SendVideoNoteOptions extends ReplyToOptions {}
  interface SendVoiceOptions extends ReplyToOptions {}
}

/** What a convenience may read from the bot: the defaults it carries, if any. */
export interface ConvenienceHost {
  readonly defaults: { readonly allowSendingWithoutReply?: boolean | undefined } | undefined;
}

/** Rewrites one method's parameters; returns them untouched when the convenience does not apply. */
export type ParamsConvenience = (
  params: Readonly<Record<string, unknown>>,
  method: string,
  host: ConvenienceHost,
) => Readonly<Record<string, unknown>>;

function isGiven(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** `reply_to_message_id` + `allow_sending_without_reply` into `reply_parameters` (PTB's `_send_message`). */
const replyTo: ParamsConvenience = (params, method, host) => {
  const messageId = params.reply_to_message_id;
  const allow = params.allow_sending_without_reply;
  if (messageId === undefined && allow === undefined) return params;
  const { reply_to_message_id: _messageId, allow_sending_without_reply: _allow, ...rest } = params;
  if (isGiven(rest.reply_parameters) && (isGiven(messageId) || isGiven(allow))) {
    const parameter = isGiven(messageId) ? 'reply_to_message_id' : 'allow_sending_without_reply';
    throw new InvalidArgumentError(
      `${method}: '${parameter}' and 'reply_parameters' are mutually exclusive; put it into reply_parameters`,
      { parameter, method },
    );
  }
  if (isGiven(allow) && typeof allow !== 'boolean') {
    throw new InvalidArgumentError(`${method}: 'allow_sending_without_reply' must be a boolean`, {
      parameter: 'allow_sending_without_reply',
      method,
    });
  }
  if (!isGiven(messageId)) return rest;
  if (typeof messageId !== 'number' || !Number.isInteger(messageId)) {
    throw new InvalidArgumentError(`${method}: 'reply_to_message_id' must be an integer message id`, {
      parameter: 'reply_to_message_id',
      method,
    });
  }
  const allowed = isGiven(allow) ? allow : host.defaults?.allowSendingWithoutReply;
  return {
    ...rest,
    reply_parameters:
      allowed === undefined
        ? { message_id: messageId }
        : { message_id: messageId, allow_sending_without_reply: allowed },
  };
};

function hasCaption(item: unknown): boolean {
  if (typeof item !== 'object' || item === null) return false;
  const { caption, caption_entities: entities } = item as { caption?: unknown; caption_entities?: unknown };
  return (typeof caption === 'string' && caption !== '') || (Array.isArray(entities) && entities.length > 0);
}

/** The album caption onto a copy of the first media item (PTB's `send_media_group(caption=...)`). */
const mediaGroupCaption: ParamsConvenience = (params, method) => {
  const { caption, parse_mode: parseMode, caption_entities: entities } = params;
  if (caption === undefined && parseMode === undefined && entities === undefined) return params;
  const { caption: _caption, parse_mode: _parseMode, caption_entities: _entities, ...rest } = params;
  if (!isGiven(caption) || caption === '') {
    if (isGiven(parseMode) || isGiven(entities)) {
      throw new InvalidArgumentError(
        `${method}: parse_mode and caption_entities describe the album's caption; pass caption too`,
        { parameter: isGiven(parseMode) ? 'parse_mode' : 'caption_entities', method },
      );
    }
    return rest;
  }
  if (typeof caption !== 'string') {
    throw new InvalidArgumentError(`${method}: 'caption' must be a string`, { parameter: 'caption', method });
  }
  const media = rest.media;
  // A missing or malformed media list is reported by the parameter check that follows.
  if (!Array.isArray(media)) return rest;
  const first: unknown = media[0];
  if (typeof first !== 'object' || first === null) {
    throw new InvalidArgumentError(`${method}: an album caption needs at least one media item`, {
      parameter: 'media',
      method,
    });
  }
  if (media.some(hasCaption)) {
    throw new InvalidArgumentError(
      `${method}: give either a caption for the album or captions on its media, not both`,
      { parameter: 'caption', method },
    );
  }
  const item: Record<string, unknown> = {
    ...(first instanceof TelegramObject ? first.toJSON() : (first as Record<string, unknown>)),
    caption,
  };
  if (parseMode === null) delete item.parse_mode;
  else if (parseMode !== undefined) item.parse_mode = parseMode;
  if (isGiven(entities)) item.caption_entities = entities;
  else delete item.caption_entities;
  return { ...rest, media: [item, ...media.slice(1)] };
};

function buildTable(): ReadonlyMap<string, ParamsConvenience> {
  const table = new Map<string, ParamsConvenience>();
  for (const meta of Object.values(METHODS)) {
    if (meta.params.some((param) => param.name === 'reply_parameters')) table.set(meta.name, replyTo);
  }
  table.set('sendMediaGroup', (params, method, host) =>
    replyTo(mediaGroupCaption(params, method, host), method, host),
  );
  return table;
}

/**
 * The conveniences by method name: every method with `reply_parameters` maps
 * `reply_to_message_id`; `sendMediaGroup` also takes an album caption. Methods not listed are sent
 * as given.
 */
export const PARAMS_CONVENIENCES: ReadonlyMap<string, ParamsConvenience> = buildTable();

/** How many results Telegram takes in one answer to an inline query; the size of a page. */
export const INLINE_QUERY_RESULTS_PER_PAGE = 50;

/** Results of an inline query answer: a list, or a function that returns the results of page `page` (from 0). */
export type InlineQueryResults =
  | readonly InlineQueryResultInit[]
  | ((page: number) => readonly InlineQueryResultInit[] | null | undefined);

/** One page of results and the `next_offset` that points at the page after it (`''` when none). */
export interface InlineResultsPage {
  readonly results: readonly InlineQueryResultInit[];
  readonly nextOffset: string;
}

function pageNumber(offset: string, parameter: string): number {
  if (offset === '') return 0;
  if (!/^\d+$/.test(offset)) {
    throw new InvalidArgumentError(`The offset ${JSON.stringify(offset)} is not a page number`, {
      parameter,
      method: 'answerInlineQuery',
    });
  }
  return Number(offset);
}

/**
 * The page of `results` that `offset` (an inline query's offset: `''` or a page number) names,
 * 50 results a page for a list; a function is asked for that page, and a page of nothing ends the
 * pages. `parameter` names the offset's option in errors.
 */
export function inlineResultsPage(
  results: InlineQueryResults,
  offset: string,
  parameter = 'current_offset',
): InlineResultsPage {
  const page = pageNumber(offset, parameter);
  if (typeof results === 'function') {
    const found = results(page);
    if (found === null || found === undefined || found.length === 0) return { results: [], nextOffset: '' };
    return { results: found, nextOffset: String(page + 1) };
  }
  const start = page * INLINE_QUERY_RESULTS_PER_PAGE;
  const end = start + INLINE_QUERY_RESULTS_PER_PAGE;
  if (results.length > end) return { results: results.slice(start, end), nextOffset: String(page + 1) };
  return { results: results.slice(start), nextOffset: '' };
}

/** Options of `Bot.answerInlineQuery`: the method's own plus PTB's `current_offset`. */
export interface AnswerInlineQueryPagingOptions extends AnswerInlineQueryOptions {
  /**
   * The offset of the query being answered (`inlineQuery.offset`): the bot sends that page of the
   * results and sets `next_offset` itself. Excludes `next_offset`.
   */
  readonly current_offset?: string | undefined;
}

/** The results and options answerInlineQuery sends, after `current_offset` picked the page (PTB's `_effective_inline_results`). */
export function effectiveInlineResults(
  results: InlineQueryResults,
  options: AnswerInlineQueryPagingOptions | undefined,
): {
  readonly results: readonly InlineQueryResultInit[];
  readonly options: AnswerInlineQueryOptions | undefined;
} {
  if (options === undefined || options.current_offset === undefined) {
    if (typeof results === 'function') {
      throw new InvalidArgumentError('Results given as a function of the page need current_offset', {
        parameter: 'results',
        method: 'answerInlineQuery',
      });
    }
    if (options === undefined || !('current_offset' in options)) return { results, options };
    const { current_offset: _unused, ...rest } = options;
    return { results, options: rest };
  }
  const { current_offset: offset, ...rest } = options;
  if (rest.next_offset !== undefined) {
    throw new InvalidArgumentError('current_offset and next_offset are mutually exclusive', {
      parameter: 'next_offset',
      method: 'answerInlineQuery',
    });
  }
  if (typeof offset !== 'string') {
    throw new InvalidArgumentError('current_offset must be a string (the inline query offset)', {
      parameter: 'current_offset',
      method: 'answerInlineQuery',
    });
  }
  const page = inlineResultsPage(results, offset);
  return { results: page.results, options: { ...rest, next_offset: page.nextOffset } };
}
