/**
 * Handles `shipping_query` updates (invoices with flexible prices).
 */
import type { AnyContext, CallbackContext } from '../context.js';
import type { HandlerCallback, HandlerOptions } from './base.js';
import type { UpdateWith } from './common.js';
import { UpdateKindHandler } from './kind.js';

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
  constructor(callback: HandlerCallback<UpdateWith<'shipping_query'>, C, R>, options: HandlerOptions = {}) {
    super('shipping_query', callback, options);
  }
}
