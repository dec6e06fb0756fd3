/**
 * The base of handlers that take one kind of update (a poll, a shipping query...).
 */
import type { UpdateType } from '../../generated/metadata.js';
import { Update } from '../../generated/types.js';
import type { AnyContext, UpdateContext } from '../context.js';
import { BaseHandler, type CallbackOf, type HandlerOptions } from './base.js';
import type { UpdateWith } from './common.js';

/**
 * Handles updates whose field `kind` is present and that pass {@link accepts}.
 *
 * @example
 * ```ts
 * class GuestMessageHandler extends UpdateKindHandler<'guest_message', CallbackContext, unknown> {
 *   constructor(callback: CallbackOf<UpdateWith<'guest_message'>, CallbackContext, unknown>) {
 *     super('guest_message', callback);
 *   }
 * }
 * ```
 */
export abstract class UpdateKindHandler<K extends UpdateType, C extends AnyContext, R> extends BaseHandler<
  UpdateWith<K>,
  C,
  R,
  true
> {
  /** The update field this handler reads. */
  readonly kind: K;

  constructor(
    kind: K,
    callback: CallbackOf<UpdateWith<K>, UpdateContext<UpdateWith<K>, C>, R>,
    options: HandlerOptions = {},
  ) {
    super(callback, options);
    this.kind = kind;
  }

  checkUpdate(update: unknown): true | false {
    return (
      update instanceof Update && update[this.kind] !== undefined && this.accepts(update as UpdateWith<K>)
    );
  }

  /** Further tests of a present update of this kind; all pass by default. */
  protected accepts(_update: UpdateWith<K>): boolean {
    return true;
  }
}
