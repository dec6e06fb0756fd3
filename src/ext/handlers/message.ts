/**
 * `MessageHandler`: runs its callback for message updates that pass its filters.
 */
import { Update } from '../../generated/types.js';
import type { AnyContext, CallbackContext, UpdateContext } from '../context.js';
import type { BaseFilter } from '../filters/base.js';
import { passed } from '../filters/base.js';
import { ALL } from '../filters/content.js';
import type { FilteredUpdate, FilterResult } from '../filters/types.js';
import { BaseHandler, type CallbackOf, type HandlerOptions } from './base.js';

/**
 * Handles message updates (new and edited messages, channel posts, business and guest messages)
 * that pass `filters`; `null` stands for `filters.ALL`. The callback sees the update as the filters
 * narrowed it, and data filters (`filters.Regex`) fill `context.matches`. `context.chatData` is
 * always present (a message has a chat), `context.userData` when the filters guarantee a sender.
 *
 * @example
 * app.addHandler(new MessageHandler(filters.TEXT.and(filters.COMMAND.not()), async (update) => {
 *   await update.effectiveMessage.replyText(update.effectiveMessage.text);
 * }));
 */
export class MessageHandler<
  U extends Update = FilteredUpdate,
  C extends AnyContext = CallbackContext,
  R = unknown,
> extends BaseHandler<NoInfer<U>, C, R, FilterResult, UpdateContext<NoInfer<U>, C>> {
  /** The filters an update must pass. */
  readonly filters: BaseFilter<U>;

  constructor(
    filters: BaseFilter<U> | null,
    callback: CallbackOf<NoInfer<U>, UpdateContext<NoInfer<U>, C>, R>,
    options: HandlerOptions = {},
  ) {
    super(callback, options);
    this.filters = filters ?? (ALL as BaseFilter<Update> as BaseFilter<U>);
  }

  /** The filter result for an Update (`false` when it fails), `undefined` for anything else. */
  checkUpdate(update: unknown): FilterResult | undefined {
    if (!(update instanceof Update)) return undefined;
    const result = this.filters.checkUpdate(update);
    return passed(result) ? result : false;
  }

  /** Copies the data of data filters (e.g. `matches`) onto the context. */
  override collectAdditionalContext(
    context: C,
    _update: unknown,
    _application: unknown,
    checkResult: FilterResult,
  ): void {
    if (typeof checkResult === 'object') context.update(checkResult);
  }
}
