/**
 * Answering shortcuts on the query-like updates: `InlineQuery.answer` (with PTB's automatic
 * pagination), `ChatJoinRequest.approve/decline`, `PreCheckoutQuery.answer`, `ShippingQuery.answer`.
 */
import {
  INLINE_QUERY_RESULTS_PER_PAGE,
  type InlineQueryResults,
  inlineResultsPage,
} from '../conveniences.js';
import { InvalidArgumentError } from '../errors.js';
import type { AnswerInlineQueryOptions } from '../generated/params.js';
import { ChatJoinRequest, InlineQuery, PreCheckoutQuery, ShippingQuery } from '../generated/types.js';
import type { CallSettings } from '../request/types.js';
import { defineBehaviour } from './behaviour.js';
import type { DropFirst, Resolves, SkipFirst } from './id-shortcut.js';

export { INLINE_QUERY_RESULTS_PER_PAGE, type InlineQueryResults };

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
  /**
   * Not an option here: `Bot.answerInlineQuery`'s `current_offset` is spelt {@link currentOffset}
   * on this shortcut, and throws when given.
   */
  readonly current_offset?: never;
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
    approve(...args: DropFirst<SkipFirst<'approveChatJoinRequest'>>): Resolves<'approveChatJoinRequest'>;
    /** Turns the user's request down (`bot.declineChatJoinRequest(chat.id, from.id)`). */
    decline(...args: DropFirst<SkipFirst<'declineChatJoinRequest'>>): Resolves<'declineChatJoinRequest'>;
  }

  interface PreCheckoutQuery {
    /**
     * Confirms (`ok: true`) or refuses the checkout, with an `error_message` for the user when refusing.
     *
     * @example await query.answer(false, { error_message: 'Sold out' });
     */
    answer(...args: SkipFirst<'answerPreCheckoutQuery'>): Resolves<'answerPreCheckoutQuery'>;
  }

  interface ShippingQuery {
    /**
     * Offers `shipping_options` for the address (`ok: true`) or refuses it with an `error_message`.
     *
     * @example await query.answer(true, { shipping_options: [{ id: 'post', title: 'Post', prices }] });
     */
    answer(...args: SkipFirst<'answerShippingQuery'>): Resolves<'answerShippingQuery'>;
  }
}

defineBehaviour(InlineQuery, {
  async answer(results, options = {}, settings) {
    const { autoPagination, currentOffset, ...rest } = options;
    if (rest.current_offset !== undefined) {
      throw new InvalidArgumentError(
        `'current_offset' is not an option of InlineQuery.answer; write currentOffset: ${JSON.stringify(rest.current_offset)}`,
        { parameter: 'current_offset', method: 'answerInlineQuery' },
      );
    }
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
    const page = inlineResultsPage(results, offset, 'currentOffset');
    return this.getBot().answerInlineQuery(
      this.id,
      page.results,
      { ...rest, next_offset: page.nextOffset },
      settings,
    );
  },
});

defineBehaviour(ChatJoinRequest, {
  approve(settings) {
    return this.getBot().approveChatJoinRequest(this.chat.id, this.from.id, settings);
  },
  decline(settings) {
    return this.getBot().declineChatJoinRequest(this.chat.id, this.from.id, settings);
  },
});

defineBehaviour(PreCheckoutQuery, {
  answer(ok, options, settings) {
    return this.getBot().answerPreCheckoutQuery(this.id, ok, options, settings);
  },
});

defineBehaviour(ShippingQuery, {
  answer(ok, options, settings) {
    return this.getBot().answerShippingQuery(this.id, ok, options, settings);
  },
});
