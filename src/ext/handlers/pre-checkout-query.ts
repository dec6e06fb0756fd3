/**
 * Handles pre-checkout queries, optionally by a pattern on the invoice payload.
 */
import type { AnyContext, CallbackContext, UpdateContext } from '../context.js';
import type { CallbackOf, HandlerOptions } from './base.js';
import { compileStartPattern, matchStart, type Pattern, type UpdateWith } from './common.js';
import { UpdateKindHandler } from './kind.js';

/** Options of {@link PreCheckoutQueryHandler}. */
export interface PreCheckoutQueryHandlerOptions extends HandlerOptions {
  /** Matched at the start of `pre_checkout_query.invoice_payload`. */
  readonly pattern?: Pattern | undefined;
}

/**
 * The update a PreCheckoutQueryHandler callback sees: `pre_checkout_query` and `effectiveUser` present.
 *
 * @example
 * ```ts
 * const onCheckout = (update: PreCheckoutQueryUpdate) => update.pre_checkout_query.answer(true);
 * ```
 */
export type PreCheckoutQueryUpdate = UpdateWith<'pre_checkout_query'>;

/**
 * Handles `pre_checkout_query` updates (answer them within 10 seconds).
 *
 * @example
 * ```ts
 * app.addHandler(new PreCheckoutQueryHandler((update) => update.pre_checkout_query.answer(true), { pattern: 'order-' }));
 * ```
 */
export class PreCheckoutQueryHandler<
  C extends AnyContext = CallbackContext,
  R = unknown,
> extends UpdateKindHandler<'pre_checkout_query', C, R> {
  readonly pattern: Pattern | undefined;
  readonly #pattern: RegExp | undefined;

  constructor(
    callback: CallbackOf<PreCheckoutQueryUpdate, UpdateContext<PreCheckoutQueryUpdate, C>, R>,
    options: PreCheckoutQueryHandlerOptions = {},
  ) {
    super('pre_checkout_query', callback, options);
    this.pattern = options.pattern;
    this.#pattern = options.pattern === undefined ? undefined : compileStartPattern(options.pattern);
  }

  protected override accepts(update: PreCheckoutQueryUpdate): boolean {
    return (
      this.#pattern === undefined ||
      matchStart(this.#pattern, update.pre_checkout_query.invoice_payload) !== null
    );
  }
}
