/**
 * Handles `shipping_query` updates (invoices with flexible prices).
 */
import type { AnyContext, CallbackContext, UpdateContext } from '../context.js';
import type { CallbackOf, HandlerOptions } from './base.js';
import type { UpdateWith } from './common.js';
import { UpdateKindHandler } from './kind.js';

/**
 * The update a ShippingQueryHandler callback sees: `shipping_query` and `effectiveUser` present.
 *
 * @example
 * ```ts
 * const onShipping = (update: ShippingQueryUpdate) => log(update.shipping_query.shipping_address.country_code);
 * ```
 */
export type ShippingQueryUpdate = UpdateWith<'shipping_query'>;

/**
 * Handles `shipping_query` updates (invoices with flexible prices).
 *
 * @example
 * ```ts
 * app.addHandler(new ShippingQueryHandler((update) => update.shipping_query.answer(true, { shipping_options: [] })));
 * ```
 */
export class ShippingQueryHandler<
  C extends AnyContext = CallbackContext,
  R = unknown,
> extends UpdateKindHandler<'shipping_query', C, R> {
  constructor(
    callback: CallbackOf<ShippingQueryUpdate, UpdateContext<ShippingQueryUpdate, C>, R>,
    options: HandlerOptions = {},
  ) {
    super('shipping_query', callback, options);
  }
}
