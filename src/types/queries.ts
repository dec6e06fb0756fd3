/**
 * Answering shortcuts on the query-like updates: `InlineQuery.answer` (with PTB's automatic
 * pagination), `ChatJoinRequest.approve/decline`, `PreCheckoutQuery.answer`, `ShippingQuery.answer`.
 */
import { InvalidArgumentError } from '../errors.js';
import type {
  AnswerInlineQueryOptions,
  AnswerPreCheckoutQueryOptions,
  AnswerShippingQueryOptions,
} from '../generated/params.js';
import {
  ChatJoinRequest,
  InlineQuery,
  type InlineQueryResultInit,
  PreCheckoutQuery,
  ShippingQuery,
} from '../generated/types.js';
import type { CallSettings } from '../request/types.js';
import { defineBehaviour } from './behaviour.js';

/** How many results Telegram takes in one answer to an inline query; the size of a page. */
export const INLINE_QUERY_RESULTS_PER_PAGE = 50;

/** Results of an inline query answer: a list, or a function that returns the results of page `page` (from 0). */
export type InlineQueryResults =
  | readonly InlineQueryResultInit[]
  | ((page: number) => readonly InlineQueryResultInit[] | null | undefined);

/** Options of {@link InlineQuery.answer}: answerInlineQuery's own plus pagination. */
export interface InlineQueryAnswerOptions extends AnswerInlineQueryOptions {
  /**
   * Paginate with the query's own `offset`: the results for that page are sent and `next_offset`
   * is set to the next page (or `''` when there is none). Excludes `currentOffset`.
   */
  readonly autoPagination?: boolean | undefined;
  /**
   * Paginate as if the query's offset were this (`''` is the first page); excludes `next_offset`,
   * which pagination computes.
   */
  readonly currentOffset?: string | undefined;
}

declare module '../generated/types.js' {
  interface InlineQuery {
    /**
     * Answers this inline query (`bot.answerInlineQuery(this.id, ...)`). With `autoPagination` (or
     * `currentOffset`), a long list is sent 50 results at a time and `next_offset` is filled in, so
     * Telegram asks for the next page when the user scrolls; `results` may also be a function of the
     * page number that returns that page (nothing or an empty list when there are no more).
     *
     * @example await query.answer(allResults, { autoPagination: true, cache_time: 0 });
     */
    answer(
      results: InlineQueryResults,
      options?: InlineQueryAnswerOptions,
      settings?: CallSettings,
    ): Promise<true>;
  }

  interface ChatJoinRequest {
    /**
     * Lets the user into the chat (`bot.approveChatJoinRequest(chat.id, from.id)`).
     *
     * @example await update.chat_join_request!.approve();
     */
    approve(settings?: CallSettings): Promise<true>;
    /** Turns the user's request down (`bot.declineChatJoinRequest(chat.id, from.id)`). */
    decline(settings?: CallSettings): Promise<true>;
  }

  interface PreCheckoutQuery {
    /**
     * Confirms (`ok: true`) or refuses the checkout, with an `error_message` for the user when refusing.
     *
     * @example await query.answer(false, { error_message: 'Sold out' });
     */
    answer(ok: boolean, options?: AnswerPreCheckoutQueryOptions, settings?: CallSettings): Promise<true>;
  }

  interface ShippingQuery {
    /**
     * Offers `shipping_options` for the address (`ok: true`) or refuses it with an `error_message`.
     *
     * @example await query.answer(true, { shipping_options: [{ id: 'post', title: 'Post', prices }] });
     */
    answer(ok: boolean, options?: AnswerShippingQueryOptions, settings?: CallSettings): Promise<true>;
  }
}

function pageNumber(offset: string): number {
  if (offset === '') return 0;
  if (!/^\d+$/.test(offset)) {
    throw new InvalidArgumentError(`The offset ${JSON.stringify(offset)} is not a page number`, {
      parameter: 'currentOffset',
      method: 'answerInlineQuery',
    });
  }
  return Number(offset);
}

/** The results of one page and the `next_offset` that points at the page after it ('' for none). */
function paginate(
  results: InlineQueryResults,
  offset: string,
): { results: readonly InlineQueryResultInit[]; nextOffset: string } {
  const page = pageNumber(offset);
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

defineBehaviour(InlineQuery, {
  async answer(
    this: InlineQuery,
    results: InlineQueryResults,
    options: InlineQueryAnswerOptions = {},
    settings?: CallSettings,
  ): Promise<true> {
    const { autoPagination, currentOffset, ...rest } = options;
    if (autoPagination === true && currentOffset !== undefined) {
      throw new InvalidArgumentError('currentOffset and autoPagination are mutually exclusive', {
        parameter: 'currentOffset',
        method: 'answerInlineQuery',
      });
    }
    const offset = autoPagination === true ? this.offset : currentOffset;
    if (offset === undefined) {
      if (typeof results === 'function') {
        throw new InvalidArgumentError(
          'Results given as a function of the page need autoPagination or currentOffset',
          {
            parameter: 'results',
            method: 'answerInlineQuery',
          },
        );
      }
      return this.getBot().answerInlineQuery(this.id, results, rest, settings);
    }
    if (rest.next_offset !== undefined) {
      throw new InvalidArgumentError(
        'next_offset is computed when paginating: pass either it or currentOffset/autoPagination',
        {
          parameter: 'next_offset',
          method: 'answerInlineQuery',
        },
      );
    }
    const page = paginate(results, offset);
    return this.getBot().answerInlineQuery(
      this.id,
      page.results,
      { ...rest, next_offset: page.nextOffset },
      settings,
    );
  },
});

defineBehaviour(ChatJoinRequest, {
  approve(this: ChatJoinRequest, settings?: CallSettings): Promise<true> {
    return this.getBot().approveChatJoinRequest(this.chat.id, this.from.id, settings);
  },
  decline(this: ChatJoinRequest, settings?: CallSettings): Promise<true> {
    return this.getBot().declineChatJoinRequest(this.chat.id, this.from.id, settings);
  },
});

defineBehaviour(PreCheckoutQuery, {
  answer(
    this: PreCheckoutQuery,
    ok: boolean,
    options?: AnswerPreCheckoutQueryOptions,
    settings?: CallSettings,
  ): Promise<true> {
    return this.getBot().answerPreCheckoutQuery(this.id, ok, options, settings);
  },
});

defineBehaviour(ShippingQuery, {
  answer(
    this: ShippingQuery,
    ok: boolean,
    options?: AnswerShippingQueryOptions,
    settings?: CallSettings,
  ): Promise<true> {
    return this.getBot().answerShippingQuery(this.id, ok, options, settings);
  },
});
